import { NAMED, samplePdf, truncated } from '@egov/mocks';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, dropFiles, horizontalOverflow, launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser.js';
import { type PortalGraph, startPortalGraph } from './support/portal-graph.js';

/**
 * The reference portal in a real browser (Debian's Chromium through playwright-core), against the whole
 * graph started in this process, on a network where nothing beyond this machine is reachable. The steps
 * run in order: they are one citizen's and one officer's day.
 */

// Friday 20 March 2026, 10:00 in Astana: Nauryz (21-25 March, with carry-overs) falls inside every term.
const now = new Date('2026-03-20T10:00:00+05:00');
let portal: PortalGraph;
let browser: Browser;
let page: Page;
let applicationNumber: string;

beforeAll(async () => {
  portal = await startPortalGraph({ clock: () => now });
  browser = await launchBrowser();
  page = browser.page;
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

const open = (path: string) => page.goto(`${portal.origin}${path}`);

async function expectAccessible(name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Signs in through the test identity provider by pressing the button whose text is `who`. */
async function signInAs(who: { citizen: string } | { officerOf: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await page.waitForURL(`${portal.identity.url}/**`);
  if ('citizen' in who) await page.getByRole('button', { name: new RegExp(who.citizen) }).click();
  else {
    await page.getByLabel('Agency').selectOption(who.officerOf);
    await page.getByRole('button', { name: 'Sign in as an officer of this agency' }).click();
  }
  await page.waitForURL(`${portal.origin}/**`);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().waitFor();
}

describe('on a closed network', () => {
  it('GraphiQL comes up from the gateway alone: its scripts, styles and workers are served from npm packages', async () => {
    await open('/graphql');
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.getByText('Welcome to GraphiQL').first().waitFor();
    expect(browser.outsideRequests).toEqual([]);
  });
});

describe('a citizen', () => {
  it('finds the licence to make the State Flag and Emblem by searching and filtering the catalog', async () => {
    await open('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public services' }).waitFor();
    await page.getByLabel('Who applies').selectOption('LEGAL_ENTITY');
    await page.getByLabel('Fee').selectOption('yes');
    await page.getByLabel('Search by name').fill('flag emblem');
    await page.getByText('Services found: 1').waitFor();
    expect(page.url()).toContain('recipient=LEGAL_ENTITY');
    await screenshot(page, 'citizen-01-catalog');
    await expectAccessible('catalog');
  });

  it('reads the service page: deadlines, fee, documents from a scan or a registry, refusal grounds, citations', async () => {
    await page.getByRole('link', { name: /State Flag and the State Emblem/ }).click();
    await page.getByRole('heading', { level: 1, name: /State Flag and the State Emblem/ }).waitFor();
    const issue = page.locator('section.action').filter({ has: page.getByRole('heading', { name: 'Issue', exact: true }) });
    await expect.poll(() => issue.locator('.deadline').first().innerText()).toContain('15 working days');
    expect(await page.locator('.fee').innerText()).toMatch(/Licence fee · through ПШЭП[\s\S]*43,250\.00/);
    const online = await issue.locator('.document-list').first().innerText();
    expect(online).toContain('You attach a scan');
    expect(online).toMatch(/Taken from a registry\s*(Source:\s*)?ГБД ЮЛ/);
    expect(await page.locator('.refusal-grounds').innerText()).toContain('prohibit');
    expect(await page.locator('cite.citation').count()).toBeGreaterThan(10);
    expect(await page.locator('cite.citation').first().innerText()).toMatch(/^Source: 001_b10daefcd31705e3\.txt, lines \d+–\d+$/);
    await screenshot(page, 'citizen-02-service');
    await expectAccessible('service page');
  });

  it('signs in with the test identity provider as the head of the LLP, and comes back to the application', async () => {
    await page.getByRole('link', { name: 'Apply online: issue' }).click();
    await page.getByText('Sign in to continue.').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await page.waitForURL(`${portal.identity.url}/**`);
    await page.getByText('Test identity provider: development only.').waitFor();
    await expectAccessible('test identity provider');
    await page.getByRole('button', { name: /Жумабаева Гульнара Ерлановна/ }).click();
    await page.waitForURL(`${portal.origin}/apply/state-symbols-licence/ISSUE`);
    await page.getByText(`IIN: ${NAMED.llpHead}`).waitFor();
    await page.getByRole('radio', { name: /A company I head: ТОО «Сарыарка Металл» \(BIN 080440001234\)/ }).waitFor();
  });

  it("types an IIN with a wrong control digit and sees the server's own message at the field", async () => {
    await page.getByLabel('IIN or BIN (12 digits)').fill('850314301235');
    await page.getByRole('button', { name: 'Prepare the application' }).click();
    const field = page.getByLabel('IIN or BIN (12 digits)');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const message = await page.locator(`#${await field.getAttribute('aria-describedby')}`).innerText();
    expect(message).toBe('Invalid applicant id: IIN control digit is wrong (the 12th digit fails the mod-11 check)');
    await screenshot(page, 'citizen-03-invalid-iin');
    await expectAccessible('invalid IIN');
  });

  it('while ГБД ФЛ is down, gets the partial form and what to do next, and can already upload the scan', async () => {
    await portal.graph.registries.stop('individuals');
    await page.getByLabel('IIN or BIN (12 digits)').fill('');
    await page.getByRole('radio', { name: /^Myself: Жумабаева Гульнара Ерлановна/ }).check();
    await page.getByRole('button', { name: 'Prepare the application' }).click();
    await page.getByText('A registry is not answering right now').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'is not answering.' }).innerText()).toContain(
      'ГБД ФЛ (state database of individuals) is not answering.',
    );
    await page.getByRole('heading', { name: 'What you can do next' }).waitFor();
    const unread = page.locator('.draft-field.unread');
    expect(await unread.count()).toBeGreaterThan(3);
    expect(await unread.first().innerText()).toContain('not read: ГБД ФЛ is not answering');
    // Degraded mode: the identity document ГБД ФЛ would have vouched for is asked for as a scan from the office list.
    await page
      .getByText(/Instead of, while its registry is not answering:/)
      .first()
      .waitFor();
    expect(await page.locator('.draft-document.status-scan_instead').count()).toBeGreaterThan(0);
    await page.locator('#scan-information-form').setInputFiles({ name: 'appendix-3.pdf', mimeType: 'application/pdf', buffer: samplePdf('Appendix 3') });
    await page.locator('[data-file="appendix-3.pdf"] .upload-ok').waitFor();
    await screenshot(page, 'citizen-04-registry-outage');
    await expectAccessible('registry outage');
  });

  it('when ГБД ФЛ is back, reads the registries again: the form is prefilled, each value naming its registry, and the scan is kept', async () => {
    await portal.graph.registries.start('individuals');
    await expect
      .poll(
        async () => {
          const again = page.getByRole('button', { name: 'Read the registries again' });
          if (await again.isVisible()) await again.click();
          return (await page.locator('.draft-field.unread').count()) === 0 && (await page.getByRole('heading', { name: 'Application form' }).isVisible());
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    expect(await page.locator('[data-field="full-name"]').first().innerText()).toMatch(/Жумабаева Гульнара Ерлановна\s*Source:\s*ГБД ФЛ/);
    expect(await page.locator('[data-field="passport-number"]').first().innerText()).toMatch(/038811204\s*Source:\s*ГБД ФЛ/);
    await page.locator('[data-file="appendix-3.pdf"] .upload-ok').waitFor();
  });

  it("applies for the company she heads: the LLP's form comes from ГБД ЮЛ", async () => {
    await page.getByRole('radio', { name: /A company I head/ }).check();
    await page.getByRole('button', { name: 'Prepare the application' }).click();
    await page
      .getByText(/Товарищество с ограниченной ответственностью «Сарыарка Металл»/)
      .first()
      .waitFor();
    expect(await page.locator('[data-field="legal-entity-name"]').first().innerText()).toMatch(/«Сарыарка Металл»\s*Source:\s*ГБД ЮЛ/);
    expect(await page.locator('[data-field="head-full-name"]').first().innerText()).toContain('Жумабаева Гульнара Ерлановна');
    expect(await page.locator('.draft-documents').innerText()).toMatch(/From the registry\s*(Source:\s*)?ГБД ЮЛ/);
    // Her own scan was for her own application, not the company's.
    expect(await page.locator('[data-file="appendix-3.pdf"]').count()).toBe(0);
  });

  it("drops scans on the form: each file shows its progress and the server's verdict on that file", async () => {
    const zone = page.locator('.drop-zone[data-document="information-form"]');
    // A slow uplink, so the progress bar of a 3 MB scan can be seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await dropFiles(page, zone, [
      { name: 'page-2-cut.pdf', mimeType: 'application/pdf', bytes: truncated(samplePdf('Page 2', 4000)) },
      { name: 'page-2.pdf', mimeType: 'application/pdf', bytes: samplePdf('Page 2', 3 * 1024 * 1024) },
    ]);
    const progress = page.locator('[data-file="page-2.pdf"] progress');
    await progress.waitFor();
    await expect.poll(async () => Number(await progress.getAttribute('value')), { interval: 100 }).toBeGreaterThan(0);
    await screenshot(page, 'citizen-05-upload-progress', { fullPage: false });
    await page.locator('[data-file="page-2.pdf"] .upload-ok').waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const refused = await page.locator('[data-file="page-2-cut.pdf"] .field-error').innerText();
    expect(refused).toMatch(/TRUNCATED_FILE$/);
    // A refused file is not part of the application: remove it.
    await page.getByRole('button', { name: 'Remove page-2-cut.pdf' }).click();
    expect(await page.locator('.upload').count()).toBe(1);
  });

  it('pays the licence fee on the mock ПШЭП page in a new tab, and the form sees the payment', async () => {
    await page.getByRole('button', { name: /^Pay .*43,250\.00$/ }).click();
    const [bank] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Pay on the ПШЭП page/ }).click()]);
    await bank.getByRole('button', { name: /Оплатить/ }).click();
    await bank.getByRole('heading', { name: 'Оплачено / Paid' }).waitFor();
    await bank.close();
    await page
      .locator('.notice-success')
      .getByText(/^ПШЭП payment PSH-/)
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'citizen-06-draft-paid');
    // The README's picture of applying: the picker and the first prefilled fields with their registries.
    await page.getByRole('heading', { name: 'Application form' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -220));
    await screenshot(page, 'readme-portal-apply', { fullPage: false });
    await expectAccessible('prefilled draft');
  });

  it('signs with the test key and submits: a receipt with the due date and the days off the term skipped', async () => {
    await page.getByRole('button', { name: 'Sign with the test key and submit (development)' }).click();
    await page.getByText('Application accepted').waitFor({ timeout: 30_000 });
    applicationNumber = await page.locator('.receipt-number').innerText();
    expect(applicationNumber).toMatch(/^EL-2026-\d{7}$/);
    expect(await page.locator('.due-date').innerText()).toBe('15 April 2026');
    const daysOff = await page.locator('.days-off').innerText();
    expect(daysOff).toMatch(/Days off not counted in the term: \d+/);
    expect(daysOff).toMatch(/21 March 2026: .*Nauryz/);
    expect(await page.locator('.receipt-documents').innerText()).toMatch(/Scan attached/);
    await screenshot(page, 'citizen-07-receipt');
    await expectAccessible('receipt');
  });

  it('finds the application under "My applications" with its status timeline, who read their data, and her consents', async () => {
    await page.getByRole('link', { name: 'My applications' }).first().click();
    const card = page.locator(`[data-number="${applicationNumber}"]`);
    await card.waitFor();
    expect(await card.locator('.timeline').innerText()).toMatch(/Submitted/);
    await page.getByRole('heading', { name: 'Who read my data' }).waitFor();
    await expect.poll(() => page.locator('.access-log tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.access-log').innerText()).toMatch(/Person\.|LegalEntity\./);
    // Beside it, her consents: the one she gave the bank is withdrawn, so it offers no Withdraw button.
    await page.getByRole('heading', { name: 'My consents' }).waitFor();
    expect(await page.getByRole('table', { name: 'Consents to read my data' }).innerText()).toMatch(
      /second-tier bank[\s\S]*credit-application[\s\S]*Withdrawn/,
    );
    expect(await page.getByRole('table', { name: 'Consents to read my data' }).getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await screenshot(page, 'citizen-08-mine');
    await expectAccessible('my applications');
    await signOut();
  });
});

