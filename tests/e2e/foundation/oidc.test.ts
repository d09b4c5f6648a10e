import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { CLIENT_ID, CLIENT_SECRET, testProviderStart, type TestProvider } from '../../support/oidc.ts';
import { identityProviders, people } from '../../../src/db/schema/index.ts';

// In Chromium against a real server, database and a real OpenID provider (oidc-provider,
// in-process on localhost): the beheerder configures the provider on the login services page, a
// teacher clicks its button on the login page, logs in at the provider's own pages and lands in
// Kruispunt as the right person in the right institution, then logs out at both. A person
// downloads their data (the ZIP is opened and read) and erases it, after which they can no
// longer log in. axe and the phone width are checked on each new page state.

describe.skipIf(!e2eRunnable)('login through an identity provider, and own data, in Chromium', () => {
  let h: Harness;
  let op: TestProvider;
  let browser: Browser;
  let nid: string;
  let hsId: string;
  let rocId: string;
  let admin: { email: string; name: string };
  const pages = browserPages(() => browser, { timeout: 20_000 });
  const { newPage, check, heading } = pages;

  beforeAll(async () => {
    h = await harnessStart({ webRoot });
    op = await testProviderStart(h);
    nid = (await makeNetwork(h.deps.db, 'Netwerk Federatie')).id;
    hsId = (await makeInstitution(h.deps.db, nid, { name: 'Hogeschool Domstad', kind: 'hbo' })).id;
    rocId = (await makeInstitution(h.deps.db, nid, { name: 'ROC Eemvallei', kind: 'mbo' })).id;
    await makePerson(h.deps.db, nid, 'network_coordinator', null);
    admin = await makePerson(h.deps.db, nid, 'admin', null);
    browser = await browserLaunch();
  }, 60_000);

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await op?.stop();
    await h?.stop();
  });

  /** A page whose requests stay on this machine (the provider's stock pages link a web font). */
  async function localPage(): Promise<Page> {
    const page = await newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    return page;
  }

  async function passwordLogin(page: Page, email: string) {
    await page.goto(`${h.baseUrl}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  const me = (page: Page) => page.evaluate(async () => {
    const res = await fetch('/api/auth/me');
    return { status: res.status, body: res.status === 200 ? await res.json() : null };
  });

  it('the beheerder adds a provider; a teacher logs in through it at the provider and lands in the right institution; logout ends both sessions', async () => {
    const page = await localPage();
    await passwordLogin(page, admin.email);
    await heading(page, `Welkom, ${admin.name}`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inlogdiensten' }).click();
    await heading(page, 'Inlogdiensten');
    await page.getByText('Er zijn nog geen inlogdiensten.').waitFor();
    await check(page, 'login services (none yet)');

    // Add: the dialog takes focus; an empty form shows translated field errors.
    await page.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inlogdienst toevoegen' });
    await dialog.waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Naam');
    await check(page, 'login services: add dialog');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await dialog.getByText('Dit is geen geldig webadres (begin met https://).').waitFor();
    expect(await dialog.getByText('Dit veld is verplicht.').count()).toBeGreaterThanOrEqual(3);
    await check(page, 'login services: add dialog with errors');

    await dialog.getByLabel('Naam', { exact: true }).fill('SURFconext');
    await dialog.getByLabel('Soort', { exact: true }).selectOption('surfconext');
    await dialog.getByLabel('Issuer-URL').fill(op.issuer);
    await dialog.getByLabel('Client-ID').fill(CLIENT_ID);
    await dialog.getByLabel('Clientgeheim').fill(CLIENT_SECRET);
    await dialog.getByLabel('Hogeschool Domstad gebruikt deze dienst').check();
    await dialog.getByLabel('ROC Eemvallei gebruikt deze dienst').check();
    await dialog.getByLabel('Waarde van de claim voor Hogeschool Domstad').fill('hogeschooldomstad.example');
    // A ticked institution without its claim value is caught before sending.
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const rocValue = dialog.getByLabel('Waarde van de claim voor ROC Eemvallei');
    expect(await rocValue.getAttribute('aria-invalid')).toBe('true');
    await rocValue.fill('roceemvallei.example');
    await dialog.getByLabel('Verplicht: mensen van ROC Eemvallei kunnen niet meer met een wachtwoord inloggen').check();
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Inlogdienst SURFconext is toegevoegd.' }).waitFor();
    const row = page.getByRole('row', { name: /SURFconext/ });
    await row.getByRole('cell', { name: 'ingesteld', exact: true }).waitFor();
    await row.getByText('(verplicht)').waitFor();
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    await page.getByText(`${h.baseUrl}/api/auth/oidc/callback`).waitFor();
    await check(page, 'login services (one)');

    const [stored] = await h.deps.db.select().from(identityProviders).where(eq(identityProviders.networkId, nid));
    expect(stored).toMatchObject({ name: 'SURFconext', kind: 'surfconext', issuer: op.issuer, clientId: CLIENT_ID, organisationClaim: 'schac_home_organization', enabled: true });
    expect(stored!.clientSecretEncrypted).not.toContain(CLIENT_SECRET);

    // The same name again: the server's translated refusal.
    await page.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
    await dialog.getByLabel('Naam', { exact: true }).fill('SURFconext');
    await dialog.getByLabel('Issuer-URL').fill(op.issuer);
    await dialog.getByLabel('Client-ID').fill(CLIENT_ID);
    await dialog.getByLabel('Clientgeheim').fill(CLIENT_SECRET);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Er is al een inlogdienst met deze naam in dit netwerk.' }).waitFor();
    await check(page, 'login services: name taken');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Edit by keyboard: the secret is write-only (shown as set, the field empty); Escape returns focus.
    const edit = page.getByRole('button', { name: 'Wijzigen SURFconext' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const editDialog = page.getByRole('dialog', { name: 'SURFconext wijzigen' });
    await editDialog.waitFor();
    expect(await editDialog.getByLabel('Clientgeheim').inputValue()).toBe('');
    await editDialog.getByText('Ingesteld. Laat dit veld leeg om het te houden').waitFor();
    expect(await editDialog.getByLabel('Waarde van de claim voor Hogeschool Domstad').inputValue()).toBe('hogeschooldomstad.example');
    await check(page, 'login services: edit dialog');
    await page.keyboard.press('Escape');
    await editDialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Wijzigen SURFconext');
    // Linking by verified e-mail, saved without touching the secret.
    await edit.click();
    await editDialog.getByLabel('Bestaande accounts koppelen op een bevestigd e-mailadres').check();
    await editDialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Inlogdienst SURFconext is opgeslagen.' }).waitFor();
    const [saved] = await h.deps.db.select().from(identityProviders).where(eq(identityProviders.networkId, nid));
    expect(saved!.linkVerifiedEmail).toBe(true);
    expect(saved!.clientSecretEncrypted).toBe(stored!.clientSecretEncrypted);

    // A teacher, in another browser: the button, the provider's login page, back in Kruispunt.
    const teacher = await localPage();
    await teacher.goto(`${h.baseUrl}/inloggen`);
    await heading(teacher, 'Inloggen');
    const button = teacher.getByRole('link', { name: 'Inloggen met SURFconext' });
    await button.waitFor();
    await check(teacher, 'login with a provider button');
    await button.click();
    await teacher.waitForURL((url) => url.href.startsWith(op.issuer));
    await teacher.getByPlaceholder('Enter any login').fill('docent.hbo');
    await teacher.getByPlaceholder('and password').fill('wat dan ook');
    await teacher.getByRole('button', { name: 'Sign-in' }).click();
    await heading(teacher, 'Welkom, Femke de Wit');
    expect(teacher.url()).toBe(`${h.baseUrl}/`);
    await check(teacher, 'home after login through the provider');
    const who = await me(teacher);
    expect(who.body).toMatchObject({ name: 'Femke de Wit', email: 'femke.hbo@hogeschooldomstad.example' });
    expect(who.body.memberships).toEqual([expect.objectContaining({ networkId: nid, institutionId: hsId, institutionName: 'Hogeschool Domstad', role: 'teacher' })]);

    // Logout: the local session ends, then the provider's (its own page asks), and back to Kruispunt.
    await teacher.getByRole('button', { name: /Femke de Wit/ }).click();
    await teacher.getByRole('button', { name: 'Uitloggen' }).click();
    await teacher.waitForURL((url) => url.href.startsWith(op.issuer));
    await teacher.getByRole('button', { name: 'Yes, sign me out' }).click();
    await heading(teacher, 'Inloggen');
    expect(teacher.url().startsWith(h.baseUrl)).toBe(true);
    expect((await me(teacher)).status).toBe(401);
    await check(teacher, 'login after logout through the provider');
    // The provider's session has ended too: the button leads to its login form again.
    await teacher.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await teacher.getByPlaceholder('Enter any login').waitFor();

    // An institution that requires its provider: password login is refused with a translated answer.
    const mbo = await makePerson(h.deps.db, nid, 'teacher', rocId);
    const mboPage = await localPage();
    await passwordLogin(mboPage, mbo.email);
    await mboPage.getByRole('alert').filter({ hasText: 'Je instelling laat je inloggen via haar eigen inlogdienst.' }).waitFor();
    await check(mboPage, 'login refused: the institution requires its provider');

    // The beheerder deletes the provider after confirming; its button leaves the login page.
    await page.getByRole('button', { name: 'Verwijderen SURFconext' }).click();
    const confirm = page.getByRole('dialog', { name: 'Inlogdienst verwijderen?' });
    await confirm.getByText('Weet je zeker dat je SURFconext wilt verwijderen?').waitFor();
    await check(page, 'login services: delete confirmation');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Inlogdienst SURFconext is verwijderd.' }).waitFor();
    await page.getByText('Er zijn nog geen inlogdiensten.').waitFor();
    expect(await h.deps.db.select().from(identityProviders).where(eq(identityProviders.networkId, nid))).toEqual([]);
    const later = await localPage();
    await later.goto(`${h.baseUrl}/inloggen`);
    await heading(later, 'Inloggen');
    await later.getByLabel('E-mailadres').waitFor();
    expect(await later.getByRole('link', { name: 'Inloggen met SURFconext' }).count()).toBe(0);
  });

  it('a person downloads all their data as a ZIP and erases it, after which they cannot log in', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const page = await localPage();
    await passwordLogin(page, person.email);
    await heading(page, `Welkom, ${person.name}`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
    await heading(page, 'Mijn gegevens');
    await page.getByRole('table', { name: 'Wat er gebeurt bij verwijderen' }).waitFor();
    await check(page, 'my data');

    // The export: a ZIP with a readable summary and JSON per table, holding this person's rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Mijn gegevens downloaden (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kruispunt-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(strFromU8(files['index.html']!)).toContain(person.email);
    const json = (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>[];
    expect(json('people.json')).toEqual([expect.objectContaining({ id: person.id, email: person.email, name: person.name })]);
    expect(json('people.json')[0]).not.toHaveProperty('password_hash');
    expect(json('memberships.json')).toEqual([expect.objectContaining({ person_id: person.id, institution_id: hsId, role: 'teacher' })]);
    expect(json('sessions.json').length).toBeGreaterThanOrEqual(1);
    expect(json('audit_log.json').map((r) => r.action)).toContain('login');

    // Erasure: someone else's address is refused in the browser; the own address erases and logs out.
    const confirmField = page.getByLabel(`Typ je e-mailadres (${person.email}) om te bevestigen`);
    await confirmField.fill('iemand.anders@example.nl');
    await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await page.getByText('Dit is niet je eigen e-mailadres.').waitFor();
    await check(page, 'my data: confirmation mismatch');
    await confirmField.fill(person.email);
    await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await heading(page, 'Inloggen');
    await page.getByRole('status').filter({ hasText: 'Je account en je gegevens zijn verwijderd.' }).waitFor();
    await check(page, 'login after erasure');
    const [row] = await h.deps.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ name: 'Verwijderde persoon', passwordHash: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);

    await page.getByLabel('E-mailadres').fill(person.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of wachtwoord klopt niet.' }).waitFor();
    expect((await me(page)).status).toBe(401);
  });

  it('a person logs out everywhere from the profile; the beheerder ends a person\'s sessions from the people page', async () => {
    const person = await makePerson(h.deps.db, nid, 'teacher', hsId);
    const laptop = await localPage();
    const phone = await localPage();
    for (const page of [laptop, phone]) {
      await passwordLogin(page, person.email);
      await heading(page, `Welkom, ${person.name}`);
    }
    await laptop.goto(`${h.baseUrl}/profiel`);
    await heading(laptop, 'Profiel');
    await laptop.getByRole('button', { name: 'Overal uitloggen' }).click();
    const confirm = laptop.getByRole('dialog', { name: 'Overal uitloggen?' });
    await confirm.waitFor();
    await check(laptop, 'profile: log out everywhere?');
    await confirm.getByRole('button', { name: 'Ja, overal uitloggen' }).click();
    await heading(laptop, 'Inloggen');
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);

    await passwordLogin(phone, person.email);
    await heading(phone, `Welkom, ${person.name}`);
    const beheerder = await localPage();
    await passwordLogin(beheerder, admin.email);
    await heading(beheerder, `Welkom, ${admin.name}`);
    await beheerder.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mensen' }).click();
    await heading(beheerder, 'Mensen');
    // Not offered for the beheerder's own row.
    expect(await beheerder.getByRole('button', { name: `Sessies beëindigen ${admin.name}` }).count()).toBe(0);
    await beheerder.getByRole('button', { name: `Sessies beëindigen ${person.name}` }).click();
    const endDialog = beheerder.getByRole('dialog', { name: 'Sessies beëindigen?' });
    await endDialog.getByText(`${person.name} wordt op elk apparaat uitgelogd`).waitFor();
    await check(beheerder, 'people: end sessions?');
    await endDialog.getByRole('button', { name: 'Ja, sessies beëindigen' }).click();
    await beheerder.getByRole('status').filter({ hasText: `${person.name} is overal uitgelogd.` }).waitFor();
    expect((await me(phone)).status).toBe(401);
    expect((await me(beheerder)).status).toBe(200);
  });
});
