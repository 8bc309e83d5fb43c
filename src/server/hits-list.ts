/**
 * The label hits behind a number on the Overview: an outlet's hits for a referent or a label, optionally in one
 * voice, with their sentence context, a page at a time. The documents that hold matching hits (and how many each)
 * are found once per corpus version and filter; a page then reads only its own documents.
 */
import type { Hit, Voice } from '../types.js';
import { kwicLine, type KwicLine } from '../analysis/kwic.js';
import { cached, documentCount, recordAt, type AppState } from './state.js';
import { pageInfo, PAGE_SIZE, type PageInfo } from './paging.js';
import { badRequest, notFound } from './http-error.js';

export interface HitsFilter {
  outlet?: string;
  referent?: string;
  label?: string;
  voice?: Voice;
  /** Only hits that count toward stance (adopted: not distanced, not negated). */
  adopted?: boolean;
}

const VOICES: Voice[] = ['author', 'quoted', 'attributed'];

export function parseHitsFilter(state: AppState, get: (name: string) => string | undefined): HitsFilter {
  const filter: HitsFilter = {};
  for (const key of ['outlet', 'referent', 'label'] as const) {
    const v = get(key)?.trim();
    if (!v) continue;
    if (v.length > 300) throw badRequest(`${key} is longer than 300 characters`);
    filter[key] = v;
  }
  const voice = get('voice')?.trim();
  if (voice) {
    if (!(VOICES as string[]).includes(voice)) throw badRequest(`voice must be one of ${VOICES.join(', ')}, got "${voice.slice(0, 40)}"`);
    filter.voice = voice as Voice;
  }
  if (get('adopted') === 'yes') filter.adopted = true;
  if (filter.outlet !== undefined && !state.outlets.includes(filter.outlet)) throw notFound(`no outlet named "${filter.outlet}"`);
  if (filter.referent !== undefined && !state.compiled.referents.has(filter.referent)) throw notFound(`no referent "${filter.referent}" in the lexicon`);
  if (filter.label !== undefined && !state.compiled.entries.has(filter.label)) throw notFound(`no label "${filter.label}" in the lexicon`);
  if (!filter.outlet && !filter.referent && !filter.label) throw badRequest('choose an outlet, a referent or a label (outlet=…, referent=…, label=…)');
  return filter;
}

export function matches(hit: Hit, f: HitsFilter): boolean {
  return (f.referent === undefined || hit.referent === f.referent) && (f.label === undefined || hit.label === f.label)
    && (f.voice === undefined || hit.voice === f.voice) && (!f.adopted || (!hit.distanced && !hit.negated));
}

export interface HitLine extends KwicLine {
  title?: string;
  date?: string;
  hit: Hit;
}

export function hitLines(state: AppState, filter: HitsFilter, page: number): { lines: HitLine[]; paging: PageInfo } {
  const key = `hits-list\0${JSON.stringify(filter)}`;
  const perDoc = cached(state, key, () => {
    const candidates = filter.label !== undefined
      ? state.termIndex.label(filter.label)?.docs ?? []
      : Array.from({ length: documentCount(state) }, (_, i) => i);
    const docs: number[] = [];
    const counts: number[] = [];
    for (const i of candidates) {
      if (filter.outlet !== undefined && state.outletAt[i] !== filter.outlet) continue;
      const n = recordAt(state, i).analysis.hits.reduce((k, h) => k + (matches(h, filter) ? 1 : 0), 0);
      if (n) {
        docs.push(i);
        counts.push(n);
      }
    }
    return { docs, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const paging = pageInfo(perDoc.total, page);
  const from = (page - 1) * PAGE_SIZE;
  const to = from + PAGE_SIZE;
  const lines: HitLine[] = [];
  let seen = 0;
  for (let k = 0; k < perDoc.docs.length && seen < to; k++) {
    const n = perDoc.counts[k];
    if (seen + n > from) {
      const { document, analysis } = recordAt(state, perDoc.docs[k]);
      const own = analysis.hits.filter((h) => matches(h, filter));
      for (const h of own.slice(Math.max(0, from - seen), to - seen)) {
        const line = kwicLine(document, analysis, h, analysis.voiceSpans ?? [], 60);
        lines.push({ ...line, voice: h.voice, title: document.title, date: document.date, hit: h });
      }
    }
    seen += n;
  }
  return { lines, paging };
}
