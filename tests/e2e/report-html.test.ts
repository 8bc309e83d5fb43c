/**
 * The static HTML report (analyze --format html) in a real headless Chromium, on the 52-outlet corpus with groups
 * and a timeline (every section present): at 400 px the page never scrolls sideways (wide tables scroll in their own
 * focusable box, as in the UI), at 1,400 px nothing is cut, and axe finds no serious or critical violation.
 * Screenshots go to test-output/screenshots/report-html/.
 */
import { mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../helpers/browser.js';
import { buildReport } from '../../src/report/build.js';
import { toHtmlReport } from '../../src/report/html.js';
import { analyzeCorpus } from '../../src/pipeline.js';
import { lexicon, repo } from '../unit/server-fixture.js';
import { corpus50, outletNames } from '../../bench/corpus50.js';
import { benchGroups } from '../../bench/ui-pages.js';

const SHOTS = path.join(repo, 'test-output', 'screenshots', 'report-html');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let html: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const compiled = lexicon();
  const documents = corpus50(260);
  const { analyses } = analyzeCorpus(documents, compiled);
  const report = buildReport({ documents, analyses, skipped: [], lexicon: compiled.lexicon }, { resamples: 100, groups: benchGroups(outletNames()), timeline: 'month', permutations: 100 });
  html = toHtmlReport(report);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the static HTML report at 52 outlets', () => {
  it('does not scroll sideways at 400 px: wide tables scroll in their own box; axe finds nothing serious', async () => {
    const problems: string[] = [];
    for (const width of [400, 1400]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.setContent(html, { waitUntil: 'load' });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) {
        const culprits = await page.evaluate(() => [...document.querySelectorAll('main > *, main section > *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.textContent?.slice(0, 40)}`));
        problems.push(`${width}: the page scrolls sideways by ${wide} px (${culprits.join('; ')})`);
      }
      // Every table is inside a scroll box, and a box that scrolls can be reached from the keyboard.
      const loose = await page.locator('table:not(.table-scroll table)').count();
      if (loose) problems.push(`${width}: ${loose} tables outside a scroll box`);
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of found) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${width}: ${v.impact} ${v.id}: ${v.where.join(', ')}`);
      await page.screenshot({ path: path.join(SHOTS, `report-${width}.png`) });
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
