/**
 * The web UI in a real headless Chromium: charts drawn, marks in every column, a pasted pair analyzed, keyboard
 * focus, print layout, and not one console error, page error, CSP violation, dialog or off-site request.
 * Screenshots go to test-output/screenshots/ for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserRig, type BrowserRig } from '../helpers/browser.js';
import { createApp } from '../../src/server/app.js';
import { addDocuments, type AppState } from '../../src/server/state.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { EVIL_OUTLET, evilDocument, freshState, repo } from '../unit/server-fixture.js';

const SHOTS = path.join(repo, 'test-output', 'screenshots');

let state: AppState;
let rig: BrowserRig | undefined;
let base: string;
let browser: Browser;

interface Watch {
  problems: string[];
  dialogs: string[];
}
const watches: Watch[] = [];

/** A new page that records console errors, page errors, CSP violations, dialogs and requests that leave the server. */
async function openPage(): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const watch: Watch = { problems: [], dialogs: [] };
  watches.push(watch);
  page.on('console', (msg) => {
    // A failed load is reported with its URL by the response listener below.
    if (msg.text().startsWith('Failed to load resource')) return;
    if (msg.type() === 'error' || msg.type() === 'warning') watch.problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => watch.problems.push(`page error: ${err.message}`));
  page.on('dialog', async (dialog) => {
    watch.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('response', (res) => {
    if (res.status() >= 400) watch.problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith('data:')) watch.problems.push(`off-site request: ${req.url()}`);
  });
  await page.exposeFunction('__reportCsp', (what: string) => watch.problems.push(`CSP violation: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (s: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, watch };
}

async function go(page: Page, url: string): Promise<void> {
  const res = await page.goto(`${base}${url}`, { waitUntil: 'networkidle' });
  expect(res?.status()).toBe(200);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  state = await freshState({ evil: false, split: true });
  const app = createApp(state);
  rig = await startBrowserRig(app);
  base = rig.base;
  browser = rig.browser;
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  // Every page of every test: nothing went wrong in the browser.
  for (const w of watches.splice(0)) {
    expect(w.problems).toEqual([]);
    expect(w.dialogs).toEqual([]);
  }
});

describe('web UI in Chromium', () => {
  it('overview shows the biggest differences and a stance dot plot per outlet, drawn on the server', async () => {
    const { page } = await openPage();
    await go(page, '/');
    expect(await page.locator('ol.differences li').count()).toBeGreaterThan(0);
    const rows = page.locator('#stance-table tbody tr[data-outlet]');
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await page.locator('#stance-table svg.interval-dot circle').count()).toBeGreaterThan(1);
    // Every stance figure links to the hits behind it, and that page lists them.
    const link = page.locator('#stance-table tbody td.num a').first();
    await Promise.all([page.waitForURL(/\/hits\?/), link.click()]);
    expect(await page.locator('table.kwic tbody tr').count()).toBeGreaterThan(0);
    await go(page, '/');
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
  }, 60_000);

  it('compare shows marks in every column, the referent table, and a focus panel for the keyboard', async () => {
    const { page } = await openPage();
    await go(page, `/compare?${new URLSearchParams([['outlets', 'Press TV'], ['outlets', 'AFP'], ['outlets', 'The World Monitor']])}`);
    const columns = page.locator('section.column');
    await expect.poll(() => columns.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await columns.nth(i).locator('mark.hit').count()).toBeGreaterThan(3);
    expect(await page.locator('.compare-table tbody tr').count()).toBeGreaterThan(1);
    // Quoted and reported hits carry a visible letter marker (not colour alone).
    const marker = await page.locator('section.column mark.hit[data-mark]').first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(marker).toMatch(/"[QR≠¬]+"/);

    // Keyboard: the first Tab reaches the skip link; focusing a mark opens the panel with its label and rationale.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const first = columns.nth(0).locator('mark.hit').first();
    await first.focus();
    const panel = page.locator('#mark-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    // The panel's words come from the page's mark glossary, by the mark's label id.
    const nameOf = (el: Element | null) => {
      const glossary = JSON.parse(document.getElementById('mark-glossary')!.textContent!) as {
        labels: Record<string, { name: string; weight: string; rationale: string }>; referents: Record<string, string>; voices: Record<string, string>;
      };
      const mark = el as HTMLElement;
      const entry = glossary.labels[mark.dataset.label!];
      const voice = [...mark.classList].find((c) => c.startsWith('v-'))!.slice(2);
      return entry ? [entry.name, entry.rationale, entry.weight, glossary.referents[mark.dataset.referent!] ?? 'no referent', glossary.voices[voice]] : null;
    };
    const [label, rationale, weight, referent, voice] = (await first.evaluate(nameOf))!;
    for (const words of [label, rationale, weight, referent, voice]) expect(await panel.textContent()).toContain(words);
    // The title says the same to a reader without the script.
    expect(await first.getAttribute('title')).toContain(rationale);
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(nameOf, await page.evaluateHandle(() => document.activeElement));
    expect(next?.[0]).toBeTruthy();
    expect(await panel.textContent()).toContain(next![0]);
    await page.screenshot({ path: path.join(SHOTS, 'compare.png'), fullPage: false });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'compare-full.png'), fullPage: true });

    // Print: a handout without navigation or forms, columns side by side, legend kept.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.compare-forms').isVisible()).toBe(false);
    expect(await page.locator('.legend').isVisible()).toBe(true);
    const tops = await columns.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'compare-print.png'), fullPage: true });
  }, 60_000);

  it('a pasted pair of texts is analyzed and shown side by side', async () => {
    const { page } = await openPage();
    await go(page, '/analyze');
    await page.fill('#outlet-1', 'Wire A');
    await page.fill('#text-1', 'Iran-backed militias fired drones at US forces in Syria, the Pentagon said.');
    await page.fill('#outlet-2', 'Outlet B');
    await page.fill('#text-2', 'The Islamic Resistance in Iraq struck the US occupation forces at al-Tanf with drones.');
    await Promise.all([page.waitForURL(`${base}/analyze`), page.click('form.analyze-form button[type=submit]')]);
    await page.waitForLoadState('networkidle');
    const columns = page.locator('section.column');
    await expect.poll(() => columns.count()).toBe(2);
    expect(await columns.nth(0).locator('h2').textContent()).toContain('Wire A');
    expect(await columns.nth(0).locator('mark.hit').count()).toBeGreaterThan(0);
    expect(await columns.nth(1).locator('mark.hit').count()).toBeGreaterThan(0);
    expect(await page.locator('[role=status]').textContent()).toContain('Not stored');
    expect(state.sessionAdded.size).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'analyze.png'), fullPage: true });
  }, 60_000);

  it('term, lexicon and document pages load cleanly', async () => {
    const { page } = await openPage();
    await go(page, '/term?q=drone*');
    expect(await page.locator('table.kwic tbody tr').count()).toBeGreaterThan(0);
    await page.locator('table.kwic tbody tr a').first().click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toMatch(/\/doc\/[^#]+#m-\d+$/);
    expect(await page.locator('.single-doc mark.hit').count()).toBeGreaterThan(0);
    await go(page, '/lexicon');
    expect(await page.locator('table.lexicon-table').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'lexicon.png') });
  }, 60_000);

  it('hostile markup in a document and its outlet stays text in the browser', async () => {
    const doc = evilDocument();
    addDocuments(state, [doc], [analyzeDocument(doc, state.compiled)]);
    const { page, watch } = await openPage();
    await go(page, `/doc/${doc.id}`);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('.doc-text').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('h1').textContent()).toBe(doc.title);
    await go(page, '/');
    expect(await page.locator('main').textContent()).toContain(EVIL_OUTLET);
    await go(page, `/compare?${new URLSearchParams([['outlets', EVIL_OUTLET], ['outlets', 'AFP']])}`);
    expect(await page.locator('section.column h2').first().textContent()).toBe(EVIL_OUTLET);
    expect(watch.dialogs).toEqual([]);
  }, 60_000);
});
