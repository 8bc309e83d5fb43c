/**
 * A self-contained static HTML report for `framelens analyze --format html`: inline CSS, no script, nothing loaded
 * from anywhere, every corpus value escaped. The tables are shared with the web UI (src/report/views), each in its
 * own scroll box so that the page never scrolls sideways on a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsx } from 'hono/jsx';
import type { Report } from './build.js';
import { webRoot } from '../paths.js';
import { ReportFile } from './views/report-file.js';

let css: string | undefined;

function stylesheet(): string {
  css ??= readFileSync(join(webRoot(), 'style.css'), 'utf8');
  return css;
}

export function toHtmlReport(report: Report): string {
  const out = jsx(ReportFile, { report, css: stylesheet() }).toString();
  if (typeof out !== 'string') throw new Error('the HTML report rendered asynchronously; its components must be synchronous');
  return out;
}