describe('an officer of the Committee for Technical Regulation and Metrology', () => {
  it('sees the application in the queue', async () => {
    await open('/officer');
    await signInAs({ officerOf: 'MINT-KTRM' });
    await page.getByRole('heading', { level: 1, name: 'Officer console' }).waitFor();
    await page.getByRole('link', { name: applicationNumber }).waitFor();
    expect(await page.getByText('The server says').count()).toBe(0);
    await screenshot(page, 'officer-01-queue');
    await expectAccessible('officer queue');
  });

  it('reviews what the registries said at submission and refuses on a ground from the standard, signed with the test key', async () => {
    await page.getByRole('link', { name: applicationNumber }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(applicationNumber) }).waitFor();
    expect(await page.locator('[data-field="legal-entity-name"]').first().innerText()).toContain('ГБД ЮЛ');
    expect(await page.locator('.receipt-documents').innerText()).toMatch(/page-2\.pdf · application\/pdf · 3 MB/);
    // Nothing on the page is refused to the officer.
    expect(await page.getByText('The server says').count()).toBe(0);
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.getByRole('radio', { name: 'Refuse' }).check();
    // A refusal without a ground is stopped before anything is signed.
    await page.getByRole('button', { name: 'Sign with the test key and send (development)' }).click();
    await page.getByText('A refusal must name a ground from the standard.').waitFor();
    await page.getByLabel('Ground for refusal (from the standard)').selectOption('ACTIVITY_PROHIBITED_FOR_CATEGORY');
    await page.getByLabel('Note (optional)').fill('Checked against the standard, para 16.');
    await screenshot(page, 'officer-02-review');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'readme-portal-officer', { fullPage: false });
    await expectAccessible('officer review');
    await page.getByRole('button', { name: 'Sign with the test key and send (development)' }).click();
    await page.getByText('Decided.').waitFor();
    expect(await page.locator('.timeline').innerText()).toMatch(/Submitted[\s\S]*In review[\s\S]*Refused/);
    await screenshot(page, 'officer-03-refused');
    await signOut();
  });
});

