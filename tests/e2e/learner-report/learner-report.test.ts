import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { sendLearnerReportReminders } from '../../../src/domain/learner-report/report/send-reminders.ts';

// Learner reports in a real Chromium against a real server and database: a teacher of ROC
// Eemvallei writes a report with two activities (autosave survives a reload, a second tab gets
// a conflict instead of losing text), accepts a suggested type, completes it and shares it with
// a colleague, who reads it read-only until the share is withdrawn. Four more teachers complete
// reports through the API; the team lead then sees exactly those counts — and never a word of
// the teachers' text. axe-core checks every page state on the way.

const DEMO_PASSWORD = 'kruispunt-demo';
const COLLEAGUE_PASSWORD = 'leren in de eemvallei';

type Code = 'TEACHING_COACHING' | 'INTERACTION_COLLABORATION' | 'TASKS_ROLES' | 'INFORMATION_SOURCES' | 'EXPERIMENTING_INNOVATING' | 'REFLECTING_EVALUATING'
  | 'PD_PROGRAMME' | 'DEGREE_COURSE' | 'STRUCTURAL_COACHING' | 'CONFERENCE' | 'FORMAL_COLLABORATION';
const ORDER: Code[] = ['TEACHING_COACHING', 'INTERACTION_COLLABORATION', 'TASKS_ROLES', 'INFORMATION_SOURCES', 'EXPERIMENTING_INNOVATING', 'REFLECTING_EVALUATING',
  'PD_PROGRAMME', 'DEGREE_COURSE', 'STRUCTURAL_COACHING', 'CONFERENCE', 'FORMAL_COLLABORATION'];
const FORMAL = new Set<Code>(['PD_PROGRAMME', 'DEGREE_COURSE', 'STRUCTURAL_COACHING', 'CONFERENCE', 'FORMAL_COLLABORATION']);
const DUTCH: Record<Code, string> = {
  TEACHING_COACHING: 'Primaire proces van lesgeven en coachen',
  INTERACTION_COLLABORATION: 'Interactie, discussie, samenwerken en delen',
  TASKS_ROLES: 'Uitvoeren van taken, rollen en extra-curriculaire activiteiten',
  INFORMATION_SOURCES: 'Consulteren van (offline/online) informatiebronnen',
  EXPERIMENTING_INNOVATING: 'Experimenteren en innoveren',
  REFLECTING_EVALUATING: 'Reflecteren en evalueren',
  PD_PROGRAMME: "Professionaliseringsprogramma's",
  DEGREE_COURSE: 'Cursus voor een graad of studiepunten',
  STRUCTURAL_COACHING: 'Ontvangen van structurele coaching',
  CONFERENCE: 'Bijwonen van een conferentie of congres',
  FORMAL_COLLABORATION: 'Deelnemen aan een formele samenwerking',
};

/** What the four colleagues write (through the API): one list of types each. */
const COLLEAGUE_TYPES: Code[][] = [
  ['TEACHING_COACHING', 'REFLECTING_EVALUATING'],
  ['INTERACTION_COLLABORATION'],
  ['CONFERENCE', 'INFORMATION_SOURCES'],
  ['DEGREE_COURSE'],
];
/** Words in the teachers' texts that must never reach the team lead's pages. */
const SECRET = 'Zebravinkmoment';

