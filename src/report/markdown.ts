/** A Markdown report to hand on: the same figures as the JSON report, as readable tables. */
import type { Report, ReferentSummary } from './build.js';
import { contrastsMarkdown, dictionariesMarkdown, groupsMarkdown, timelineMarkdown } from './markdown-research.js';

const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '–' : x.toFixed(digits));

/** Escapes Markdown table cells: corpus text must never break the table or inject markup. */
export function mdCell(value: string): string {
  // Bidirectional controls would reverse the rest of a table row in a Markdown viewer.
  return value.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/[*_`[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function stanceText(r: Pick<ReferentSummary, 'stance' | 'ci95'>): string {
  if (r.stance === null) return '–';
  const ci = r.ci95 ? ` [${fmt(r.ci95[0])}, ${fmt(r.ci95[1])}]` : '';
  return `${r.stance >= 0 ? '+' : ''}${fmt(r.stance)}${ci}`;
}

function topLabels(r: ReferentSummary, n = 4): string {
  return Object.entries(r.labels).slice(0, n).map(([id, l]) => `${id} ${l.count}`).join(', ') || '–';
}

export function toMarkdown(report: Report): string {
  const out: string[] = [];
  const c = report.corpus;
  out.push('# framelens report', '');
  out.push(`${c.documents} documents, ${c.words} words, ${c.outlets} outlets; ${c.skipped.length} skipped; ${c.excluded} excluded as near-duplicates (policy ${report.duplicates.policy}).`);
  if (c.collapsedBlocks) {
    const docs = report.documents.filter((d) => d.collapsedBlocks).length;
    out.push(`${c.collapsedBlocks} repeated block(s) (a headline, caption or paragraph printed twice in one document) counted once${docs ? `, in ${docs} document(s)` : ''}.`);
  }
  out.push(`Lexicons: ${report.lexicons.map((l) => `${l.name} ${l.version} (sha256 ${l.sha256.slice(0, 12)}…)`).join(', ')}. Tool: ${report.tool.name} ${report.tool.version}. Schema ${report.schema}.`);
  out.push(`Headline figures use the ${report.settings.voices.join(' + ')} voice. Stance: mean of weight/2 over adopted mentions, in [-1, +1]; 95% bootstrap interval over documents (${report.settings.bootstrap.resamples} resamples, seed ${report.settings.bootstrap.seed}). ⚠ marks fewer than ${report.settings.smallSample.documents} documents or ${report.settings.smallSample.mentions} mentions.`, '');

  for (const ref of report.referents) {
    const rows = report.outlets.filter((o) => o.referents[ref.id]);
    if (!rows.length) continue;
    out.push(`## ${mdCell(ref.label)} (\`${ref.id}\`)`, '');
    out.push('| outlet | mentions | stance [95% CI] | labels (author voice) | quoted share | distanced | negated |');
    out.push('|---|---:|---|---|---:|---:|---:|');
    for (const o of rows) {
      const r = o.referents[ref.id];
      out.push(`| ${mdCell(o.outlet)}${o.evidence === 'low' || r.smallSample ? ' ⚠' : ''} | ${r.mentions} | ${stanceText(r)} | ${mdCell(topLabels(r))} | ${fmt(r.quotedShare)} | ${r.distanced.count + r.distanced.names} | ${r.negated.count} |`);
    }
    out.push('');
  }

  out.push('## Outlets', '', '| outlet | documents | words | label hits per 1k words (author) | quoted share | unresolved |', '|---|---:|---:|---|---:|---:|');
  for (const o of report.outlets) {
    const cats = Object.entries(o.categories).map(([k, v]) => `${k} ${fmt(v.authorPer1k, 1)}`).join(', ') || '–';
    out.push(`| ${mdCell(o.outlet)}${o.evidence === 'low' ? ' ⚠' : ''} | ${o.documents} | ${o.words} | ${mdCell(cats)} | ${fmt(o.quotedShare)} | ${o.unresolved} |`);
  }
  out.push('');

  const key = report.keyness.labels.eachAgainstRest;
  if (Object.keys(key).length) {
    out.push('## Key labels (each outlet against the rest)', '', '| outlet | label | count | rest | G² | log ratio | p (BH) |', '|---|---|---:|---:|---:|---:|---:|');
    for (const [outlet, rows] of Object.entries(key)) {
      for (const r of rows.filter((x) => x.direction === 'over').slice(0, 5)) {
        out.push(`| ${mdCell(outlet)} | ${mdCell(r.term)} | ${r.targetCount} | ${r.referenceCount} | ${fmt(r.g2)} | ${fmt(r.logRatio)} | ${r.pAdjusted.toPrecision(2)}${r.significant ? ' *' : ''} |`);
      }
    }
    out.push('');
  }

  const div = Object.entries(report.divergence);
  if (div.length) {
    out.push('## Divergence of label distributions (Jensen–Shannon, base 2)', '');
    for (const [ref, m] of div) {
      out.push(`**${mdCell(ref)}**`, '', `| | ${m.outlets.map(mdCell).join(' | ')} |`, `|---|${m.outlets.map(() => '---:').join('|')}|`);
      m.outlets.forEach((o, i) => out.push(`| ${mdCell(o)} | ${m.matrix[i].map((x) => fmt(x)).join(' | ')} |`));
      out.push('');
    }
  }

  out.push(...groupsMarkdown(report), ...contrastsMarkdown(report), ...timelineMarkdown(report), ...dictionariesMarkdown(report));

  if (report.events.length) {
    out.push('## Events', '', '| event | basis | dates | outlets | documents |', '|---|---|---|---|---:|');
    for (const e of report.events) out.push(`| ${mdCell(e.label)} | ${e.basis} | ${e.dateRange ? e.dateRange.join(' – ') : '–'} | ${mdCell(e.outlets.join(', '))} | ${e.documents.length} |`);
    out.push('');
  }
  if (report.duplicates.pairs.length) {
    const total = report.duplicates.pairCount ?? report.duplicates.pairs.length;
    out.push('## Near-duplicates', '');
    if (total > report.duplicates.pairs.length) out.push(`${total} pairs in ${report.duplicates.clusters.length} clusters; the first ${report.duplicates.pairs.length} are listed.`, '');
    out.push('| document | copy of | containment |', '|---|---|---:|');
    for (const p of report.duplicates.pairs) out.push(`| ${mdCell(p.b)} (${mdCell(p.outletB)}) | ${mdCell(p.a)} (${mdCell(p.outletA)}) | ${fmt(p.containment)} |`);
    out.push('');
  }
  if (c.skipped.length) {
    out.push('## Skipped input', '', '| file | line | reason |', '|---|---:|---|');
    for (const s of c.skipped) out.push(`| ${mdCell(s.file)} | ${s.line ?? ''} | ${mdCell(s.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}
