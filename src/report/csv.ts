/**
 * Tidy CSV tables (one observation per row, one variable per column) for R and Python. RFC 4180 quoting; a
 * leading =, +, - or @ in a text cell is prefixed with an apostrophe so spreadsheets do not run it as a formula.
 */
import type { Report, ReportDocument, ReportHit } from './build.js';

type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** outlet × referent × voice × label: counts, shares, and the referent's stance with its interval. */
export function labelsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const o of report.outlets) {
    for (const [ref, r] of Object.entries(o.referents)) {
      for (const [voice, v] of Object.entries(r.byVoice)) {
        for (const [label, l] of Object.entries(v.labels)) {
          rows.push([o.outlet, ref, voice, label, l.count, l.share, v.mentions, v.stance, v.ci95?.[0], v.ci95?.[1]]);
        }
      }
    }
  }
  return toCsv(['outlet', 'referent', 'voice', 'label', 'count', 'share', 'referent_mentions', 'stance', 'ci95_low', 'ci95_high'], rows);
}

/** outlet × referent: headline stance (author voice by default), interval, evidence flags, distancing. */
export function referentsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const o of report.outlets) {
    for (const [ref, r] of Object.entries(o.referents)) {
      rows.push([o.outlet, ref, r.mentions, r.documents, r.stance, r.ci95?.[0], r.ci95?.[1], r.smallSample,
        r.byVoice.author.mentions, r.byVoice.quoted.mentions, r.byVoice.attributed.mentions, r.quotedShare,
        r.distanced.count, r.negated.count]);
    }
  }
  return toCsv(['outlet', 'referent', 'mentions', 'documents', 'stance', 'ci95_low', 'ci95_high', 'small_sample',
    'author_mentions', 'quoted_mentions', 'attributed_mentions', 'quoted_share', 'distanced', 'negated'], rows);
}

/** One row per outlet × category (labels) or device type. */
export function outletsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const o of report.outlets) {
    for (const [cat, c] of Object.entries(o.categories)) rows.push([o.outlet, o.documents, o.words, o.evidence, 'category', cat, c.count, c.per1k, c.author, c.authorPer1k]);
    for (const [type, c] of Object.entries(o.devices)) rows.push([o.outlet, o.documents, o.words, o.evidence, 'device', type, c.count, c.per1k, c.author, c.authorPer1k]);
  }
  return toCsv(['outlet', 'documents', 'words', 'evidence', 'kind', 'name', 'count', 'per1k', 'author_count', 'author_per1k'], rows);
}

export const HITS_HEADER = ['document', 'outlet', 'date', 'label', 'referent', 'category', 'weight', 'voice', 'distanced', 'negated', 'resolution', 'start', 'end', 'text', 'sentence', 'excluded'];

/** One row of hits.csv (also written as a stream by writeHitsCsv). */
export function hitRow(d: ReportDocument, h: ReportHit): Cell[] {
  return [d.id, d.outlet, d.date, h.label, h.referent, h.category, h.weight, h.voice, h.distanced, h.negated, h.resolution, h.start, h.end, h.text, h.sentence, d.excluded ? true : false];
}

/** Every hit with its offsets: the audit trail behind every other table. */
export function hitsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const d of report.documents) for (const h of d.hits ?? []) rows.push(hitRow(d, h));
  return toCsv(HITS_HEADER, rows);
}

export function keynessTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const [kind, k] of Object.entries(report.keyness)) {
    for (const [outlet, list] of Object.entries(k.eachAgainstRest)) {
      for (const r of list) rows.push([kind, outlet, 'rest', r.term, r.targetCount, r.referenceCount, r.targetTotal, r.referenceTotal, r.g2, r.logRatio, r.p, r.pAdjusted, r.significant, r.direction]);
    }
    if (k.pair) for (const r of k.pair.rows) rows.push([kind, k.pair.target, k.pair.reference, r.term, r.targetCount, r.referenceCount, r.targetTotal, r.referenceTotal, r.g2, r.logRatio, r.p, r.pAdjusted, r.significant, r.direction]);
  }
  return toCsv(['kind', 'target', 'reference', 'term', 'target_count', 'reference_count', 'target_total', 'reference_total', 'g2', 'log_ratio', 'p', 'p_adjusted', 'significant', 'direction'], rows);
}

