import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot, demoSignIn } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeEdition, makeVisit } from '../../support/exchange-fixture.ts';
import { recordFollowUps } from '../../../src/db/schema/index.ts';

// Practice examples and the professional record in a real Chromium against the demo network: a
// coordinator turns a finished exchange week into an example and publishes it; a visitor without
// an account finds it by facets and text in the public library; the demo teacher opens the record,
// adds and deletes an activity, answers the lasting-effect question, downloads a certificate and a
// badge, and checks the badge on the public verification page (valid), then a changed copy (not
// valid) and the revoked one (revoked, also by its bit in the network's public status list); the
// teacher edits a hand-added activity in place, adds a PDF as its evidence, downloads it and removes
// a file after confirming, and the team lead downloads it once shown; the coordinator sets when the lasting-effect
// question is asked and reads what changed. axe-core and a 390 px overflow check on every page state.

const rows = <T,>(r: unknown) => (r as { rows: T[] }).rows;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An action button or link on one activity: its visible label, then the activity's title for screen readers. */
const named = (action: string, title: string) => new RegExp(`^${escape(action)}\\s*: ${escape(title)}$`);

describe.skipIf(!e2eRunnable)('practice examples and the professional record in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timezoneId: 'Asia/Kathmandu' });
  const { newPage, check: checkA11y, heading } = pages;
  let networkId = '';
  let editionId = '';
  let editionName = '';
  let followUpId = '';
  let exampleTitle = '';
  let badgeFile = '';
  const region = 'Gooi en Vechtstreek';
  const evidenceTitle = 'Cursus EHBO voor docenten';
  const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
    const db = h.deps.db;
    networkId = rows<{ id: string }>(await db.execute(sql`select id from networks where slug = 'demo'`))[0]!.id;
    const inst = async (name: string) => rows<{ id: string }>(await db.execute(sql`select id from institutions where network_id = ${networkId} and name = ${name}`))[0]!.id;
    const mbo = await inst('ROC Eemvallei');
    const hbo = await inst('Hogeschool Domstad');
    const teacherAt = async (institutionId: string, not = '') => rows<{ id: string }>(await db.execute(sql`
      select p.id from people p join memberships m on m.person_id = p.id and m.role = 'teacher' and m.institution_id = ${institutionId}
      where p.id::text <> ${not} order by p.email limit 1`))[0]!.id;
    const docent = rows<{ id: string }>(await db.execute(sql`select id from people where email = 'docent@demo.kruispunt.nl'`))[0]!.id;
    const hboTeacher = await teacherAt(hbo);
    const location = rows<{ id: string }>(await db.execute(sql`select id from locations where institution_id = ${hbo} limit 1`))[0]!.id;
    // A finished exchange week: closed, with visits that took place both ways.
    editionId = await makeEdition(h, networkId, { a: mbo, b: hbo }, 'closed');
    editionName = rows<{ name: string }>(await db.execute(sql`select name from editions where id = ${editionId}`))[0]!.name;
    await makeVisit(h, networkId, editionId, docent, hboTeacher, location, 6);
    await makeVisit(h, networkId, editionId, hboTeacher, docent, location, 5);
    await db.execute(sql`update visits set status = 'done' where edition_id = ${editionId}`);
    // The lasting-effect question of an activity a while ago (the hourly job would ask it).
    const [fu] = await db.insert(recordFollowUps).values({
      networkId, personId: docent, source: 'manual', sourceId: 'e2e-follow-up', title: 'Onderwijscongres over hybride leeromgevingen', activityDate: '2026-01-15', askedAt: new Date(),
    }).returning();
    followUpId = fu!.id;
    badgeFile = path.join(await mkdtemp(path.join(tmpdir(), 'kp-badge-')), 'changed-badge.json');
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });


  it('a coordinator turns the finished exchange week into an example and publishes it', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'netwerkcoördinator');
    await page.goto(`${h.baseUrl}/uitwisseling/beheer/${editionId}`);
    await heading(page, editionName);
    await page.getByRole('link', { name: 'Maak praktijkvoorbeeld' }).click();
    await heading(page, 'Van uitwisselingsweek naar praktijkvoorbeeld');
    await checkA11y(page, 'example from edition');
    await page.getByRole('button', { name: 'Concept maken' }).click();
    await heading(page, /bewerken/);
    await expect.poll(() => page.getByLabel('Het verhaal').inputValue(), { timeout: 10_000 }).toMatch(/lesbezoeken/);
    await checkA11y(page, 'example edit (draft from the edition)');
    exampleTitle = `Docenten kijken over de muur: ${editionName}`;
    await page.getByLabel('Titel').fill(exampleTitle);
    await page.getByLabel('Wat maakt het bijzonder?').fill('De docenten ontdekten samen een werkvorm voor de overstap van mbo naar hbo.');
    await page.getByLabel('Regio').fill(region);
    await page.getByRole('checkbox', { name: 'Professionalisering' }).check();
    await page.getByLabel('Tips').fill('Plan het nagesprek meteen na het bezoek.');
    await page.getByRole('radio', { name: /^Gedeeld/ }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await heading(page, exampleTitle);
    await (page.getByText('in het netwerk', { exact: true })).first().waitFor();
    await checkA11y(page, 'example page (shared in the network)');
    await page.getByRole('button', { name: 'Openbaar maken' }).click();
    await (page.getByText('openbaar', { exact: true })).first().waitFor();
    await checkA11y(page, 'example page (public)');
    // The network library shows it among the demo's examples, with the draft for coordinators.
    await page.goto(`${h.baseUrl}/voorbeelden`);
    await heading(page, 'Praktijkvoorbeelden');
    await (page.getByRole('link', { name: exampleTitle })).first().waitFor();
    await (page.getByRole('link', { name: 'Een week docentstage bij een softwarebedrijf' })).first().waitFor();
    await checkA11y(page, 'network library');
  });

  it('a visitor without an account finds it by facets and text in the public library', async () => {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/praktijkvoorbeelden`);
    await heading(page, 'Praktijkvoorbeelden');
    expect(await (page.getByRole('link', { name: 'Atom-feed met nieuwe voorbeelden' })).getAttribute('href')).toBe('/api/public/examples.atom');
    await (page.getByRole('link', { name: 'Leerlab: vmbo-leerlingen volgen een keuzedeel op het roc' })).first().waitFor();
    // The draft and the network-only example are not public.
    await (page.getByRole('link', { name: 'Een week docentstage bij een softwarebedrijf' })).first().waitFor({ state: 'detached' });
    await checkA11y(page, 'public library');
    await page.getByRole('checkbox', { name: new RegExp(`^${region} \\(1\\)`) }).click();
    await page.waitForURL(/region=/);
    await page.getByRole('checkbox', { name: /^HBO \(\d+\)/ }).click();
    await page.waitForURL(/sector=hbo/);
    await (page.getByText('1 voorbeeld gevonden')).first().waitFor();
    // Dutch stemming: "docent" finds "docenten".
    await page.getByLabel('Zoek in de voorbeelden').fill('docent werkvorm');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/q=docent/);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: exampleTitle }) });
    await (card).first().waitFor();
    await (card.locator('mark').first()).first().waitFor();
    await checkA11y(page, 'public library with facets and text');
    await page.getByRole('checkbox', { name: /^HBO/ }).click();
    await page.waitForURL((url) => !url.search.includes('sector=hbo'));
    await page.getByLabel('Zoek in de voorbeelden').fill('ditwoordkomtnergensvoor');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await (page.getByText('Geen voorbeelden gevonden')).first().waitFor();
    await checkA11y(page, 'public library without results');
    await page.getByRole('button', { name: 'Alles wissen' }).click();
    await page.getByLabel('Zoek in de voorbeelden').fill('docenten');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('link', { name: exampleTitle }).click();
    await heading(page, exampleTitle);
    await (page.getByText('Plan het nagesprek meteen na het bezoek.')).first().waitFor();
    await checkA11y(page, 'public example page');
  });

  it('the teacher opens the record, adds, edits in place and deletes an activity and answers the lasting-effect question', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'docent');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossier' }).click();
    await heading(page, 'Mijn professionaliseringsdossier');
    await (page.getByRole('heading', { name: 'Cursus didactiek van programmeeronderwijs' })).first().waitFor();
    await (page.getByRole('heading', { name: editionName })).first().waitFor();
    await (page.getByRole('progressbar').first()).first().waitFor();
    await checkA11y(page, 'record');
    await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Activiteit toevoegen' });
    await dialog.getByLabel('Wat heb je gedaan?').fill('Workshop feedback geven');
    await dialog.getByLabel('Datum').fill('2026-02-10');
    await dialog.getByLabel('Uren in totaal').fill('3');
    await dialog.getByLabel('Waarvan contacturen').fill('5');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await (dialog.getByText('Contacturen kunnen niet meer zijn dan de uren in totaal.')).first().waitFor();
    await checkA11y(page, 'record: add activity with an error');
    await dialog.getByLabel('Waarvan contacturen').fill('2,5');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await (page.getByRole('heading', { name: 'Workshop feedback geven' })).first().waitFor();
    const [added] = rows<{ id: string }>(await h.deps.db.execute(sql`select id from record_manual_activities where title = 'Workshop feedback geven'`));
    // Edited in place: the same activity keeps its id (its choices, certificate and badge point to it).
    await page.getByRole('button', { name: named('Wijzigen', 'Workshop feedback geven') }).click();
    const edit = page.getByRole('dialog', { name: 'Activiteit wijzigen' });
    await edit.getByLabel('Uren in totaal').fill('2');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await (edit.getByText('Contacturen kunnen niet meer zijn dan de uren in totaal.')).first().waitFor();
    await checkA11y(page, 'record: edit activity with an error');
    await edit.getByLabel('Wat heb je gedaan?').fill('Workshop feedback geven en ontvangen');
    await edit.getByLabel('Uren in totaal').fill('4,5');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await (page.getByText('De activiteit is gewijzigd.')).first().waitFor();
    await (page.getByRole('heading', { name: 'Workshop feedback geven en ontvangen' })).first().waitFor();
    await checkA11y(page, 'record: activity edited');
    expect(rows<{ id: string; hours: number }>(await h.deps.db.execute(sql`select id, hours from record_manual_activities where title like 'Workshop feedback%'`)))
      .toEqual([{ id: added!.id, hours: 4.5 }]);
    await page.getByRole('button', { name: named('Verwijderen', 'Workshop feedback geven en ontvangen') }).click();
    const confirm = page.getByRole('dialog', { name: 'Activiteit verwijderen?' });
    await checkA11y(page, 'record: confirm delete');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await (page.getByRole('heading', { name: 'Workshop feedback geven en ontvangen' })).first().waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Onderwijscongres over hybride leeromgevingen' }).first().click();
    await heading(page, 'Wat doe je nu anders?');
    await checkA11y(page, 'lasting-effect question');
    await page.getByLabel('Wat denk of doe je nu anders door deze activiteit?').fill('Ik laat studenten vaker in hybride groepjes werken.');
    await page.getByRole('radio', { name: 'Ja, duidelijk' }).check();
    await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await (page.getByText('Dank je wel. Je antwoord staat in je leerrapport.')).first().waitFor();
    await checkA11y(page, 'lasting-effect answered');
    expect(followUpId).toBeTruthy();
  });

  it('the teacher adds an activity with a PDF as evidence, downloads it, removes a file after confirming and shows the activity to the team lead', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'docent');
    await page.goto(`${h.baseUrl}/dossier`);
    await heading(page, 'Mijn professionaliseringsdossier');
    await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Activiteit toevoegen' });
    await dialog.getByLabel('Wat heb je gedaan?').fill(evidenceTitle);
    await dialog.getByLabel('Datum').fill('2026-03-05');
    await dialog.getByLabel('Uren in totaal').fill('4');
    await dialog.getByLabel('Waarvan contacturen').fill('4');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: evidenceTitle }) });
    await card.waitFor();
    await (card.getByText('Nog geen bestanden.', { exact: false })).first().waitFor();
    // Behind "Bewijsstuk toevoegen" (a disclosure, by keyboard): the file chooser.
    await card.getByText('Bewijsstuk toevoegen').focus();
    await page.keyboard.press('Enter');
    const chooser = card.getByLabel(`Bestand voor “${evidenceTitle}”`);
    await chooser.waitFor();
    await checkA11y(page, 'record: add evidence');
    // A web page is refused with the server's translated message; nothing is listed.
    await chooser.setInputFiles({ name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await card.getByRole('button', { name: 'Uploaden' }).click();
    await (card.getByText(/Dit soort bestand kan geen bewijsstuk zijn/)).first().waitFor();
    await checkA11y(page, 'record: evidence refused');
    await chooser.setInputFiles({ name: 'Certificaat EHBO.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await card.getByRole('button', { name: 'Uploaden' }).click();
    const link = card.getByRole('link', { name: 'Certificaat EHBO.pdf downloaden' });
    await link.waitFor();
    await (card.getByText('“Certificaat EHBO.pdf” is toegevoegd.')).first().waitFor();
    await (card.getByText(`(PDF, ${EVIDENCE_PDF.length} B)`)).first().waitFor();
    await checkA11y(page, 'record: evidence listed');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Certificaat EHBO.pdf');
    expect((await readFile((await download.path())!)).equals(EVIDENCE_PDF)).toBe(true);
    // A second file, removed again after confirming.
    await chooser.setInputFiles({ name: 'presentielijst.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;aanwezig\nAnna;ja\n') });
    await card.getByRole('button', { name: 'Uploaden' }).click();
    await card.getByRole('link', { name: 'presentielijst.csv downloaden' }).waitFor();
    await card.getByRole('button', { name: 'presentielijst.csv verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bewijsstuk verwijderen?' });
    await checkA11y(page, 'record: confirm removing evidence');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => card.getByRole('link', { name: 'presentielijst.csv downloaden' }).count()).toBe(0);
    expect(await link.count()).toBe(1);
    await checkA11y(page, 'record: evidence removed');
    expect(rows<{ name: string }>(await h.deps.db.execute(sql`select f.name from record_evidence_files f join record_manual_activities a on a.id = f.activity_id where a.title = ${evidenceTitle}`)))
      .toEqual([{ name: 'Certificaat EHBO.pdf' }]);
    // the box follows the saved choice (it changes once the server answers)
    const shown = card.getByRole('checkbox', { name: 'Zichtbaar voor mijn teamleider' });
    await shown.click();
    await (page.getByText('Opgeslagen wat je teamleider ziet.')).first().waitFor();
    await expect.poll(() => shown.isChecked()).toBe(true);
  });

  it('the teacher downloads a certificate and a badge and checks the badge (valid), a changed copy (not valid) and, once revoked, its bit in the public status list', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'docent');
    await page.goto(`${h.baseUrl}/dossier`);
    await heading(page, 'Mijn professionaliseringsdossier');
    const title = 'Cursus didactiek van programmeeronderwijs';
    const [certificate] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: named('Certificaat (pdf)', title) }).click()]);
    expect((await readFile((await certificate.path())!)).subarray(0, 4).toString()).toBe('%PDF');
    await page.getByRole('button', { name: named('Badge uitgeven', title) }).click();
    const badgeLink = page.getByRole('link', { name: named('Badge downloaden (JSON)', title) });
    await badgeLink.waitFor();
    await checkA11y(page, 'record with a badge');
    const [badge] = await Promise.all([page.waitForEvent('download'), badgeLink.click()]);
    const badgePath = (await badge.path())!;
    const credential = JSON.parse(await readFile(badgePath, 'utf8')) as { type: string[]; credentialSubject: { achievement: { name: string } } };
    expect(credential.type).toContain('OpenBadgeCredential');

    // The verification page needs no account.
    const visitor = await newPage();
    await visitor.goto(`${h.baseUrl}/badge-controle`);
    await heading(visitor, 'Badge controleren');
    await checkA11y(visitor, 'badge check');
    await visitor.getByLabel('Badgebestand (.json) uploaden').setInputFiles(badgePath);
    // the file is read in the browser (FileReader) and then fills the text box
    await expect.poll(() => visitor.getByLabel('Of plak de badge').inputValue(), { timeout: 10_000 }).toMatch(/OpenBadgeCredential/);
    await visitor.getByRole('button', { name: 'Controleren' }).click();
    await (visitor.getByRole('heading', { name: 'Deze badge is geldig' })).first().waitFor();
    await checkA11y(visitor, 'badge check: valid');

    credential.credentialSubject.achievement.name = `${credential.credentialSubject.achievement.name} (met 40 uur extra)`;
    await writeFile(badgeFile, JSON.stringify(credential, null, 2));
    await visitor.getByLabel('Badgebestand (.json) uploaden').setInputFiles(badgeFile);
    await visitor.getByRole('button', { name: 'Controleren' }).click();
    await (visitor.getByRole('heading', { name: 'Deze badge is niet geldig' })).first().waitFor();
    await (visitor.getByText(/De handtekening klopt niet/)).first().waitFor();
    await checkA11y(visitor, 'badge check: changed badge');

    await visitor.getByLabel('Of plak de badge').fill('dit is geen badge');
    await visitor.getByRole('button', { name: 'Controleren' }).click();
    await (visitor.getByText('Dit is geen JSON.')).first().waitFor();

    // Revoked: the same badge is then reported revoked.
    await page.getByRole('button', { name: named('Badge intrekken', title) }).click();
    await page.getByRole('dialog', { name: 'Badge intrekken?' }).getByRole('button', { name: 'Badge intrekken' }).click();
    await (page.getByText('De badge is ingetrokken.')).first().waitFor();
    await visitor.getByLabel('Badgebestand (.json) uploaden').setInputFiles(badgePath);
    await visitor.getByRole('button', { name: 'Controleren' }).click();
    await (visitor.getByText('De badge is ingetrokken.')).first().waitFor();
    await checkA11y(visitor, 'badge check: revoked');
    // Anyone can see it in the network's public revocation list: the badge's bit is set.
    const status = (credential as unknown as { credentialStatus: { statusListCredential: string; statusListIndex: string } }).credentialStatus;
    const list = await (await fetch(`${h.baseUrl}${new URL(status.statusListCredential).pathname}`)).json() as { credentialSubject: { encodedList: string } };
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    const index = Number(status.statusListIndex);
    expect((bits[index >> 3]! >> (7 - (index % 8))) & 1).toBe(1);
  });

  it('the team lead sees the totals and only what the teacher chose to show', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'teamleider');
    await page.goto(`${h.baseUrl}/dossier/team`);
    await heading(page, 'Dossiers van het team');
    await checkA11y(page, 'team records');
    const docentName = rows<{ name: string }>(await h.deps.db.execute(sql`select name from people where email = 'docent@demo.kruispunt.nl'`))[0]!.name;
    await page.getByLabel('Zoek op naam').fill(docentName);
    await page.getByRole('link', { name: docentName }).click();
    await heading(page, `Dossier van ${docentName}`);
    await (page.getByRole('heading', { name: 'Cursus didactiek van programmeeronderwijs' })).first().waitFor();
    await (page.getByRole('heading', { name: 'Webinar testautomatisering voor docenten' })).first().waitFor({ state: 'detached' });
    await checkA11y(page, 'team lead view of a record');
    // The evidence of an activity the teacher shows: listed and downloadable, without remove or upload.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: evidenceTitle }) });
    const link = card.getByRole('link', { name: 'Certificaat EHBO.pdf downloaden' });
    await link.waitFor();
    expect(await card.getByRole('button', { name: /verwijderen/ }).count()).toBe(0);
    expect(await card.getByText('Bewijsstuk toevoegen').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect((await readFile((await download.path())!)).equals(EVIDENCE_PDF)).toBe(true);
    await checkA11y(page, 'team lead view with evidence');
  });

  it('the coordinator sets when the lasting-effect question is asked and reads what changed, without names', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'netwerkcoördinator');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Doorwerking' }).click();
    await heading(page, 'Doorwerking van activiteiten');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Onderwijscongres over hybride leeromgevingen' }) });
    await row.waitFor();
    // asked 1, answered 1; with one answer its kind stays hidden (the small-numbers rule)
    expect((await row.getByRole('cell').allInnerTexts()).slice(1)).toEqual(['1', '1', 'Pas vanaf 3 antwoorden geteld (1 antwoord), zodat niemand herkenbaar is']);
    expect(await page.locator('main').innerText()).not.toContain('docent@demo');
    await checkA11y(page, 'lasting effect: figures and setting');
    const days = page.getByLabel('Aantal dagen na de activiteit');
    await days.fill('5');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').first().waitFor();
    await checkA11y(page, 'lasting effect: days refused');
    await days.fill('60');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await (page.getByText('Opgeslagen: Kruispunt vraagt het 60 dagen na een activiteit.')).first().waitFor();
    await checkA11y(page, 'lasting effect: days saved');
    expect(rows<{ d: number }>(await h.deps.db.execute(sql`select follow_up_days as d from record_settings where network_id = ${networkId}`))[0]!.d).toBe(60);
  });
});
