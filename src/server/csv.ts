/** CSV for the server's own tables (Compare, Term, Lexicon, one document's hits); the report's tables come from src/report/csv.ts. */
import type { Context } from 'hono';
import { documentMetaColumns, documentsTable, eventsTable, hitsTable, toCsv } from '../report/csv.js';
import { withStances } from './store-state.js';
import type { Report } from '../report/build.js';
import type { EventList } from './events.js';
import { lookup, type AppState } from './state.js';
import { columnIds, type CompareModel } from './compare.js';
import type { TermResult } from './term.js';
import type { LexiconView } from './lexicon-view.js';
import type { DocAnalysis } from '../types.js';

/** Groups side by side add the report's group stance (outlets as the unit) and its interval to every row. */
export function compareCsv(model: CompareModel): string {
  const groups = model.mode === 'groups';
  const rows: Array<Array<string | number | null | undefined>> = [];
  for (const r of model.referents) {
    model.columns.forEach((col, i) => {
      const cell = r.cells[i];
      for (const l of cell.labels) {
        const row: Array<string | number | null | undefined> = [r.referent, i + 1, col.heading, columnIds(col).join(' '), l.label, l.weight, l.count,
          l.byVoice.author, l.byVoice.quoted, l.byVoice.attributed, l.distanced, l.negated, cell.ownMentions, cell.ownStance];
        if (groups) row.push(cell.group?.stance, cell.group?.ci95?.[0], cell.group?.ci95?.[1], cell.group?.outlets);
        rows.push(row);
      }
    });
  }
  return toCsv(['referent', 'column', 'heading', 'documents', 'label', 'weight', 'count', 'author', 'quoted', 'attributed', 'distanced', 'negated',
    'own_mentions', 'own_stance', ...(groups ? ['group_stance', 'group_ci_low', 'group_ci_high', 'group_outlets'] : [])], rows);
}

export function termCsv(result: TermResult): string {
  return toCsv(['document', 'outlet', 'start', 'end', 'left', 'match', 'right', 'voice', 'label', 'referent', 'weight'],
    result.lines.map((l) => [l.documentId, l.outlet, l.start, l.end, l.left, l.match, l.right, l.voice, l.label, l.referent, l.weight]));
}

export function lexiconCsv(view: LexiconView): string {
  const labels = [...view.referents.flatMap((r) => r.labels), ...view.contextLabels, ...Object.values(view.otherLabels).flat()];
  return toCsv(['label', 'referent', 'resolve', 'category', 'weight', 'patterns', 'rationale', 'sources', 'lexicon', 'corpus_count'],
    labels.map((l) => [l.id, l.referent, l.resolve?.join(' '), l.category, l.weight, l.patterns.map((p) => p.source).join(' | '), l.rationale,
      l.sources?.join(' | '), l.lexicon, l.use.count]));
}

export function docHitsCsv(analysis: DocAnalysis): string {
  return toCsv(['document', 'outlet', 'label', 'referent', 'category', 'weight', 'voice', 'distanced', 'negated', 'start', 'end', 'text', 'sentence'],
    analysis.hits.map((h) => [analysis.id, analysis.outlet, h.label, h.referent, h.category, h.weight, h.voice, h.distanced, h.negated, h.start, h.end, h.text, h.sentence]));
}

/** Documents per chunk of the streamed hits table. */
const HITS_CHUNK_DOCUMENTS = 200;

/**
 * The report's hits table (same columns as `analyze --format csv`), written a few hundred documents at a time from
 * the analyses: the server's report keeps no copy of the hits, and the whole table need never be one string.
 */
export function hitsCsv(state: AppState): ReadableStream<Uint8Array> {
  const documents = state.report.documents;
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= documents.length && next > 0) {
        controller.close();
        return;
      }
      const batch = documents.slice(next, next + HITS_CHUNK_DOCUMENTS).map((d) => ({ ...d, hits: d.hits ?? lookup(state, d.id)?.analysis.hits ?? [] }));
      const csv = hitsTable({ ...state.report, documents: batch });
      controller.enqueue(encoder.encode(next === 0 ? csv : csv.slice(csv.indexOf('\n') + 1)));
      next += HITS_CHUNK_DOCUMENTS;
      if (documents.length === 0) controller.close();
    },
  });
}

/** Documents per piece of the streamed documents table. */
const DOCUMENTS_CHUNK = 500;

/**
 * The documents table of a store, a slice of documents at a time with their stances read back from the scratch file
 * (the whole table at 100k is ~16 MB of text, and the documents with stances ~25 MB of objects besides). The metadata
 * columns are those of every document, found first.
 */
export function documentsCsv(state: AppState, chunk = DOCUMENTS_CHUNK): ReadableStream<Uint8Array> {
  const documents = state.report.documents;
  const metaColumns = documentMetaColumns(documents);
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const csv = documentsTable({ ...state.report, documents: withStances(state, documents.slice(next, next + chunk)) }, metaColumns);
      controller.enqueue(encoder.encode(next === 0 ? csv : csv.slice(csv.indexOf('\n') + 1)));
      next += chunk;
      if (next >= documents.length) controller.close();
    },
  });
}

/** The events table (one row per event and document), written a chunk of events at a time. */
export function eventsCsv(events: EventList): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = events.chunks()[Symbol.iterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done && !first) {
        controller.close();
        return;
      }
      const csv = eventsTable({ events: next.done ? [] : next.value } as Report);
      controller.enqueue(encoder.encode(first ? csv : csv.slice(csv.indexOf('\n') + 1)));
      first = false;
      if (next.done) controller.close();
    },
  });
}

export function csvResponse(c: Context, csv: string | ReadableStream<Uint8Array>, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '_');
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${safe}"`,
  });
}