export function divergenceTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const [ref, m] of Object.entries(report.divergence)) {
    m.outlets.forEach((a, i) => m.outlets.forEach((b, j) => { if (i < j) rows.push([ref, a, b, m.matrix[i][j]]); }));
  }
  return toCsv(['referent', 'outlet_a', 'outlet_b', 'jsd'], rows);
}

export function stanceTestsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const [ref, tests] of Object.entries(report.stanceTests)) {
    for (const t of tests) rows.push([ref, t.a, t.b, t.difference, t.p, t.pAdjusted, t.significant, t.permutations]);
  }
  return toCsv(['referent', 'outlet_a', 'outlet_b', 'stance_difference', 'p', 'p_adjusted', 'significant', 'permutations'], rows);
}

export function eventsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const e of report.events) {
    const member = new Map((e.members ?? []).map((m) => [m.id, m]));
    for (const id of e.documents) {
      const m = member.get(id);
      rows.push([e.id, e.label, e.basis, e.dateRange?.[0], e.dateRange?.[1], id, m?.basis, m?.because, m?.date?.day, m?.date?.from, m?.date?.evidence]);
    }
  }
  return toCsv(['event', 'label', 'basis', 'first_day', 'last_day', 'document', 'joined_by', 'because', 'day', 'day_from', 'day_evidence'], rows);
}

/** Metadata keys of the documents, in order of first appearance (the documents table's columns after the fixed ones). */
export function documentMetaColumns(documents: Report['documents']): string[] {
  const metaColumns: string[] = [];
  const seen = new Set<string>();
  for (const d of documents) for (const k of Object.keys(d.meta ?? {})) if (!seen.has(k)) { seen.add(k); metaColumns.push(k); }
  return metaColumns;
}

/**
 * One row per document, like quanteda's docvars: the reader's fields, every metadata column the input had (in order
 * of first appearance; objects as JSON), word count, and per referent the headline-voice mentions and stance.
 */
export function documentsTable(report: Report, metaColumns = documentMetaColumns(report.documents)): string {
  const fixed = ['document', 'outlet', 'title', 'date', 'url', 'event', 'language', 'source', 'words', 'excluded'];
  // A metadata key that repeats a fixed column name gets a prefix rather than two columns of one name.
  const metaHeader = metaColumns.map((k) => (fixed.includes(k) ? `meta_${k}` : k));
  const referents = report.referents.map((r) => r.id);
  const metaCell = (v: unknown): Cell => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : (v as Cell));
  const rows: Cell[][] = report.documents.map((d) => [
    d.id, d.outlet, d.title, d.date, d.url, d.event, d.language, d.source, d.words, d.excluded ?? '',
    ...metaColumns.map((k) => metaCell(d.meta?.[k])),
    ...referents.flatMap((r) => [d.stance?.[r]?.mentions ?? 0, d.stance?.[r]?.stance ?? null]),
  ]);
  return toCsv([...fixed, ...metaHeader, ...referents.flatMap((r) => [`${r}_mentions`, `${r}_stance`])], rows);
}

/** Every contrast: its two sides, referent, effect with interval, raw and adjusted p, or why it was not tested. */
export function contrastsTable(report: Report): string {
  const rows: Cell[][] = report.contrasts.map((c) => [
    c.kind, c.referent, c.a.grouping ?? '', c.a.name, c.b.name, c.a.outlets.length, c.b.outlets.length, c.a.documents, c.b.documents, c.unit,
    c.effect.value, c.effect.ci95?.[0], c.effect.ci95?.[1], c.effect.note, c.tested, c.reason, c.p, c.pAdjusted, c.significant, c.method, c.permutations,
  ]);
  for (const s of report.contrastPlan.skipped) rows.push(['not attempted', '', '', s.what, '', '', '', '', '', '', null, null, null, '', false, `${s.count} contrasts: ${s.reason}`, null, null, null, '', null]);
  return toCsv(['kind', 'referent', 'grouping', 'a', 'b', 'a_outlets', 'b_outlets', 'a_documents', 'b_documents', 'unit',
    'effect', 'ci95_low', 'ci95_high', 'effect_note', 'tested', 'reason', 'p', 'p_adjusted', 'significant', 'method', 'permutations'], rows);
}