describe('the citizen again', () => {
  it('sees the refusal, its ground and the whole timeline', async () => {
    await open('/mine');
    await signInAs({ citizen: 'Жумабаева Гульнара Ерлановна' });
    const card = page.locator(`[data-number="${applicationNumber}"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Refused[\s\S]*laws of the RK prohibit this category/);
    expect(await card.locator('.timeline li').count()).toBe(3);
  });

  it("reads the portal in Kazakh and Russian: the catalog's own names, the page's language", async () => {
    await open('/services/state-symbols-licence');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByRole('heading', { level: 1, name: /Мемлекеттік Туын/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: /Государственного Флага/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await screenshot(page, 'citizen-09-russian', { fullPage: false });
    await expectAccessible('service page in Russian');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('uses the portal on a 360 px wide phone: nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [path, heading] of [
      ['/', 'Public services'],
      ['/services/state-symbols-licence', /State Flag/],
      [`/apply/state-symbols-licence/ISSUE?applicant=${NAMED.llp}`, 'Application form'],
      ['/mine', 'My applications'],
    ] as const) {
      await open(path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.locator(`[data-number="${applicationNumber}"]`).waitFor();
    await screenshot(page, 'phone-360-mine', { fullPage: false });
    await open(`/apply/state-symbols-licence/ISSUE?applicant=${NAMED.llp}`);
    await page.getByRole('heading', { name: 'Application form' }).waitFor();
    await screenshot(page, 'phone-360-draft', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the closed network, at the end', () => {
  it('saw not one request leave this machine', () => {
    expect(browser.outsideRequests).toEqual([]);
  });
});
