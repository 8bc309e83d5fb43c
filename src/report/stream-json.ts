/**
 * The JSON report (and the hits CSV) written as a stream: the report's figures are small, but the hits of every
 * document are not — built as one string they fail near 36k documents (`Invalid string length`). Here the
 * documents are written one at a time, each joined with its hits from an iterator (a store, or analyses in
 * memory), so memory holds one document's hits at a time. The bytes equal `JSON.stringify(report, null, 2)` of the
 * report with the hits put in.
 */
import type { Report, ReportDocument, ReportEvent } from './build.js';
import { csvCell, HITS_HEADER, hitRow } from './csv.js';
import type { TextSink } from './write-atomic.js';

/** One document's hit lists, as `documentHits` gives them, with the document id they belong to. */
export interface DocumentHitLists extends Required<Pick<ReportDocument, 'hits' | 'names' | 'devices'>> {
  id: string;
}

export type HitSource = Iterable<DocumentHitLists> | AsyncIterable<DocumentHitLists>;

const INDENT = '    ';

/**
 * Writes the report as indented JSON. `hits` (optional) yields each document's hit lists in the order of the
 * documents; without it the documents are written as they are. `documents` (default `report.documents`): the
 * documents as a walk (ReportBuilder.finishStreaming), so that no list as long as the corpus is held.
 */
export async function writeReportJson(
  sink: TextSink, report: Report, hits?: HitSource, documents: Iterable<ReportDocument> = report.documents,
  events: Iterable<ReportEvent> = report.events,
): Promise<void> {
  await writeHead(sink, report, events);
  await sink.write('"documents": [');
  const lists = hits ? iterate(hits) : undefined;
  let first = true;
  for (const doc of documents) {
    let full: ReportDocument = doc;
    if (lists) {
      const next = await lists.next();
      if (next.done) throw new Error(`report JSON: the hits ran out before document ${doc.id}`);
      if (next.value.id !== doc.id) throw new Error(`report JSON: hits for ${next.value.id} came where ${doc.id} was expected; give them in the order of report.documents`);
      full = { ...doc, hits: next.value.hits, names: next.value.names, devices: next.value.devices };
    }
    await sink.write(`${first ? '\n' : ',\n'}${INDENT}${JSON.stringify(full, null, 2).replace(/\n/g, `\n${INDENT}`)}`);
    first = false;
  }
  if (lists && !(await lists.next()).done) throw new Error('report JSON: more hit lists than documents');
  await sink.write(first ? ']\n}\n' : '\n  ]\n}\n');
}

/**
 * Everything before the documents, as `JSON.stringify(report, null, 2)` writes it, field by field and the elements of
 * list fields one at a time: the events list alone is ~32 MB of JSON at 100k documents (every document is in an
 * event), and as one string, then its bytes, it raised the run's peak memory by a few hundred MB. The events are
 * taken from `events` (a walk: ReportBuilder.finishStreaming makes each when read). Ends after the comma and
 * indent before `"documents"`.
 */
async function writeHead(sink: TextSink, report: Report, events: Iterable<ReportEvent>): Promise<void> {
  const keys = Object.keys(report);
  if (keys[keys.length - 1] !== 'documents') throw new Error('report JSON: "documents" must be the last field of the report');
  const nested = (json: string, indent: string) => json.replace(/\n/g, `\n${indent}`);
  await sink.write('{');
  for (const key of keys.slice(0, -1)) {
    const value = key === 'events' ? events : (report as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value) || key === 'events') {
      let i = 0;
      for (const item of value as Iterable<unknown>) {
        // In a list, what JSON cannot hold (undefined, a function) is written as null, as JSON.stringify does.
        const json = JSON.stringify(item, null, 2) ?? 'null';
        await sink.write(`${i++ === 0 ? `\n  ${JSON.stringify(key)}: [` : ','}\n${INDENT}${nested(json, INDENT)}`);
      }
      await sink.write(i === 0 ? `\n  ${JSON.stringify(key)}: [],` : '\n  ],');
      continue;
    }
    const json = JSON.stringify(value, null, 2);
    if (json === undefined) continue; // left out, as JSON.stringify leaves out an undefined field
    await sink.write(`\n  ${JSON.stringify(key)}: ${nested(json, '  ')},`);
  }
  await sink.write('\n  ');
}

/** Writes hits.csv: one row per hit, documents in report order, hits from `hits` (same contract as above). */
export async function writeHitsCsv(sink: TextSink, report: Report, hits: HitSource, documents: Iterable<ReportDocument> = report.documents): Promise<void> {
  await sink.write(`${HITS_HEADER.map(csvCell).join(',')}\n`);
  const lists = iterate(hits);
  for (const doc of documents) {
    const next = await lists.next();
    if (next.done) throw new Error(`hits CSV: the hits ran out before document ${doc.id}`);
    if (next.value.id !== doc.id) throw new Error(`hits CSV: hits for ${next.value.id} came where ${doc.id} was expected; give them in the order of report.documents`);
    let chunk = '';
    for (const h of next.value.hits) chunk += `${hitRow(doc, h).map(csvCell).join(',')}\n`;
    if (chunk) await sink.write(chunk);
  }
}

function iterate(source: HitSource): AsyncIterator<DocumentHitLists> | Iterator<DocumentHitLists> {
  if (Symbol.asyncIterator in source) return (source as AsyncIterable<DocumentHitLists>)[Symbol.asyncIterator]();
  return (source as Iterable<DocumentHitLists>)[Symbol.iterator]();
}