/** grouping × group × referent: stance (outlets as the unit) with interval, and label shares (one row per label). */
export function groupsTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const g of report.groups) {
    for (const grp of g.groups) {
      for (const [ref, r] of Object.entries(grp.referents)) {
        const labels = Object.entries(r.labels);
        const base = [g.grouping, grp.name, grp.outlets.join('; '), grp.documents, ref, r.outlets, r.documents, r.mentions, r.stance, r.ci95?.[0], r.ci95?.[1], r.pooledStance];
        if (labels.length === 0) rows.push([...base, '', null, null]);
        for (const [label, l] of labels) rows.push([...base, label, l.count, l.share]);
      }
    }
  }
  return toCsv(['grouping', 'group', 'outlets', 'documents', 'referent', 'referent_outlets', 'referent_documents', 'mentions', 'stance', 'ci95_low', 'ci95_high', 'pooled_stance', 'label', 'label_count', 'label_share'], rows);
}

/** series × bin × referent (one row per label): the timeline in long form; empty when --by was not given. */
export function timelineTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const s of report.timeline?.series ?? []) {
    for (const c of s.cells) {
      for (const [ref, r] of Object.entries(c.referents)) {
        const base = [report.timeline!.by, s.kind, s.grouping ?? '', s.name, c.bin, c.documents, ref, r.documents, r.mentions, r.stance, r.ci95?.[0], r.ci95?.[1]];
        const labels = Object.entries(r.labels);
        if (labels.length === 0) rows.push([...base, '', null, null]);
        for (const [label, l] of labels) rows.push([...base, label, l.count, l.share]);
      }
    }
  }
  return toCsv(['by', 'kind', 'grouping', 'series', 'bin', 'documents', 'referent', 'referent_documents', 'mentions', 'stance', 'ci95_low', 'ci95_high', 'label', 'label_count', 'label_share'], rows);
}

/**
 * Category dictionaries: one row per document × dictionary × category, zeros included (as `framelens count` writes
 * it), with the per-1,000-word rate; empty (header only) when no dictionary was given.
 */
export function categoriesTable(report: Report): string {
  const rows: Cell[][] = [];
  for (const d of report.documents) {
    (d.categories ?? []).forEach((c, k) => {
      const dict = report.dictionaries[k];
      const name = dict?.file.replace(/^.*[\\/]/, '') ?? String(k);
      for (const cat of dict?.categories ?? Object.keys(c.counts)) {
        const n = c.counts[cat] ?? 0;
        rows.push([name, d.id, d.outlet, d.date, cat, n, c.words, c.words ? Math.round((1e7 * n) / c.words) / 1e4 : 0, d.excluded ? true : false]);
      }
    });
  }
  return toCsv(['dictionary', 'document', 'outlet', 'date', 'category', 'count', 'words', 'per_1000', 'excluded'], rows);
}

export function skippedTable(report: Report): string {
  return toCsv(['file', 'line', 'id', 'reason'], report.corpus.skipped.map((s) => [s.file, s.line, s.id, s.reason]));
}

/** All tables, by file name. */
export function csvTables(report: Report): Record<string, string> {
  return {
    'labels.csv': labelsTable(report),
    'referents.csv': referentsTable(report),
    'outlets.csv': outletsTable(report),
    'hits.csv': hitsTable(report),
    'keyness.csv': keynessTable(report),
    'divergence.csv': divergenceTable(report),
    'stance-tests.csv': stanceTestsTable(report),
    'events.csv': eventsTable(report),
    'documents.csv': documentsTable(report),
    'contrasts.csv': contrastsTable(report),
    'groups.csv': groupsTable(report),
    'timeline.csv': timelineTable(report),
    'categories.csv': categoriesTable(report),
    'skipped.csv': skippedTable(report),
  };
}
