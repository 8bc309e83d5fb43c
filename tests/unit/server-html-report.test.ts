import { describe, expect, it } from 'vitest';
import { toHtmlReport } from '../../src/report/html.js';
import { EVIL_OUTLET, freshState } from './server-fixture.js';

describe('toHtmlReport', () => {
  it('is one self-contained HTML file with every table, no script, and escaped corpus values', async () => {
    const state = await freshState();
    const html = toHtmlReport(state.report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain('<style>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;outlet&quot;)&lt;/script&gt;');
    expect(html).not.toContain(EVIL_OUTLET);
    expect(html).toContain('&lt;b onmouseover=alert(2)&gt;Bold title&lt;/b&gt;');
    for (const caption of ['Stance per referent and outlet', 'labels by outlet', 'divergence of label choice', 'Outlets: documents, words',
      'labels used more than by the other outlets', 'Events:', 'Documents', 'correction over what was tested. Outlet pairs permute documents']) {
      expect(html).toContain(caption);
    }
    expect(html).toContain('No near-duplicate documents');
    expect(html).toContain('No documents were skipped');
    for (const o of state.report.outlets.filter((x) => x.outlet !== EVIL_OUTLET)) expect(html).toContain(`<th scope="col">${o.outlet}</th>`);
    expect(html).toContain('⚠ small sample');
  });

  it('lists skipped inputs with their reasons', async () => {
    const state = await freshState({ evil: false });
    const report = { ...state.report, corpus: { ...state.report.corpus, skipped: [{ file: 'bad<1>.csv', line: 3, reason: 'no text' }] } };
    const html = toHtmlReport(report);
    expect(html).toContain('<td>bad&lt;1&gt;.csv</td><td>3</td><td></td><td>no text</td>');
  });
});
