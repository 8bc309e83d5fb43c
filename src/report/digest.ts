/**
 * What the report builder reads of one document's analysis, as plain data: its report metadata, its packed counts,
 * its per-referent stance triples and its place and incident names. `ReportBuilder.add` makes it on the thread that
 * adds; analysis workers make it beside the analysis, so the main thread of a batch run never parses the analysis
 * JSON (10 KB a document, 58% of it hits) only to count it.
 */
import type { DocAnalysis } from '../types.js';
import { addDocument, emptyOutlet, packCounts, VOICES } from '../stats/aggregate.js';

export interface AnalysisDigest {
  id: string;
  outlet: string;
  title?: string;
  date?: string;
  url?: string;
  event?: string;
  words: number;
  warnings?: string[];
  collapsedBlocks?: number;
  /** The document's OutletCounts, packed (packCounts). */
  counts: string;
  /** Every referent of the counts, in their order (the builder numbers referents in the order it meets them). */
  referents: string[];
  /**
   * (position in `referents`, voice index in VOICES, score, mentions) for each voice with mentions, four numbers a
   * voice, in the order of `referents` and VOICES.
   */
  stance: number[];
  /** Place and incident names found in the text. */
  names: string[];
}

export function analysisDigest(a: DocAnalysis): AnalysisDigest {
  const counts = emptyOutlet(a.outlet);
  addDocument(counts, a);
  const referents: string[] = [];
  const stance: number[] = [];
  for (const [ref, r] of Object.entries(counts.referents)) {
    const k = referents.push(ref) - 1;
    for (let vi = 0; vi < VOICES.length; vi++) {
      const v = r.voices[VOICES[vi]];
      if (v.mentions > 0) stance.push(k, vi, v.score, v.mentions);
    }
  }
  const names: string[] = [];
  for (const n of a.names) if (n.type === 'place' || n.type === 'incident') names.push(n.name);
  const d: AnalysisDigest = {
    id: a.id, outlet: a.outlet, title: a.title, date: a.date, url: a.url, event: a.event, words: a.words,
    counts: packCounts(counts), referents, stance, names,
  };
  if (a.warnings.length) d.warnings = a.warnings;
  if (a.collapsedBlocks) d.collapsedBlocks = a.collapsedBlocks;
  return d;
}
