/**
 * A hit as the store's `hits` table takes it, one array per hit in column order. Kept apart from store.ts (and
 * better-sqlite3) so that analysis workers can build the rows beside the analysis: the main thread, which writes the
 * store, then binds them as they come instead of parsing the whole analysis to find its hits.
 */
import type { Hit } from '../types.js';

export type StoreHitRow = [
  label: string, referent: string | null, category: string, weight: number, start: number, end: number, text: string,
  lowerText: string, sentence: number, voice: Hit['voice'], distanced: 0 | 1, negated: 0 | 1,
  resolution: Hit['resolution'] | null, cues: string | null,
];

export function storeHitRow(h: Hit): StoreHitRow {
  return [
    h.label, h.referent, h.category, h.weight, h.start, h.end, h.text, h.text.toLowerCase(), h.sentence, h.voice,
    h.distanced ? 1 : 0, h.negated ? 1 : 0, h.resolution ?? null, h.cues?.length ? JSON.stringify(h.cues) : null,
  ];
}
