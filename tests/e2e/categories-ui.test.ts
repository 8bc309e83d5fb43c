/**
 * The Categories page (category dictionary rates) in a real headless Chromium on 52 outlets with grouped outlets and a
 * LIWC dictionary: axe-core finds no serious or critical violation at 1,400 and 400 px, and the wide table scrolls in
 * its own box, never the page. Screenshots go to test-output/screenshots/scale/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserRig, type BrowserRig } from '../helpers/browser.js';
import { createApp } from '../../src/server/app.js';
import { createState } from '../../src/server/state.js';
import { lexicon, repo } from '../unit/server-fixture.js';
import { corpus50 } from '../../bench/corpus50.js';

const SHOTS = path.join(repo, 'test-output', 'screenshots', 'scale');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let rig: BrowserRig | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const documents = corpus50();
  const outlets = [...new Set(documents.map((d) => d.outlet))];
  const groups = { half: Object.fromEntries(outlets.map((o, i) => [o, i % 2 ? 'odd' : 'even'])) };
  const state = createState({
    compiled: lexicon(), documents,
    reportOptions: { resamples: 50, groups, dictionaries: [path.join(repo, 'tests/fixtures/dictionaries/framing.dic')] },
  });
  rig = await startBrowserRig(createApp(state));
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

describe('Categories page in a browser', () => {
  it('passes axe at 1,400 and 400 px and never scrolls the page sideways', async () => {
    const problems: string[] = [];
    for (const width of [1400, 400]) {
      // bypassCSP only so that axe can be injected as a script.
      const context = await rig!.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const res = await page.goto(`${rig!.base}/categories`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      expect(await page.locator('table.category-rates tbody tr').count()).toBeGreaterThan(50);
      await page.screenshot({ path: path.join(SHOTS, `categories-${width}.png`), fullPage: true });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) problems.push(`scrolls sideways by ${wide} px at ${width} px`);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${width}: ${v.impact} ${v.id}`);
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
