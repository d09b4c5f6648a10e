import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';

// Speeddate to Job Twinning in a real Chromium against a real server and database: a coordinator
// creates a speeddate and invites, a teacher registers, the door checks people in, the room clock
// (driven by the server's clock, set by the test, and pushed by the server) shows two rounds on two
// screens at the same second, a pause and a resume reach both without reload, a teacher and a professional
// choose each other, the mutual choice becomes a Job Twinning suggestion, the twin is proposed and
// confirmed, and a meeting is planned and logged. axe-core and the phone width check every state.

function amsterdam(at: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

describe.skipIf(!e2eRunnable)('speeddate and Job Twinning in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timezoneId: 'Europe/Amsterdam' });
  const checkA11y = pages.check;
  const newPage = () => pages.newPage();
  const heading = async (page: Page, name: string | RegExp) => { await pages.heading(page, name); };
  const people: Record<string, { id: string; email: string; name: string }> = {};
  // The event starts tomorrow at a whole minute; the test moves the server's clock through it.
  const start = amsterdam(new Date(Date.now() + 86_400_000));
  let eventUrl = '';
  let nid = '';

  beforeAll(async () => {
    h = await harnessStart({ webRoot, env: { SESSION_IDLE_MINUTES: '43200' } });
    browser = await browserLaunch();
    const db = h.deps.db;
    nid = (await makeNetwork(db, 'Netwerk Speeddate')).id;
    const company = (await makeInstitution(db, nid, { name: 'Installatiebedrijf Noord', kind: 'company' })).id;
    const company2 = (await makeInstitution(db, nid, { name: 'Bouwbedrijf Zuid', kind: 'company' })).id;
    const school = (await makeInstitution(db, nid, { name: 'ROC Eemvallei', kind: 'mbo' })).id;
    const add = async (key: string, role: 'network_coordinator' | 'teacher' | 'professional', inst: string | null) => {
      const p = await makePerson(db, nid, role, inst);
      people[key] = { id: p.id, email: p.email, name: p.name };
    };
    await add('coordinator', 'network_coordinator', null);
    await add('t1', 'teacher', school);
    await add('t2', 'teacher', school);
    await add('p1', 'professional', company);
    await add('p2', 'professional', company2);
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    h?.clock.reset();
    await h?.stop();
  });

  async function loginAs(key: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(people[key]!.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, /Welkom/);
    return page;
  }

  /** The rounds' start times as the server computed them. */
  async function roundStart(round: number): Promise<Date> {
    const res = await coordinator.request.get(`${h.baseUrl}/api/networks/${nid}${eventUrl}`);
    const event = (await res.json()) as { roundTimes: { round: number; startAt: string }[] };
    return new Date(event.roundTimes.find((r) => r.round === round)!.startAt);
  }

  let coordinator: Page;
  let teacher: Page;
  let professional: Page;

  it('a coordinator creates a speeddate and invites; a teacher registers', async () => {
    coordinator = await loginAs('coordinator');
    await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Speeddates' }).click();
    await heading(coordinator, 'Speeddates');
    await coordinator.getByText('Nog geen speeddates').waitFor();
    await coordinator.getByRole('checkbox', { name: new RegExp(people.p1!.name) }).waitFor();
    await checkA11y(coordinator, 'speeddates: empty with the new form');
    // A round of 0 minutes gets a translated answer.
    await coordinator.getByLabel('Titel').fill('Speeddate techniek');
    await coordinator.getByLabel('Datum').fill(start.date);
    await coordinator.getByLabel('Begintijd').fill(start.time);
    await coordinator.getByLabel('Plaats').fill('Aula ROC Eemvallei');
    await coordinator.getByLabel('Aantal tafels').fill('2');
    await coordinator.getByLabel('Docenten per tafel').fill('2');
    await coordinator.getByLabel('Minuten per ronde').fill('0');
    await coordinator.getByLabel('Minuten wisselen').fill('1');
    for (const key of ['p1', 'p2', 't1', 't2']) await coordinator.getByRole('checkbox', { name: new RegExp(people[key]!.name) }).check();
    await coordinator.getByRole('button', { name: 'Speeddate aanmaken en uitnodigingen versturen' }).click();
    await coordinator.getByText(/Een ronde van 0 minuten kan niet/).waitFor();
    await checkA11y(coordinator, 'speeddates: round length zero');
    await coordinator.getByLabel('Minuten per ronde').fill('5');
    await coordinator.getByRole('button', { name: 'Speeddate aanmaken en uitnodigingen versturen' }).click();
    await heading(coordinator, 'Speeddate techniek');
    eventUrl = new URL(coordinator.url()).pathname;
    await coordinator.getByRole('heading', { name: 'Inchecken bij de deur' }).waitFor();
    await checkA11y(coordinator, 'speeddate: invited, nobody registered');

    teacher = await loginAs('t1');
    await teacher.goto(`${h.baseUrl}/speeddates`);
    await teacher.getByRole('link', { name: 'Speeddate techniek' }).click();
    await heading(teacher, 'Speeddate techniek');
    await checkA11y(teacher, 'speeddate: teacher invited');
    await teacher.getByRole('button', { name: 'Ik kom' }).click();
    await teacher.getByText('Aangemeld', { exact: true }).waitFor();
    await teacher.getByRole('table', { name: 'Mijn route' }).waitFor();
    await checkA11y(teacher, 'speeddate: teacher registered with a route');
  });

  it('the door checks people in; the room clock shows two rounds from the server\'s time', async () => {
    await coordinator.reload();
    await coordinator.getByRole('button', { name: `${people.t1!.name} is aanwezig` }).click();
    await coordinator.getByRole('button', { name: `${people.t2!.name} is aanwezig` }).click();
    await coordinator.getByRole('table', { name: 'Indeling' }).getByText(people.t2!.name).first().waitFor();
    await checkA11y(coordinator, 'speeddate: checked in, seating');
    const cards = await coordinator.request.get(`${h.baseUrl}/api/networks/${nid}${eventUrl}/route-cards.pdf`);
    expect((await cards.body()).subarray(0, 4).toString()).toBe('%PDF');

    h.clock.set(new Date((await roundStart(1)).getTime() + 10_000));
    await coordinator.goto(`${h.baseUrl}${eventUrl}/klok`);
    await coordinator.getByTestId('clock-headline').getByText('Ronde 1 van 2').waitFor();
    const left = await coordinator.getByTestId('clock-left').textContent();
    expect(left).toMatch(/^04:(4\d|5\d)$/);
    await coordinator.getByText(people.p1!.name).first().waitFor();
    await checkA11y(coordinator, 'room clock: round 1');
    // A phone opens the same clock and shows the same round and the same second.
    await teacher.goto(`${h.baseUrl}${eventUrl}/klok`);
    await teacher.getByTestId('clock-headline').getByText('Ronde 1 van 2').waitFor();
    await teacher.getByText('Live: wijzigingen komen direct binnen').waitFor();
    await coordinator.getByText('Live: wijzigingen komen direct binnen').waitFor();
    const seconds = (text: string | null) => { const [m, s] = (text ?? '').split(':').map(Number); return m! * 60 + s!; };
    const [l1, l2] = await Promise.all([coordinator.getByTestId('clock-left').textContent(), teacher.getByTestId('clock-left').textContent()]);
    expect(Math.abs(seconds(l1) - seconds(l2))).toBeLessThanOrEqual(1);

    // The coordinator pauses: the phone stands still at once, at the very same second.
    await coordinator.getByRole('button', { name: 'Pauze' }).click();
    await teacher.getByTestId('clock-headline').getByText('Gepauzeerd · Ronde 1 van 2').waitFor();
    await coordinator.getByTestId('clock-headline').getByText('Gepauzeerd · Ronde 1 van 2').waitFor();
    await checkA11y(teacher, 'room clock: paused, on a phone');
    expect(await teacher.getByTestId('clock-left').textContent()).toBe(await coordinator.getByTestId('clock-left').textContent());
    // A minute later (server time) it resumes: the round still has the time it had at the pause.
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    await coordinator.getByRole('button', { name: 'Verder' }).click();
    await teacher.getByTestId('clock-headline').getByText('Ronde 1 van 2', { exact: true }).waitFor();
    await coordinator.getByRole('button', { name: 'Pauze' }).waitFor();

    // The server's clock reaches round 2 (moved a minute by the pause): both screens follow without reload.
    h.clock.set(new Date((await roundStart(2)).getTime() + 5_000));
    await coordinator.getByTestId('clock-headline').getByText('Ronde 2 van 2').waitFor();
    await teacher.getByTestId('clock-headline').getByText('Ronde 2 van 2').waitFor();
    await checkA11y(coordinator, 'room clock: round 2');
    h.clock.set(new Date((await roundStart(2)).getTime() + 5 * 60_000 + 1000));
    await coordinator.getByTestId('clock-headline').getByText('Afgelopen — bedankt!').waitFor();
    await teacher.getByTestId('clock-headline').getByText('Afgelopen — bedankt!').waitFor();
  });

  let twinUrl = '';

  it('a mutual choice becomes a Job Twinning suggestion, proposed and confirmed', async () => {
    await teacher.goto(`${h.baseUrl}${eventUrl}`);
    await teacher.getByRole('heading', { name: 'Wie wil je weer spreken?' }).waitFor();
    await teacher.getByRole('checkbox', { name: people.p1!.name }).check();
    await teacher.getByRole('button', { name: 'Keuze opslaan' }).click();
    await teacher.getByText('Je keuze is opgeslagen.').waitFor();
    await checkA11y(teacher, 'speeddate: choices saved');

    professional = await loginAs('p1');
    await professional.goto(`${h.baseUrl}${eventUrl}`);
    await professional.getByRole('checkbox', { name: people.t1!.name }).check();
    await professional.getByRole('button', { name: 'Keuze opslaan' }).click();
    await professional.getByText('Je keuze is opgeslagen.').waitFor();

    await teacher.goto(`${h.baseUrl}/twinning`);
    await heading(teacher, 'Job Twinning');
    await teacher.getByText('Kozen elkaar na de speeddate Speeddate techniek').waitFor();
    await checkA11y(teacher, 'twinning: suggestion from the speeddate');
    await teacher.getByRole('button', { name: `Stel een twin met ${people.p1!.name} voor` }).click();
    await heading(teacher, `${people.t1!.name} ↔ ${people.p1!.name}`);
    twinUrl = new URL(teacher.url()).pathname;
    await teacher.getByText('Voorgesteld').waitFor();
    await checkA11y(teacher, 'twin: proposed');

    await professional.goto(`${h.baseUrl}${twinUrl}`);
    await professional.getByRole('button', { name: 'Bevestigen' }).click();
    await professional.getByText('Loopt', { exact: true }).waitFor();
    await checkA11y(professional, 'twin: active');
  });

  it('a twin meeting is planned and logged', async () => {
    await teacher.goto(`${h.baseUrl}${twinUrl}`);
    await teacher.getByRole('heading', { name: 'Ontmoeting plannen' }).waitFor();
    await teacher.getByLabel('Vorm').selectOption('workplace_visit');
    await teacher.getByLabel('Onderwerp').fill('Rondleiding werkplaats');
    // Two hours ago in the browser's time (before the server's clock, which is past the event).
    const local = await teacher.evaluate(() => {
      const d = new Date(Date.now() - 2 * 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await teacher.getByLabel('Begin').fill(local);
    await teacher.getByLabel('Plaats').fill('Werkplaats Noord');
    await teacher.getByRole('button', { name: 'Plannen en uitnodigen' }).click();
    await teacher.getByRole('heading', { name: 'Op bezoek op elkaars werkplek — Rondleiding werkplaats' }).waitFor();
    await checkA11y(teacher, 'twin: meeting planned');
    await teacher.getByText('Vastleggen', { exact: true }).click();
    await teacher.getByLabel('Wat heb je geleerd?').fill('Hoe een warmtepomp wordt ingeregeld');
    await teacher.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await teacher.getByText('Vastgelegd').waitFor();
    await teacher.getByText(/1 ontmoeting, 2 uur/).waitFor();
    await checkA11y(teacher, 'twin: meeting logged');
  });

  it('a planned twin meeting is called off after confirming, and both get the cancellation', async () => {
    await teacher.getByLabel('Vorm').selectOption('coffee');
    await teacher.getByLabel('Onderwerp').fill('Koffie bij de bouwplaats');
    const inAWeek = await teacher.evaluate(() => {
      const d = new Date(Date.now() + 7 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
    });
    await teacher.getByLabel('Begin').fill(inAWeek);
    await teacher.getByRole('button', { name: 'Plannen en uitnodigen' }).click();
    const card = teacher.getByRole('listitem').filter({ has: teacher.getByRole('heading', { name: /Koffie bij de bouwplaats/ }) });
    await card.getByRole('button', { name: 'Afzeggen' }).click();
    const dialog = teacher.getByRole('dialog', { name: 'Afspraak afzeggen?' });
    await dialog.waitFor();
    await checkA11y(teacher, 'twin: call off a meeting, asked first');
    await dialog.getByRole('button', { name: 'Ja, afzeggen' }).click();
    await teacher.getByText('„Koffie bij de bouwplaats” is afgezegd; de afzegging is verstuurd.').waitFor();
    await card.getByText('Afgelast').waitFor();
    expect(await card.getByRole('button', { name: 'Afzeggen' }).count()).toBe(0);
    const cancel = await waitFor(() => h.mails.find((m) => m.to.includes(people.p1!.email) && m.raw.includes('METHOD:CANCEL')));
    expect(cancel.raw).toContain('STATUS:CANCELLED');
    await checkA11y(teacher, 'twin: meeting called off');
  });
});
