import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';

// The browser UI in a real Chromium against a real server, database and SMTP catcher:
// a coordinator sets up an institution and invites a teacher, the teacher accepts from the
// e-mail, and a CSV import reports its rows. axe-core checks every page on the way.



describe.skipIf(!e2eRunnable)('foundation UI in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timeout: 15_000 });
  const { newPage, check: checkA11y, heading } = pages;

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  async function focusedTag(page: Page) {
    return page.evaluate(() => document.activeElement?.tagName ?? '');
  }

  async function expectNoHorizontalScroll(page: Page, label: string) {
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `${label} is wider than the ${client}px viewport`).toBeLessThanOrEqual(client);
  }

  it('coordinator sets up an institution and invites a teacher, who accepts from the e-mail and logs in', async () => {
    const page = await newPage();

    // A visitor is sent to the login page.
    await page.goto(`${h.baseUrl}/`);
    await heading(page, 'Inloggen');
    expect(await page.title()).toBe('Inloggen – Kruispunt');
    expect(page.url()).toContain('/inloggen');
    await page.getByRole('heading', { name: 'Demo-accounts' }).waitFor();
    await checkA11y(page, 'login');

    // Keyboard: the first Tab reaches the skip link, which moves focus to <main>.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // A wrong password shows the server's translated message.
    await page.getByLabel('E-mailadres').fill('coordinator@demo.kruispunt.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Het e-mailadres of wachtwoord klopt niet.' });
    await alert.waitFor();
    await checkA11y(page, 'login with error');

    // Client-side validation with the domain schema: an empty password is a field error.
    await page.getByLabel('Wachtwoord', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Dit veld is verplicht.').waitFor();
    const describedBy = await page.getByLabel('Wachtwoord', { exact: true }).getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Dit veld is verplicht.');

    // Demo login as the network coordinator.
    await page.getByRole('button', { name: 'Inloggen als netwerkcoördinator' }).click();
    await heading(page, 'Welkom, Marloes Verbeek');
    expect(await focusedTag(page)).toBe('H1');
    expect(await page.title()).toBe('Welkom, Marloes Verbeek – Kruispunt');
    await page.getByRole('heading', { name: 'Volgende stappen' }).waitFor();
    await checkA11y(page, 'home (coordinator)');

    // Language switch to English and back.
    const english = page.getByRole('button', { name: 'English' });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();
    await heading(page, 'Welcome, Marloes Verbeek');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Institutions' }).waitFor();
    await checkA11y(page, 'home (English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await heading(page, 'Welkom, Marloes Verbeek');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    // Create an institution.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await heading(page, 'Instellingen');
    expect(await focusedTag(page)).toBe('H1');
    await page.getByRole('table').waitFor();
    await checkA11y(page, 'institutions');
    await page.getByRole('button', { name: 'Instelling toevoegen' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Instelling toevoegen' });
    await createDialog.waitFor();
    await checkA11y(page, 'institutions: add dialog');
    await createDialog.getByLabel('Naam').fill('Testcollege Kruispunt');
    await createDialog.getByLabel('Soort').selectOption('mbo');
    await createDialog.getByLabel('BRIN-code').fill('12AB');
    await createDialog.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, 'Testcollege Kruispunt');
    await page.getByText('Nog geen locaties.').waitFor();
    await checkA11y(page, 'institution detail (empty)');

    // Add a location; a bad postcode is caught first.
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    const locationDialog = page.getByRole('dialog', { name: 'Locatie toevoegen' });
    await locationDialog.getByLabel('Naam').fill('Hoofdgebouw');
    await locationDialog.getByLabel('Adres').fill('Stationsplein 1');
    await locationDialog.getByLabel('Postcode').fill('123');
    await locationDialog.getByLabel('Plaats').fill('Utrecht');
    await locationDialog.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await locationDialog.getByText('Dit is geen Nederlandse postcode (bijv. 3511 AB).').waitFor();
    await checkA11y(page, 'location dialog with error');
    await locationDialog.getByLabel('Postcode').fill('3511ab');
    await locationDialog.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.getByText('De locatie is toegevoegd.').waitFor();
    const row = page.getByRole('row', { name: /Hoofdgebouw/ });
    await row.getByRole('cell', { name: '3511 AB' }).waitFor();
    await checkA11y(page, 'institution detail (with location)');

    // Invite a teacher to the new institution.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mensen' }).click();
    await heading(page, 'Mensen');
    await page.getByRole('table').waitFor();
    await checkA11y(page, 'people');
    await page.getByRole('button', { name: 'Iemand uitnodigen' }).click();
    const inviteDialog = page.getByRole('dialog', { name: 'Iemand uitnodigen' });
    await inviteDialog.getByLabel('Naam').fill('Tessa de Docent');
    await inviteDialog.getByLabel('E-mailadres').fill('tessa@example.nl');
    await inviteDialog.getByLabel('Rol').selectOption('teacher');
    await inviteDialog.getByLabel('Instelling').selectOption({ label: 'Testcollege Kruispunt' });
    await checkA11y(page, 'people: invite dialog');
    await inviteDialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText('De uitnodiging is verstuurd naar tessa@example.nl.').waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitnodigingen' }).click();
    await heading(page, 'Uitnodigingen');
    const invitationRow = page.getByRole('row', { name: /tessa@example\.nl/ });
    await invitationRow.getByText('verstuurd').waitFor();
    await checkA11y(page, 'invitations');

    // The mail arrives at the SMTP catcher; its link opens the acceptance page.
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('tessa@example.nl')));
    const link = /(https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();

    const teacher = await newPage({ width: 360, height: 780 });
    await teacher.goto(link!);
    await heading(teacher, 'Uitnodiging aannemen');
    await teacher.getByText('Testcollege Kruispunt').waitFor();
    await teacher.getByText('docent', { exact: true }).waitFor();
    await checkA11y(teacher, 'invitation acceptance');
    await expectNoHorizontalScroll(teacher, 'invitation acceptance');
    expect(await teacher.getByLabel('Je naam').inputValue()).toBe('Tessa de Docent');
    await teacher.getByLabel('Kies een wachtwoord').fill('kort');
    await teacher.getByRole('button', { name: 'Aannemen en inloggen' }).click();
    await teacher.getByText('Dit is te kort (minimaal 10 tekens).').waitFor();
    await teacher.getByLabel('Kies een wachtwoord').fill('fietsen langs de vecht');
    await teacher.getByRole('button', { name: 'Aannemen en inloggen' }).click();
    await heading(teacher, 'Welkom, Tessa de Docent');
    await teacher.getByText('Je bent nog niet aan een opleiding gekoppeld.').waitFor();
    await checkA11y(teacher, 'home (teacher, 360px)');
    await expectNoHorizontalScroll(teacher, 'home (teacher, 360px)');

    // Log out via the user menu and log in again with the new password.
    await teacher.getByRole('button', { name: /Tessa de Docent/ }).click();
    await teacher.getByRole('button', { name: 'Uitloggen' }).click();
    await heading(teacher, 'Inloggen');
    await teacher.getByLabel('E-mailadres').fill('tessa@example.nl');
    await teacher.getByLabel('Wachtwoord', { exact: true }).fill('fietsen langs de vecht');
    await teacher.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(teacher, 'Welkom, Tessa de Docent');
    // A teacher's navigation has no management pages.
    const nav = teacher.getByRole('navigation', { name: 'Hoofdmenu' });
    // (feature pages such as the exchange week may be added; what matters is what is absent)
    const teacherLinks = await nav.getByRole('link').allTextContents();
    expect(teacherLinks).toEqual(expect.arrayContaining(['Start', 'Instellingen', 'Profiel']));
    for (const managementPage of ['Mensen', 'Uitnodigingen', 'Importeren', 'Uitgaande mail']) expect(teacherLinks).not.toContain(managementPage);

    // The accepted invitation shows up for the coordinator.
    await page.reload();
    await heading(page, 'Uitnodigingen');
    await page.getByRole('row', { name: /tessa@example\.nl/ }).getByText('aangenomen').waitFor();
  });

  it('imports a programmes CSV and reports the rejected row with its reason', async () => {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/importeren`);
    await heading(page, 'Inloggen');
    await page.getByRole('button', { name: 'Inloggen als netwerkcoördinator' }).click();
    await heading(page, 'Importeren');
    await checkA11y(page, 'import');

    await page.getByRole('radio', { name: 'Opleidingen' }).check();
    await page.getByRole('link', { name: /voorbeeldbestand voor Opleidingen/ }).waitFor();
    const csv = '\uFEFFInstelling;Naam;ISCED;Niveau\nROC Eemvallei;Data engineer;0613;mbo-4\nROC Eemvallei;Onbekende richting;0555;mbo-4\n';
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'opleidingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Eerst controleren' }).click();
    await page.getByRole('heading', { name: 'Controleverslag (nog niets opgeslagen)' }).waitFor();
    const report = page.getByRole('table', { name: /Alle 2 regels/ });
    const accepted = report.getByRole('row', { name: /^2 / });
    const rejected = report.getByRole('row', { name: /^3 / });
    await accepted.getByText('geaccepteerd').waitFor();
    await rejected.getByText('afgekeurd').waitFor();
    expect(await rejected.textContent()).toContain('ISCED');
    await checkA11y(page, 'import: dry-run report');

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { name: 'Importverslag' }).waitFor();
    await page.getByText('1 regel geaccepteerd (1 nieuw, 0 bijgewerkt), 1 afgekeurd.').waitFor();
    await checkA11y(page, 'import: report');

    // The accepted programme is there, the rejected one is not.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('link', { name: 'ROC Eemvallei' }).click();
    await heading(page, 'ROC Eemvallei');
    await page.getByRole('row', { name: /Data engineer/ }).waitFor();
    expect(await page.getByText('Onbekende richting').count()).toBe(0);
    await checkA11y(page, 'institution detail (ROC Eemvallei)');
    await expectNoHorizontalScroll(page, 'institution detail');

  });

  it('resets a forgotten password from the e-mail link', async () => {
    const page = await newPage({ width: 360, height: 780 });
    await page.goto(`${h.baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await heading(page, 'Wachtwoord vergeten');
    await checkA11y(page, 'password reset request');
    await page.getByLabel('E-mailadres').fill('docent@demo.kruispunt.nl');
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByText(/er een e-mail onderweg/).waitFor();

    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('docent@demo.kruispunt.nl')));
    const link = /(https?:\/\/\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();
    await page.goto(link!);
    await heading(page, 'Nieuw wachtwoord kiezen');
    await checkA11y(page, 'password reset confirm');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een nieuw lang wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een ander wachtwoord!');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een nieuw lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Je wachtwoord is gewijzigd.', { exact: false }).waitFor();

    await page.goto(`${h.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill('docent@demo.kruispunt.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een nieuw lang wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, /^Welkom, /);
    await page.getByRole('heading', { name: 'Jouw opleidingen' }).waitFor();
    await checkA11y(page, 'home (teacher with programmes)');
    await expectNoHorizontalScroll(page, 'home (teacher)');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await heading(page, 'Instellingen');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Instelling toevoegen' }).count()).toBe(0);
    await checkA11y(page, 'institutions (teacher)');
  });

  it('shows each role its own pages, in Dutch and English, and they all pass axe', async () => {
    const page = await newPage();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    async function loginAs(role: string) {
      await page.goto(`${h.baseUrl}/inloggen`);
      await page.getByRole('button', { name: `Inloggen als ${role}` }).click();
      await heading(page, /^Welkom, /);
    }
    async function logout() {
      await page.getByRole('button', { name: /^Menu van/ }).click();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await heading(page, 'Inloggen');
    }

    // School coordinator: their institution, its people, invitations and imports.
    await loginAs('schoolcoördinator');
    await page.getByRole('heading', { name: 'Jouw instelling' }).waitFor();
    await checkA11y(page, 'home (school coordinator)');
    const schoolLinks = await nav.getByRole('link').allTextContents();
    expect(schoolLinks).toEqual(expect.arrayContaining(['Start', 'Instellingen', 'Mensen', 'Uitnodigingen', 'Importeren', 'Profiel']));
    expect(schoolLinks).not.toContain('Uitgaande mail');
    await nav.getByRole('link', { name: 'Mensen' }).click();
    await heading(page, 'Mensen');
    await page.getByRole('table').waitFor();
    await checkA11y(page, 'people (school coordinator)');
    const first = page.getByRole('button', { name: /^Opleidingen koppelen/ }).first();
    await first.click();
    const dialog = page.getByRole('dialog', { name: 'Opleidingen koppelen' });
    await dialog.getByRole('group').waitFor();
    await checkA11y(page, 'people: link programmes dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await logout();

    // Team lead: reads people, no management buttons.
    await loginAs('teamleider');
    await checkA11y(page, 'home (team lead)');
    await nav.getByRole('link', { name: 'Mensen' }).click();
    await heading(page, 'Mensen');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Iemand uitnodigen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Uit netwerk halen/ }).count()).toBe(0);
    await checkA11y(page, 'people (team lead)');
    await logout();

    // Coordinator (also beheerder): outbox, profile, and a page that does not exist, in English.
    await loginAs('netwerkcoördinator');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, /^Welcome, /);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Outgoing mail' }).click();
    await heading(page, 'Outgoing mail');
    await page.getByText(/e-mail|mail/).first().waitFor();
    await checkA11y(page, 'outbox (English)');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Profile', exact: true }).click();
    await heading(page, 'Profile');
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.getByLabel('Name').fill('M');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This is too short (at least 2 characters).').waitFor();
    await checkA11y(page, 'profile with error (English)');
    await page.getByLabel('Name').fill('Marloes Verbeek-Smit');
    await page.getByRole('radio', { name: 'Nederlands' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Je profiel is opgeslagen.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByRole('button', { name: /Marloes Verbeek-Smit/ }).waitFor();
    await page.goto(`${h.baseUrl}/bestaat-niet`);
    await heading(page, 'Pagina niet gevonden');
    await checkA11y(page, 'not found');
  });
});
