/**
 * The stance-over-time chart in a real headless Chromium: with script, chart.js (served by this server, under the
 * strict CSP) draws a line per group with interval bars and tooltips over the server-rendered table; without
 * script the figure stays hidden and the table and sparklines carry the numbers; axe finds nothing serious; the
 * page does not scroll sideways at 400 px. Screenshots go to test-output/screenshots/time-chart/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserRig, type BrowserRig } from '../helpers/browser.js';
import { createApp } from '../../src/server/app.js';
import { createState, type AppState } from '../../src/server/state.js';
import { lexicon, repo } from '../unit/server-fixture.js';
import { corpus50, outletNames } from '../../bench/corpus50.js';
import { benchGroups } from '../../bench/ui-pages.js';

const SHOTS = path.join(repo, 'test-output', 'screenshots', 'time-chart');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let state: AppState;
let rig: BrowserRig;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  state = createState({ compiled: lexicon(), documents: corpus50(260), reportOptions: { resamples: 100, groups: benchGroups(outletNames()), timeline: 'month' } });
  rig = await startBrowserRig(createApp(state));
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

async function seriousAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.where.join(', ')}`);
}

describe('the time chart per referent', () => {
  it('chart.js draws the table as a line per group with interval bars and tooltips, under the strict CSP', async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const refused: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') refused.push(m.text()); });
    page.on('pageerror', (e) => refused.push(e.message));
    const res = await page.goto(`${rig.base}/`, { waitUntil: 'networkidle' });
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('#time-chart-figure[data-drawn]', { timeout: 10_000 });
    expect(await page.locator('#time-chart-figure').isVisible()).toBe(true);
    const rows = await page.locator('table.time-table tbody tr').count();
    expect(rows).toBe(2);
    expect(await page.locator('#time-chart-figure').getAttribute('data-drawn')).toBe(String(rows));
    const box = await page.locator('#time-chart').boundingBox();
    expect(box!.height).toBeGreaterThan(150);
    // Hover the first drawn point: the tooltip names the series, the interval and the mentions.
    const point = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(c: Element): any } }).Chart.getChart(document.getElementById('time-chart')!);
      const meta = chart.getDatasetMeta(0);
      const i = chart.data.datasets[0].data.findIndex((v: number | null) => v !== null);
      const r = chart.canvas.getBoundingClientRect();
      return { x: r.left + meta.data[i].x, y: r.top + meta.data[i].y, intervals: chart.data.datasets.flatMap((d: { intervals: unknown[] }) => d.intervals).filter(Boolean).length };
    });
    expect(point.intervals).toBeGreaterThan(0);
    await page.locator('#time-chart').scrollIntoViewIfNeeded();
    const again = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(c: Element): any } }).Chart.getChart(document.getElementById('time-chart')!);
      const meta = chart.getDatasetMeta(0);
      const i = chart.data.datasets[0].data.findIndex((v: number | null) => v !== null);
      const r = chart.canvas.getBoundingClientRect();
      return { x: r.left + meta.data[i].x, y: r.top + meta.data[i].y };
    });
    await page.mouse.move(again.x, again.y);
    await page.waitForFunction(() => {
      const chart = (window as unknown as { Chart: { getChart(c: Element): any } }).Chart.getChart(document.getElementById('time-chart')!);
      return chart.tooltip.opacity > 0;
    });
    const tip = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(c: Element): any } }).Chart.getChart(document.getElementById('time-chart')!);
      return chart.tooltip.body.flatMap((b: { lines: string[] }) => b.lines).join(' | ');
    });
    expect(tip).toMatch(/^(Near|Far): [+−0]/);
    expect(tip).toMatch(/n = \d+/);
    await page.screenshot({ path: path.join(SHOTS, 'overview-chart-1400.png'), fullPage: true });
    // Another referent has its own chart.
    const other = state.report.referents.map((r) => r.id).find((id) => id !== 'israel' && state.report.outlets.some((o) => (o.referents[id]?.mentions ?? 0) > 20));
    if (other) {
      await page.goto(`${rig.base}/?referent=${other}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#time-chart-figure[data-drawn]', { timeout: 10_000 });
      expect(await page.locator('#time-title').textContent()).toBe(`${state.report.referents.find((r) => r.id === other)!.label} over time`);
    }
    expect(refused).toEqual([]);
    await page.close();
  }, 60_000);

  it('without script the figure stays hidden and the table carries the numbers', async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${rig.base}/`);
    expect(await page.locator('#time-chart-figure').isVisible()).toBe(false);
    expect(await page.locator('table.time-table tbody tr').count()).toBe(2);
    expect(await page.locator('table.time-table svg.time-spark').count()).toBe(2);
    await context.close();
  }, 30_000);

  it('axe finds no serious violation with the chart drawn, and 400 px does not scroll sideways', async () => {
    const problems: string[] = [];
    for (const width of [1400, 400]) {
      // axe is injected as a script: this context lets it past the CSP (the first test runs under the CSP).
      const context = await rig.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${rig.base}/`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#time-chart-figure[data-drawn]', { timeout: 10_000 });
      for (const p of await seriousAxe(page)) problems.push(`${width}: ${p}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) problems.push(`${width}: scrolls sideways by ${wide} px`);
      await page.locator('#time-chart-figure').screenshot({ path: path.join(SHOTS, `chart-${width}.png`) });
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
