/**
 * The JSON report (and the hits CSV) written as a stream: the report's figures are small, but the hits of every
 * document are not — built as one string they fail near 36k documents (`Invalid string length`). Here the
 * documents are written one at a time, each joined with its hits from an iterator (a store, or analyses in
 * memory), so memory holds one document's hits at a time. The bytes equal `JSON.stringify(report, null, 2)` of the
 * report with the hits put in.
 */
import type { Report, ReportDocument } from './build.js';
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
export async function writeReportJson(sink: TextSink, report: Report, hits?: HitSource, documents: Iterable<ReportDocument> = report.documents): Promise<void> {
  const head = JSON.stringify({ ...report, documents: [] }, null, 2);
  // `documents` is the report's last field: everything before it is written at once.
  const tail = '"documents": []\n}';
  if (!head.endsWith(tail)) throw new Error('report JSON: "documents" must be the last field of the report');
  await sink.write(head.slice(0, head.length - tail.length));
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