describe.skipIf(!e2eRunnable)('learner reports in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let networkId = '';
  let colleagues: { id: string; name: string; email: string; client: ApiClient; reportId: string }[] = [];
  let teacherReportId = '';
  let teacherTypes: Code[] = [];
  const pages = browserPages(() => browser, { timezoneId: 'Asia/Kathmandu' });
  const { newContext, check: checkA11y, heading } = pages;
  const newPage = (context?: Parameters<typeof pages.newPage>[1]) => pages.newPage(undefined, context);

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();

    const docent = h.client();
    expect((await docent.login('docent@demo.kruispunt.nl', DEMO_PASSWORD)).status).toBe(200);
    const me = await docent.request('GET', '/api/auth/me');
    networkId = me.body.memberships[0].networkId;
    // The demo holds completed reports so a team lead sees insight at once; this suite follows a
    // team from its first report on, so it starts without them.
    await h.deps.db.execute(sql`delete from learner_reports where network_id = ${networkId}`);

    // Four more teachers of ROC Eemvallei get a password and a report each. The first shares
    // hers with the demo teacher, so the demo teacher knows a colleague to share with.
    const found = await h.deps.db.execute(sql`
      select p.id, p.name, p.email from people p
      join memberships m on m.person_id = p.id and m.role = 'teacher'
      join institutions i on i.id = m.institution_id and i.name = 'ROC Eemvallei'
      where p.email <> 'docent@demo.kruispunt.nl'
      order by p.name limit 4`);
    const rows = (found as unknown as { rows: { id: string; name: string; email: string }[] }).rows;
    expect(rows.length, 'the demo has at least four more teachers at ROC Eemvallei').toBe(4);
    const passwordHash = await hash(COLLEAGUE_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    colleagues = [];
    for (const [i, row] of rows.entries()) {
      await h.deps.db.execute(sql`update people set password_hash = ${passwordHash} where id = ${row.id}`);
      const client = h.client();
      expect((await client.login(row.email, COLLEAGUE_PASSWORD)).status).toBe(200);
      const activities = COLLEAGUE_TYPES[i]!.map((type, n) => ({
        title: `Activiteit ${n + 1} van collega ${i + 1}`,
        description: { goal: `${SECRET} doel ${i}-${n}`, involved: '', role: '', setting: '' },
        learningOutcomes: `${SECRET} geleerd ${i}-${n}`, impact: `${SECRET} anders ${i}-${n}`, explanation: `${SECRET} verklaring ${i}-${n}`,
        type, typeSource: 'chosen',
      }));
      const created = await client.request('POST', `/api/networks/${networkId}/learner-reports`, { inventory: ['Lesbezoek', 'Teamoverleg'], activities });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      colleagues.push({ ...row, client, reportId: created.body.id });
    }
    const docentId = me.body.id as string;
    const shared = await colleagues[0]!.client.request('POST', `/api/networks/${networkId}/learner-reports/${colleagues[0]!.reportId}/shares`, { personId: docentId });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  async function login(page: Page, email: string, password: string) {
    await page.goto(`${h.baseUrl}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, /^Welkom/);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const activity = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Activiteit ${n}:`) });

  /** Waits until the server has confirmed everything: the status says so and no copy is left in localStorage. */
  async function savedToServer(page: Page) {
    await page.locator('.save-status', { hasText: /Opgeslagen om \d{2}:\d{2}/ }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`not saved; the status says: ${await page.locator('.save-status').textContent()}; alerts: ${(await page.getByRole('alert').allTextContents()).join(' | ')}`, { cause: error });
    });
    await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('kruispunt.learner-report.')));
  }

  async function readReport(id: string) {
    const docent = h.client();
    await docent.login('docent@demo.kruispunt.nl', DEMO_PASSWORD);
    const r = await docent.request('GET', `/api/networks/${networkId}/learner-reports/${id}`);
    expect(r.status).toBe(200);
    return r.body;
  }

  it('team lead sees an explanatory empty state while fewer than five teachers completed a report', async () => {
    const lead = await newPage();
    await login(lead, 'teamleider@demo.kruispunt.nl', DEMO_PASSWORD);
    // The home page says what team insight needs, and leads there.
    const card = lead.getByRole('region', { name: 'Leerrapporten' });
    await card.getByRole('link', { name: 'Teaminzicht: cijfers verschijnen zodra 5 docenten een leerrapport hebben afgerond' }).waitFor();
    await checkA11y(lead, 'home: team lead, team insight still empty');
    await card.getByRole('link', { name: /^Teaminzicht/ }).click();
    await heading(lead, 'Teaminzicht');
    await lead.getByText('Nog te weinig docenten voor cijfers').waitFor();
    await lead.getByText(/minstens 5 docenten een afgerond leerrapport hebben, zodat niemand herkenbaar is/).waitFor();
    await checkA11y(lead, 'team insight (group too small)');
    // A team lead reads no research export and no network settings.
    expect(await lead.getByRole('link', { name: /Onderzoeksexport/ }).count()).toBe(0);
    expect(await lead.getByRole('heading', { name: 'Instellingen leerrapporten' }).count()).toBe(0);
  });

  it('teacher writes a report with two activities: autosave, reload, a second tab, a suggested type, completion and sharing', async () => {
    const context = await newContext();
    const page = await newPage(context);
    await login(page, 'docent@demo.kruispunt.nl', DEMO_PASSWORD);
    await nav(page).getByRole('link', { name: 'Leerrapporten' }).click();
    await heading(page, 'Leerrapporten');
    await page.getByText('Je hebt nog geen leerrapporten').waitFor();
    await page.getByText('Hoe leer jij het liefst?').waitFor();
    await checkA11y(page, 'learner reports (empty)');

    // English once: the same page, every string translated.
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Learner reports');
    await page.getByText('You have no learner reports yet').waitFor();
    await checkA11y(page, 'learner reports (English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await heading(page, 'Leerrapporten');

    await page.getByRole('button', { name: 'Nieuw leerrapport' }).click();
    await heading(page, /^Leerrapport /);
    teacherReportId = page.url().split('/').pop()!;
    await page.getByText('Nog geen activiteiten gekozen').waitFor();
    await checkA11y(page, 'editor (new report)');

    // Question 1, then two lines are worked out as activities.
    await page.getByLabel('Je lijst').fill('Webinar over formatief evalueren\nSamen lesgeven met een collega\nBoek gelezen');
    await page.getByRole('button', { name: /^Uitwerken\s*:\s*Webinar over formatief evalueren$/ }).click();
    const first = activity(page, 1);
    await first.waitFor();
    // The new activity takes the focus (its title), so keyboard users continue there.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Webinar over formatief evalueren');
    await first.getByLabel('Wat was het doel?').fill(`Ik heb me ingeschreven voor een webinar over formatief evalueren. ${SECRET}`);
    await first.getByLabel('3. Leeropbrengsten: wat heb je geleerd?').fill('Hoe ik met exit tickets kan zien wat studenten begrepen hebben.');
    await savedToServer(page);

    // Reload after the save: everything is still there.
    await page.reload();
    await heading(page, /^Leerrapport /);
    expect(await activity(page, 1).getByLabel('Wat was het doel?').inputValue()).toContain(SECRET);
    expect(await page.getByLabel('Je lijst').inputValue()).toContain('Boek gelezen');

    // Reload before the autosave pause is over: the text comes back from this browser and is then saved.
    await activity(page, 1).getByLabel('4. Doorwerking: wat denk of doe je nu anders?').fill('Ik sluit elke les af met een exit ticket.');
    expect(await page.locator('.save-status').textContent()).toMatch(/zo opgeslagen/);
    await page.reload();
    await heading(page, /^Leerrapport /);
    expect(await activity(page, 1).getByLabel('4. Doorwerking: wat denk of doe je nu anders?').inputValue()).toBe('Ik sluit elke les af met een exit ticket.');
    await savedToServer(page);
    expect((await readReport(teacherReportId)).activities[0].impact).toBe('Ik sluit elke les af met een exit ticket.');
    await checkA11y(page, 'editor (one activity, saved)');

    // Offline: the status says so, the text waits in localStorage and is saved when the connection returns.
    await context.setOffline(true);
    await activity(page, 1).getByLabel('Wat was je eigen rol?').fill('Deelnemer en daarna presentator in het team.');
    await page.locator('.save-status', { hasText: 'Niet opgeslagen — offline' }).waitFor();
    const kept = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('kruispunt.learner-report.')).map(([, v]) => v).join(''));
    expect(kept).toContain('Deelnemer en daarna presentator in het team.');
    await checkA11y(page, 'editor (offline)');
    await context.setOffline(false);
    await savedToServer(page);
    expect((await readReport(teacherReportId)).activities[0].description.role).toBe('Deelnemer en daarna presentator in het team.');

    // A second tab on the same report: its save is based on an older revision and gets a conflict.
    const second = await newPage(context);
    await second.goto(page.url());
    await heading(second, /^Leerrapport /);
    await activity(page, 1).getByLabel('5. Verklaren: waarom had het dit effect?').fill('Omdat ik het meteen in mijn eigen les kon proberen.');
    await savedToServer(page);
    await activity(second, 1).getByLabel('5. Verklaren: waarom had het dit effect?').fill('Door de voorbeelden van andere docenten.');
    const conflict = second.getByRole('dialog', { name: 'Dit rapport is ook ergens anders gewijzigd' });
    await conflict.waitFor();
    await conflict.getByText('Omdat ik het meteen in mijn eigen les kon proberen.').waitFor();
    await conflict.getByText('Door de voorbeelden van andere docenten.').waitFor();
    await second.locator('.save-status', { hasText: 'Niet opgeslagen' }).waitFor();
    await checkA11y(second, 'editor: conflict between two tabs');
    // Escape closes the dialog, not the question: a banner keeps the way back to it.
    await second.keyboard.press('Escape');
    await second.getByRole('alert').filter({ hasText: 'Er is een verschil met de opgeslagen versie' }).waitFor();
    await second.getByRole('button', { name: 'Versies vergelijken' }).click();
    await conflict.waitFor();
    expect(await conflict.getByLabel('Beide houden (opgeslagen tekst, daaronder de mijne)').isChecked()).toBe(true);
    await conflict.getByRole('button', { name: 'Deze keuze opslaan' }).click();
    await savedToServer(second);
    const merged = (await readReport(teacherReportId)).activities[0].explanation as string;
    expect(merged).toContain('Omdat ik het meteen in mijn eigen les kon proberen.');
    expect(merged).toContain('Door de voorbeelden van andere docenten.');
    await second.close();
    // The first tab is now behind too, but it changes another answer: merged without asking.
    await activity(page, 1).getByLabel('4. Doorwerking: wat denk of doe je nu anders?').fill('Ik sluit elke les af met een exit ticket en bespreek de uitkomst.');
    await savedToServer(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await activity(page, 1).getByLabel('5. Verklaren: waarom had het dit effect?').inputValue()).toBe(merged);
    expect((await readReport(teacherReportId)).activities[0]).toMatchObject({ explanation: merged, impact: 'Ik sluit elke les af met een exit ticket en bespreek de uitkomst.' });
    await page.reload();
    await heading(page, /^Leerrapport /);
    expect(await activity(page, 1).getByLabel('5. Verklaren: waarom had het dit effect?').inputValue()).toBe(merged);

    // Leaving the editor inside the app right after typing, and coming back: the text is there, no conflict.
    await activity(page, 1).getByLabel('In welke setting vond het plaats?').fill('Online, vanuit de mediatheek.');
    await nav(page).getByRole('link', { name: 'Leerrapporten' }).click();
    await heading(page, 'Leerrapporten');
    await page.getByRole('row', { name: /concept/ }).getByRole('link').click();
    await heading(page, /^Leerrapport /);
    expect(await activity(page, 1).getByLabel('In welke setting vond het plaats?').inputValue()).toBe('Online, vanuit de mediatheek.');
    await activity(page, 1).getByLabel('Wat was je eigen rol?').fill('Deelnemer, daarna presentator in het team.');
    await savedToServer(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await readReport(teacherReportId)).activities[0].description).toMatchObject({ setting: 'Online, vanuit de mediatheek.', role: 'Deelnemer, daarna presentator in het team.' });

    // The suggested type, with the words of the teacher's own text that decided it.
    await activity(page, 1).getByRole('button', { name: 'Type voorstellen' }).click();
    const suggestion = activity(page, 1).getByRole('region', { name: 'Voorstel voor het type' });
    await suggestion.waitFor();
    await suggestion.getByText(/zekerheid \d+%/).waitFor();
    const marked = await suggestion.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.map((w) => w.toLowerCase())).toContain('webinar');
    const suggestedName = (await suggestion.locator('strong').first().textContent()) ?? '';
    await checkA11y(page, 'editor: type suggestion');
    await suggestion.getByRole('button', { name: 'Dit type bevestigen' }).click();
    await activity(page, 1).getByText('voorgesteld en bevestigd').waitFor();
    await activity(page, 1).getByText(suggestedName).first().waitFor();

    // When two types fit about equally well, both are shown side by side with their words; when the
    // text says too little, the teacher is asked to tell more (answers of the API, shown as they come).
    const base = { formal: false, why: [], confidence: 0.41, confidenceLevel: 'LOW', cues: [], alternatives: [], reason: null };
    await page.route('**/typology/suggest', (route) => route.fulfill({ json: {
      ...base, type: null, state: 'TWO_CLOSE',
      candidates: [
        { type: 'PD_PROGRAMME', formal: true, confidence: 0.44, why: ['webinar'] },
        { type: 'INTERACTION_COLLABORATION', formal: false, confidence: 0.41, why: ['team'] },
      ],
    } }));
    await activity(page, 1).getByRole('button', { name: 'Type voorstellen' }).click();
    await suggestion.getByText('Twee types passen ongeveer even goed bij je tekst.', { exact: false }).waitFor();
    expect(await suggestion.getByRole('button', { name: /^Kies dit type/ }).count()).toBe(2);
    await checkA11y(page, 'editor: two types close');
    await page.unroute('**/typology/suggest');
    await page.route('**/typology/suggest', (route) => route.fulfill({ json: { ...base, type: null, state: 'TELL_US_MORE', candidates: [], confidence: 0, reason: 'NEEDS_MORE_DETAIL' } }));
    await activity(page, 1).getByRole('button', { name: 'Type voorstellen' }).click();
    await suggestion.getByText('Vertel ons wat meer').waitFor();
    await suggestion.getByText(/Beschrijf bij vraag 2 wat je precies deed/).waitFor();
    await checkA11y(page, 'editor: tell us more');
    await page.unroute('**/typology/suggest');
    await activity(page, 1).getByText('voorgesteld en bevestigd').waitFor();

    // The second activity: its type is chosen from the eleven, one answer is left open first.
    await page.getByRole('button', { name: /^Uitwerken\s*:\s*Samen lesgeven met een collega$/ }).click();
    const secondActivity = activity(page, 2);
    await secondActivity.waitFor();
    await secondActivity.getByLabel('Wie waren erbij betrokken?').fill(`Een collega van de opleiding logistiek. ${SECRET}`);
    await secondActivity.getByLabel('3. Leeropbrengsten: wat heb je geleerd?').fill('Dat we elkaar feedback kunnen geven tijdens de les.');
    await secondActivity.getByLabel('4. Doorwerking: wat denk of doe je nu anders?').fill('We plannen elke maand een gezamenlijke les.');
    await secondActivity.getByLabel('Of kies zelf een type').selectOption('INTERACTION_COLLABORATION');
    await secondActivity.getByText('zelf gekozen').waitFor();

    // A third line worked out and removed again, after confirming; focus lands on the list heading.
    await page.getByRole('button', { name: /^Uitwerken\s*:\s*Boek gelezen$/ }).click();
    await activity(page, 3).getByRole('button', { name: 'Activiteit verwijderen' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Activiteit verwijderen?' });
    await removeDialog.getByText('De activiteit ‘Boek gelezen’ en alle antwoorden erbij worden uit dit rapport gehaald.').waitFor();
    await checkA11y(page, 'editor: remove activity confirmation');
    await removeDialog.getByRole('button', { name: 'Activiteit verwijderen' }).click();
    await page.getByRole('heading', { name: 'Activiteiten (2 van 5)' }).waitFor();
    expect(await activity(page, 3).count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.id === 'activities-title');
    await savedToServer(page);
    await page.getByRole('button', { name: 'Rapport afronden' }).click();
    await page.getByText(/Het rapport is nog niet compleet/).waitFor();
    const explanation = secondActivity.getByLabel('5. Verklaren: waarom had het dit effect?');
    const describedBy = await explanation.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy!.split(' ').pop()}"]`).textContent()).toBe('Dit veld is verplicht.');
    await checkA11y(page, 'editor: completion with a missing answer');
    await explanation.fill('Samen voorbereiden dwingt je je keuzes uit te leggen.');
    await savedToServer(page);
    await page.getByRole('button', { name: 'Rapport afronden' }).click();
    await page.getByText(/Dit rapport is afgerond op/).waitFor();
    await page.getByRole('button', { name: 'Heropenen om te wijzigen' }).waitFor();
    await checkA11y(page, 'report (completed)');

    const stored = await readReport(teacherReportId);
    expect(stored.status).toBe('completed');
    expect(stored.activities).toHaveLength(2);
    expect(stored.activities[0].typeSource).toBe('suggested');
    expect(stored.activities[0].suggestion.type).toBe(stored.activities[0].type);
    expect(suggestedName).toContain(DUTCH[stored.activities[0].type as Code]);
    expect(stored.activities[1]).toMatchObject({ type: 'INTERACTION_COLLABORATION', typeSource: 'chosen' });
    teacherTypes = stored.activities.map((a: { type: Code }) => a.type);

    // Sharing with the colleague who shared hers (the picker lists her), then she reads it.
    const colleague = colleagues[0]!;
    const share = page.getByRole('region', { name: 'Delen', exact: true });
    await share.getByText('Dit rapport is met niemand gedeeld.').waitFor();
    await share.getByRole('button', { name: 'Delen', exact: true }).click();
    await share.getByText('Kies met wie je het rapport deelt.').waitFor();
    const option = share.getByLabel('Delen met').locator('option', { hasText: colleague.name });
    await share.getByLabel('Delen met').selectOption(await option.getAttribute('value'));
    await share.getByRole('button', { name: 'Delen', exact: true }).click();
    await page.getByText(`Het rapport is gedeeld met ${colleague.name}.`).waitFor();
    await share.getByText(new RegExp(`Gedeeld met ${colleague.name} sinds`)).waitFor();
    await checkA11y(page, 'report: shared');

    // History and portfolio on the list page.
    await nav(page).getByRole('link', { name: 'Leerrapporten' }).click();
    await heading(page, 'Leerrapporten');
    const row = page.getByRole('row', { name: /afgerond/ });
    await row.getByRole('cell', { name: colleague.name }).waitFor();
    await page.getByRole('figure', { name: 'Mijn activiteiten per type' }).waitFor();
    await page.getByText('Toon de cijfers als tabel').first().click();
    const historyRow = page.getByRole('figure', { name: 'Mijn activiteiten per type' }).getByRole('row', { name: /Interactie, discussie/ });
    expect(await historyRow.getByRole('cell').last().textContent()).toBe('1');
    const portfolio = await page.getByRole('link', { name: /Mijn portfolio/ }).getAttribute('href');
    const docent = h.client();
    await docent.login('docent@demo.kruispunt.nl', DEMO_PASSWORD);
    const pdf = await docent.download(portfolio!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await checkA11y(page, 'learner reports (with history)');

    // The colleague reads the shared report, read-only.
    const reader = await newPage();
    await login(reader, colleague.email, COLLEAGUE_PASSWORD);
    await nav(reader).getByRole('link', { name: 'Leerrapporten' }).click();
    await heading(reader, 'Leerrapporten');
    await reader.getByRole('link', { name: 'Gedeeld met mij' }).click();
    await heading(reader, 'Gedeeld met mij');
    await checkA11y(reader, 'shared with me');
    await reader.getByRole('link', { name: 'Sanne de Jong' }).click();
    await heading(reader, 'Leerrapport van Sanne de Jong');
    await reader.getByText(/Ik heb me ingeschreven voor een webinar/).waitFor();
    expect(await reader.getByRole('textbox').count()).toBe(0);
    await reader.setViewportSize({ width: 360, height: 780 });
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the shared report fits a phone').toBe(true);
    await checkA11y(reader, 'shared report (read-only)');
  });

  it('team lead sees exactly the counts of the five completed reports, never their text', async () => {
    expect(teacherTypes).toHaveLength(2);
    for (const c of colleagues) {
      const report = (await c.client.request('GET', `/api/networks/${networkId}/learner-reports/${c.reportId}`)).body;
      const done = await c.client.request('POST', `/api/networks/${networkId}/learner-reports/${c.reportId}/complete`, { revision: report.revision });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const all = [...teacherTypes, ...COLLEAGUE_TYPES.flat()];
    const formal = all.filter((t) => FORMAL.has(t)).length;
    const informal = all.length - formal;
    const percent = Math.round((informal / all.length) * 100);

    const lead = await newPage();
    await login(lead, 'teamleider@demo.kruispunt.nl', DEMO_PASSWORD);
    await lead.getByRole('region', { name: 'Leerrapporten' }).getByRole('link', { name: 'Teaminzicht: 5 afgeronde leerrapporten van 5 docenten' }).waitFor();
    await nav(lead).getByRole('link', { name: 'Teaminzicht' }).click();
    await heading(lead, 'Teaminzicht');
    const figures = lead.getByRole('list', { name: 'Kerncijfers' });
    await figures.waitFor();
    const stats = await figures.getByRole('listitem').allTextContents();
    expect(stats).toEqual(['5docenten', '5afgeronde rapporten', `${all.length}activiteiten`, `${percent}%informeel`]);
    await lead.getByText(`Informeel en formeel leren: ${percent}% informeel (onderzoek: 75%)`).first().waitFor();

    // The table alternatives hold the same numbers.
    for (const summary of await lead.getByText('Toon de cijfers als tabel').all()) await summary.click();
    const byType = lead.getByRole('figure', { name: 'Activiteiten per type' });
    for (const [i, code] of ORDER.entries()) {
      const cells = byType.getByRole('row', { name: new RegExp(`^${i + 1}\\. `) }).getByRole('cell');
      expect(await cells.last().textContent(), code).toBe(String(all.filter((t) => t === code).length));
    }
    const share = lead.getByRole('figure', { name: /Informeel en formeel leren:/ });
    expect(await share.getByRole('row', { name: /^Informeel/ }).getByRole('cell').allTextContents()).toEqual([String(informal), `${percent}%`, '75%']);
    expect(await share.getByRole('row', { name: /^Formeel/ }).getByRole('cell').allTextContents()).toEqual([String(formal), `${100 - percent}%`, '25%']);
    const byMonth = lead.getByRole('figure', { name: /per maand/ });
    const monthCells = await byMonth.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(monthCells).toEqual([String(informal), String(formal)]);
    await checkA11y(lead, 'team insight (with figures)');
    const leadApi = h.client();
    await leadApi.login('teamleider@demo.kruispunt.nl', DEMO_PASSWORD);
    for (const name of [/Gespreksblad voor teamoverleg/, /Conversation sheet/]) {
      const sheet = await leadApi.download((await lead.getByRole('link', { name }).getAttribute('href'))!);
      expect(sheet.status).toBe(200);
      expect(sheet.headers.get('content-type')).toBe('application/pdf');
    }
    await lead.setViewportSize({ width: 360, height: 780 });
    expect(await lead.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'team insight fits a phone').toBe(true);
    await lead.setViewportSize({ width: 1280, height: 900 });

    // Counts only: none of the teachers' words, titles or names of activities appear.
    const pages: Locator[] = [lead.locator('body')];
    await lead.getByRole('link', { name: /Meldingen/ }).click();
    await heading(lead, 'Meldingen');
    await lead.getByText('Geen meldingen').waitFor();
    await checkA11y(lead, 'notifications (empty)');
    pages.push(lead.locator('body'));
    await lead.goto(`${h.baseUrl}/leerrapporten/gedeeld`);
    await heading(lead, 'Gedeeld met mij');
    await lead.getByText('Er is nog niets met je gedeeld').waitFor();
    for (const text of [SECRET, 'exit ticket', 'webinar', 'Activiteit 1 van collega']) {
      expect(await lead.content()).not.toContain(text);
    }
    await lead.goto(`${h.baseUrl}/teaminzicht`);
    await heading(lead, 'Teaminzicht');
    await figures.waitFor();
    for (const text of [SECRET, 'exit ticket', 'webinar', 'Activiteit 1 van collega', 'Sanne de Jong']) {
      expect(await lead.content()).not.toContain(text);
    }
    // The team lead cannot open the report itself either.
    await lead.goto(`${h.baseUrl}/leerrapporten/${teacherReportId}`);
    await heading(lead, 'Leerrapport niet gevonden');
    expect(await lead.content()).not.toContain(SECRET);

    // The network coordinator: the same numbers for the institution, the research export and the setting.
    const coordinator = await newPage();
    await login(coordinator, 'coordinator@demo.kruispunt.nl', DEMO_PASSWORD);
    await nav(coordinator).getByRole('link', { name: 'Teaminzicht' }).click();
    await heading(coordinator, 'Teaminzicht');
    await coordinator.getByRole('list', { name: 'Kerncijfers' }).waitFor();
    await coordinator.getByLabel('Instelling', { exact: true }).selectOption({ label: 'ROC Eemvallei' });
    await coordinator.getByRole('heading', { name: 'Cijfers: ROC Eemvallei' }).waitFor();
    expect(await coordinator.getByRole('list', { name: 'Kerncijfers' }).getByRole('listitem').allTextContents()).toEqual(stats);
    const csvHref = await coordinator.getByRole('link', { name: /Onderzoeksexport/ }).getAttribute('href');
    const coordinatorApi = h.client();
    await coordinatorApi.login('coordinator@demo.kruispunt.nl', DEMO_PASSWORD);
    const csv = await (await coordinatorApi.download(csvHref!)).text();
    expect(csv.trim().split(/\r\n/)).toHaveLength(1 + all.length);
    expect(csv).not.toContain(SECRET);
    await checkA11y(coordinator, 'team insight (coordinator)');
    const max = coordinator.getByLabel('Hoogstens activiteiten per rapport');
    expect(await max.inputValue()).toBe('5');
    await max.fill('13');
    await coordinator.getByRole('button', { name: 'Opslaan' }).click();
    await coordinator.getByText('Kies een aantal van 1 tot 12.').waitFor();
    await checkA11y(coordinator, 'settings with error');
    await max.fill('6');
    await coordinator.getByRole('button', { name: 'Opslaan' }).click();
    await coordinator.getByText('Opgeslagen: hoogstens 6 activiteiten per rapport.').waitFor();
    expect((await coordinatorApi.request('GET', `/api/networks/${networkId}/learner-report-settings`)).body).toMatchObject({ maxActivities: 6 });
  });

  it('teacher withdraws the share after confirming; the colleague loses access at once', async () => {
    const colleague = colleagues[0]!;
    const page = await newPage();
    await login(page, 'docent@demo.kruispunt.nl', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/leerrapporten/${teacherReportId}`);
    await heading(page, /^Leerrapport /);
    const share = page.getByRole('region', { name: 'Delen', exact: true });
    await share.getByRole('button', { name: new RegExp(`^Intrekken\\s+${colleague.name}$`) }).click();
    const confirm = page.getByRole('dialog', { name: 'Delen intrekken?' });
    await confirm.getByText(`${colleague.name} kan dit rapport daarna direct niet meer lezen.`).waitFor();
    await checkA11y(page, 'withdraw share: confirmation');
    await confirm.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByText(`${colleague.name} kan dit rapport niet meer lezen.`).waitFor();
    await share.getByText('Dit rapport is met niemand gedeeld.').waitFor();

    const reader = await newPage();
    await login(reader, colleague.email, COLLEAGUE_PASSWORD);
    await reader.goto(`${h.baseUrl}/leerrapporten/${teacherReportId}`);
    await heading(reader, 'Leerrapport niet gevonden');
    expect(await reader.content()).not.toContain('webinar');
    await reader.goto(`${h.baseUrl}/leerrapporten/gedeeld`);
    await heading(reader, 'Gedeeld met mij');
    await reader.getByText('Er is nog niets met je gedeeld').waitFor();
    await checkA11y(reader, 'shared with me (empty)');
  });

  it('a report whose period ended is due on the home page, with a link into it, and its reminder shows as a badge and on the notifications page', async () => {
    const colleague = colleagues[1]!;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const late = await colleague.client.request('POST', `/api/networks/${networkId}/learner-reports`, { periodStart: day(-45), periodEnd: day(-10) });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect((await sendLearnerReportReminders(h.deps, new Date())).reminders).toBeGreaterThanOrEqual(1);

    const page = await newPage();
    await login(page, colleague.email, COLLEAGUE_PASSWORD);
    // The home page says the report is due and leads straight into it.
    const card = page.getByRole('region', { name: 'Leerrapporten' });
    const due = card.getByRole('link', { name: /^Rond je leerrapport af: de periode .+ is voorbij$/ });
    await due.waitFor();
    await card.getByText('(0 activiteiten)').waitFor();
    expect(await card.getByRole('listitem').count(), 'only the open draft: her completed report is not listed').toBe(1);
    await checkA11y(page, 'home: learner report due');
    await due.click();
    await heading(page, /^Leerrapport /);
    expect(page.url()).toContain(late.body.id);
    const link = page.getByRole('link', { name: 'Meldingen 1 ongelezen' });
    await link.waitFor();
    await link.click();
    await heading(page, 'Meldingen');
    const reminder = page.getByRole('link', { name: /De periode van je leerrapport is op .+ geëindigd\. Rond het af\./ });
    await reminder.waitFor();
    await checkA11y(page, 'notifications (one unread)');
    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await page.getByRole('link', { name: 'Meldingen', exact: true }).waitFor();
    expect(await page.getByText('nieuw', { exact: true }).count()).toBe(0);
    await reminder.click();
    await heading(page, /^Leerrapport /);
    expect(page.url()).toContain(late.body.id);
  });
});
