import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot, PHONE_VIEWPORT } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { pdfPageCount, pdfText } from '../../integration/cocreation/support.ts';

// A whole co-creation session in a real Chromium against a real server and database: the demo
// coordinator facilitates the demo session (code DEMO01) with the projector view open; three
// participants join by code in their own browser contexts (one on a 390 px phone) and go through
// the five steps: statements and marks (consensus appears live on the projector), attaching
// statements to domains, two people writing one proposal at the same time, dots and consent with
// an objection that needs a reason, the facilitator's decisions, follow-up agreements, and the
// praatplaat as a one-page PDF with the agreed texts. axe-core and a 390 px overflow check run on
// every page state.

const CODE = 'DEMO01';
const SESSION_TITLE = 'Beroepsbeeld aanscherpen (demo)';
const STATEMENT_1 = 'Een startende docent betrekt het werkveld bij de lessen.';
const STATEMENT_2 = 'Een startende docent ontwikkelt zelf een nieuwe module.';
const AMENDED = 'De startende docent ontwerpt onderwijs samen met het werkveld en de studenten.';
const AGREEMENT = 'Beroepsbeeld naast de visie van de opleidingsschool leggen';

describe.skipIf(!e2eRunnable)('co-creation session in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const { newPage, check: checkA11y, heading, close } = browserPages(() => browser, { timezoneId: 'Asia/Kathmandu' });

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
  });

  afterAll(async () => {
    await close();
    await browser?.close();
    await h?.stop();
  });

  let facilitator: Page;
  let projector: Page;
  let sessionUrl = '';
  const people: { page: Page; name: string }[] = [];
  const [ana, bram, chris] = [0, 1, 2];

  const stepButton = (label: RegExp) => facilitator.getByRole('group', { name: 'Stappen' }).getByRole('button', { name: label });
  const statementCard = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });

  it('the facilitator opens the demo session and its projector view', async () => {
    facilitator = await newPage();
    await facilitator.goto(`${h.baseUrl}/inloggen`);
    await heading(facilitator, 'Inloggen');
    await facilitator.getByRole('button', { name: 'Inloggen als netwerkcoördinator' }).click();
    await heading(facilitator, /Welkom/);
    await facilitator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Co-creatie' }).click();
    await heading(facilitator, 'Co-creatiesessies');
    await facilitator.getByRole('link', { name: SESSION_TITLE, exact: true }).waitFor();
    await checkA11y(facilitator, 'sessions');

    await facilitator.getByRole('link', { name: SESSION_TITLE, exact: true }).click();
    await heading(facilitator, SESSION_TITLE);
    sessionUrl = facilitator.url();
    await facilitator.getByTestId('join-code').getByText(CODE).waitFor();
    await checkA11y(facilitator, 'session control: joining');

    projector = await newPage({ width: 1920, height: 1080 }, facilitator.context());
    await projector.goto(`${sessionUrl}/scherm`);
    await heading(projector, SESSION_TITLE);
    await projector.getByText(CODE, { exact: true }).waitFor();
    // Large type for the back of the room.
    const size = await projector.getByRole('heading', { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    await checkA11y(projector, 'projector: joining');
  });

  it('three participants join by code, one of them on a phone', async () => {
    const names = ['Ana de Vries', 'Bram Jansen', 'Chris Bakker'];
    for (const [i, name] of names.entries()) {
      const page = await newPage(i === ana ? PHONE_VIEWPORT : { width: 1024, height: 800 });
      people.push({ page, name });
      if (i === ana) {
        // By the QR code's link: the code is filled in.
        await page.goto(`${h.baseUrl}/meedoen?code=${CODE}`);
      } else {
        await page.goto(`${h.baseUrl}/meedoen`);
      }
      await heading(page, 'Meedoen');
      if (i === ana) {
        expect(await page.getByLabel('Code').inputValue()).toBe(CODE);
        await checkA11y(page, 'join');
      } else if (i === bram) {
        // A wrong code says so, next to the form.
        await page.getByLabel('Code').fill('ZZZZ99');
        await page.getByLabel('Je naam').fill(name);
        await page.getByRole('button', { name: 'Meedoen' }).click();
        await page.getByRole('alert').waitFor();
        await checkA11y(page, 'join: wrong code');
        await page.getByLabel('Code').fill(CODE.toLowerCase());
      } else {
        await page.getByLabel('Code').fill(CODE);
      }
      await page.getByLabel('Je naam').fill(name);
      await page.getByRole('button', { name: 'Meedoen' }).click();
      await heading(page, SESSION_TITLE);
      await page.getByText(`Je doet mee als ${name}`).waitFor();
    }
    await people[ana]!.page.getByText('De begeleider start zo de eerste stap').waitFor();
    await checkA11y(people[ana]!.page, 'participant: waiting');
    await projector.getByText('3 deelnemers').waitFor();
    await facilitator.getByText('3 deelnemers').first().waitFor();

    // A reload comes back to the same place.
    await people[chris]!.page.reload();
    await people[chris]!.page.getByText('Je doet mee als Chris Bakker').waitFor();
  });

  it('step 1: statements and marks, with consensus live on the projector', async () => {
    await stepButton(/Naar Stap 1/).click();
    await facilitator.getByText('Stap 1 · Ophalen wat leeft').first().waitFor();
    const a = people[ana]!.page;
    await a.getByText('Stap 1 · Ophalen wat leeft').waitFor();
    await a.getByText('Nog geen uitspraken').waitFor();
    await checkA11y(a, 'participant: step 1 empty');

    await a.getByLabel('Domein').selectOption({ label: 'Verzorgen van onderwijs aan studenten' });
    await a.getByLabel(/Wat vind jij/).fill(STATEMENT_1);
    await a.getByRole('button', { name: 'Plaatsen' }).click();
    const b = people[bram]!.page;
    await b.getByLabel('Domein').selectOption({ label: 'Vernieuwen van beroepsonderwijs' });
    await b.getByLabel(/Wat vind jij/).fill(STATEMENT_2);
    await b.getByRole('button', { name: 'Plaatsen' }).click();
    // Markup is text.
    const c = people[chris]!.page;
    await c.getByLabel(/Wat vind jij/).fill('<b>Vet</b> en samen');
    await c.getByRole('button', { name: 'Plaatsen' }).click();
    await c.getByText('<b>Vet</b> en samen').waitFor();

    await projector.getByText(STATEMENT_1).waitFor();
    await projector.getByText(STATEMENT_2).waitFor();
    await checkA11y(projector, 'projector: step 1');

    // Everyone agrees with the first statement; the second divides.
    for (const p of people) {
      const card = statementCard(p.page, STATEMENT_1);
      await card.getByRole('button', { name: 'Eens', exact: true }).click();
      await expect.poll(() => card.getByRole('button', { name: 'Eens', exact: true }).getAttribute('aria-pressed')).toBe('true');
    }
    for (const [i, p] of people.entries()) {
      const card = statementCard(p.page, STATEMENT_2);
      await card.getByRole('button', { name: i === chris ? 'Weet niet' : i === ana ? 'Eens' : 'Oneens', exact: true }).click();
    }
    await statementCard(projector, STATEMENT_1).getByText('eens', { exact: true }).waitFor();
    await statementCard(projector, STATEMENT_1).getByText(/Eens 3/).waitFor();
    await statementCard(projector, STATEMENT_2).getByText('verdeeld', { exact: true }).waitFor();
    await statementCard(a, STATEMENT_1).getByText('eens', { exact: true }).waitFor();
    await checkA11y(a, 'participant: step 1 marked');
    await checkA11y(facilitator, 'session control: step 1');
  });

  it('step 2: participants attach statements to domains', async () => {
    await stepButton(/Naar Stap 2/).click();
    const a = people[ana]!.page;
    await a.getByText('Stap 2 · Kader en landelijk beroepsbeeld').waitFor();
    const card = statementCard(a, STATEMENT_2);
    await card.getByRole('checkbox', { name: /Leren met en van collega/ }).check();
    await expect.poll(() => card.getByRole('checkbox', { name: /Leren met en van collega/ }).isChecked()).toBe(true);
    await checkA11y(a, 'participant: step 2');
    // The projector shows the statement under the domain it was attached to.
    await projector.getByRole('region', { name: /Leren met en van collega/ }).getByText(STATEMENT_2).waitFor();
    await checkA11y(projector, 'projector: step 2');
  });

  it('step 3: two people write one proposal at the same time without losing keystrokes', async () => {
    await stepButton(/Naar Stap 3/).click();
    await facilitator.getByText('Stap 3 · Voorstellen per domein').first().waitFor();
    const a = people[ana]!.page;
    const b = people[bram]!.page;
    const field = (p: Page) => p.getByRole('textbox', { name: 'Verzorgen van onderwijs aan studenten' });
    await field(a).waitFor();
    await field(b).waitFor();
    await checkA11y(a, 'participant: step 3');
    // Both type at once, at different places of the same text.
    await field(a).click();
    await field(b).click();
    const first = 'De startende docent ontwerpt lessen met het werkveld.';
    const second = ' Hij vraagt studenten om feedback.';
    await Promise.all([
      field(a).pressSequentially(first, { delay: 15 }),
      field(b).pressSequentially(second, { delay: 20 }),
    ]);
    for (const p of [a, b, people[chris]!.page]) {
      await expect.poll(async () => {
        const text = await field(p).inputValue();
        return text.includes(first) && text.includes(second.trim());
      }, { timeout: 15_000 }).toBe(true);
    }
    const merged = await field(a).inputValue();
    await expect.poll(() => field(b).inputValue(), { timeout: 10_000 }).toBe(merged);
    expect(merged.length).toBe(first.length + second.length);
    await a.getByText('Opgeslagen').first().waitFor();
    await projector.getByText(first, { exact: false }).waitFor();
    await checkA11y(projector, 'projector: step 3');
    // A proposal for a second domain, for the decisions below.
    await field(people[chris]!.page).waitFor();
    await people[chris]!.page.getByRole('textbox', { name: 'Vernieuwen van beroepsonderwijs' }).fill('De startende docent vernieuwt met collega’s één les per jaar.');
    await people[chris]!.page.getByText('Opgeslagen').first().waitFor();
    await checkA11y(facilitator, 'session control: step 3');
  });

  it('step 4: dots, consent and an objection that needs a reason; the facilitator decides', async () => {
    await stepButton(/Naar Stap 4/).click();
    const a = people[ana]!.page;
    await a.getByText('Stap 4 · Delen en besluiten').waitFor();
    const proposal = (p: Page, domain: string) => p.getByRole('article').filter({ has: p.getByRole('heading', { name: domain }) });
    const providing = 'Verzorgen van onderwijs aan studenten';
    const renewing = 'Vernieuwen van beroepsonderwijs';
    await facilitator.getByRole('article').filter({ hasText: providing }).getByRole('button', { name: 'Op het scherm' }).click();
    await projector.getByRole('region', { name: 'Voorstel op het scherm' }).getByText(providing).waitFor();
    await checkA11y(projector, 'projector: step 4');
    await checkA11y(a, 'participant: step 4');

    for (const p of people) {
      await proposal(p.page, providing).getByRole('button', { name: /Stip geven/ }).click();
      await proposal(p.page, providing).getByText('jij: 1 stip').waitFor();
      await proposal(p.page, providing).getByRole('button', { name: 'Instemmen' }).click();
    }
    await people[bram]!.page.getByText(/Stemmen: je hebt nog 2 stippen/).waitFor();
    await projector.getByText('3 stippen').first().waitFor();
    await projector.getByText('3 instemmingen').first().waitFor();

    // An objection without a reason is refused next to the field; with one it counts.
    const c = people[chris]!.page;
    await proposal(c, renewing).getByRole('button', { name: 'Bezwaar maken' }).click();
    await proposal(c, renewing).getByText(/Geef een reden/).waitFor();
    await checkA11y(c, 'participant: objection without reason');
    await proposal(c, renewing).getByLabel(/Reden/).fill('Eén les per jaar is te weinig om van vernieuwen te spreken.');
    await proposal(c, renewing).getByRole('button', { name: 'Bezwaar maken' }).click();
    await expect.poll(() => proposal(c, renewing).getByRole('button', { name: 'Bezwaar maken' }).getAttribute('aria-pressed')).toBe('true');
    await facilitator.getByText('Eén les per jaar is te weinig om van vernieuwen te spreken.').waitFor();
    await checkA11y(facilitator, 'session control: step 4');

    const decide = (domain: string) => facilitator.getByRole('article').filter({ hasText: domain });
    await decide(providing).getByLabel(/Tekst/).fill(AMENDED);
    await decide(providing).getByRole('button', { name: 'Aangepast aangenomen' }).click();
    await decide(providing).getByText(AMENDED).waitFor();
    await decide(renewing).getByRole('button', { name: 'Niet aangenomen' }).click();
    await proposal(a, renewing).getByText('Niet aangenomen').waitFor();
    await proposal(a, providing).getByText('Aangepast aangenomen').waitFor();
    await checkA11y(a, 'participant: step 4 decided');
  });

  it('step 5: follow-up agreements, then the session ends after a confirmation', async () => {
    await stepButton(/Naar Stap 5/).click();
    const a = people[ana]!.page;
    await a.getByText('Stap 5 · Vervolgafspraken').waitFor();
    await a.getByText(/Nog geen vervolgafspraken/).waitFor();
    await checkA11y(a, 'participant: step 5 empty');
    await facilitator.getByLabel('Afspraak', { exact: true }).fill(AGREEMENT);
    await facilitator.getByLabel('Eigenaar', { exact: true }).fill('Marloes Verbeek');
    await facilitator.getByLabel(/E-mail van de eigenaar/).fill('marloes@example.org');
    await facilitator.getByLabel('Datum').fill('2031-03-01');
    await facilitator.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await a.getByText(AGREEMENT).waitFor();
    await projector.getByText(AGREEMENT).waitFor();
    await checkA11y(facilitator, 'session control: step 5');
    await checkA11y(projector, 'projector: step 5');
    await checkA11y(a, 'participant: step 5');

    // Ending asks first; cancelling keeps the session going.
    await stepButton(/Sessie afronden/).click();
    const dialog = facilitator.getByRole('dialog', { name: /Sessie afronden/ });
    await dialog.waitFor();
    await checkA11y(facilitator, 'session control: confirm end');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await a.getByText('Stap 5 · Vervolgafspraken').waitFor();
    await stepButton(/Sessie afronden/).click();
    await dialog.getByRole('button', { name: /afronden/ }).click();
    await a.getByText('De sessie is afgelopen').waitFor();
    await checkA11y(a, 'participant: ended');
    await facilitator.getByRole('link', { name: /Naar het beroepsbeeld/ }).click();
  });

  it('the profile shows version 2 and downloads a one-page praatplaat with the agreed texts', async () => {
    await heading(facilitator, 'Ons beroepsbeeld');
    await facilitator.getByRole('heading', { name: /versie 2/ }).waitFor();
    await facilitator.getByText(AMENDED).first().waitFor();
    await checkA11y(facilitator, 'profile');
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByRole('link', { name: 'Praatplaat PDF (NL)' }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
    const shown = pdfText(bytes).replace(/\s+/g, ' ');
    expect(shown).toContain(AMENDED);
    expect(shown).toContain(AGREEMENT);
    await projector.goto(`${sessionUrl}/scherm`);
    await projector.getByText(AGREEMENT).waitFor();
  });
});
