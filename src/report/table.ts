/** The default terminal output: one block per referent, outlets as rows. */
import type { Report } from './build.js';
import { stanceText } from './markdown.js';

function pad(s: string, n: number): string {
  return s.length >= n ? `${s.slice(0, n - 1)}…` : s + ' '.repeat(n - s.length);
}

export function toTable(report: Report): string {
  const lines: string[] = [];
  const c = report.corpus;
  lines.push(`framelens ${report.tool.version} · ${c.documents} documents · ${c.words} words · ${c.outlets} outlets · ${c.skipped.length} skipped · ${c.excluded} near-duplicates excluded`);
  if (c.collapsedBlocks) lines.push(`${c.collapsedBlocks} repeated block(s) (headline, caption or paragraph printed twice in a document) counted once`);
  lines.push(`lexicons: ${report.lexicons.map((l) => `${l.name} ${l.version}`).join(', ')} · headline voice: ${report.settings.voices.join('+')} · ! = small sample`);
  for (const ref of report.referents) {
    const rows = report.outlets.filter((o) => o.referents[ref.id]);
    if (!rows.length) continue;
    lines.push('', `${ref.label} (${ref.id})`);
    lines.push(`  ${pad('outlet', 22)} ${pad('mentions', 9)} ${pad('stance [95% CI]', 24)} ${pad('quoted', 7)} top labels`);
    for (const o of rows) {
      const r = o.referents[ref.id];
      const flag = o.evidence === 'low' || r.smallSample ? '!' : ' ';
      const labels = Object.entries(r.labels).slice(0, 3).map(([id, l]) => `${id} ${l.count}`).join(', ');
      lines.push(`${flag} ${pad(o.outlet, 22)} ${pad(String(r.mentions), 9)} ${pad(stanceText(r), 24)} ${pad(r.quotedShare === null ? '–' : r.quotedShare.toFixed(2), 7)} ${labels}`);
    }
  }
  if (c.skipped.length) {
    lines.push('', 'skipped:');
    for (const s of c.skipped) lines.push(`  ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}
