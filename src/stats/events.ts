/**
 * Same-event grouping: framing is only comparable when outlets report the same thing, so documents are grouped
 * into events before outlets are set side by side.
 *
 * Rules, in order:
 * 1. Metadata wins. A document with an `event` field belongs to that event (key trimmed, compared exactly), and
 *    to no other: the source knows better than any heuristic. Such events have basis 'metadata'.
 * 2. Other documents are linked by the place/incident names they share (name ids from name hits of type place
 *    or incident; the caller extracts them):
 *      - both dated:           |day difference| ≤ windowDays (default 3) and ≥ 1 shared name;
 *      - at least one undated: ≥ 2 shared names (one shared place without a date is too weak a tie).
 *    Documents with a metadata event never link by names, so an event key cannot be bridged into another event.
 *    A name that more than maxPartners (default 128) other documents share within a document's window is generic
 *    there ("Baghdad" on a busy week) and links no pair by itself; this keeps the work linear in the corpus.
 * 3. Links are merged with union-find, strongest first, and a merge is refused when the merged group would span
 *    more than maxSpanDays (default 7) between its first and last dated document. Without that cap, daily
 *    stories that all mention "Baghdad" would chain into one event lasting months. "Strongest" = the sum over the
 *    shared names of ln(1 + N/df), N the number of name-linked documents and df the documents naming it, so a
 *    specific incident outweighs a capital city; ties: closer in time, then input order. Deterministic.
 * 4. A document linked to nothing is an event of its own, basis 'single'.
 *
 * Event ids are stable: 'ev-' + a hash of the metadata key (metadata events: adding documents keeps the id) or of
 * the sorted member ids (name-linked and single events: the same members always give the same id).
 */
import { dayNumber, isoDay } from './dates.js';
import { hash53Hex } from './hash.js';
import { UnionFind } from './union-find.js';

export interface EventInput {
  id: string;
  outlet: string;
  date?: string;
  /** Event key from the document's metadata, when the source supplies one. */
  event?: string;
  /** Ids of the place and incident names found in the document. */
  names: Iterable<string>;
}

export type EventBasis = 'metadata' | 'places' | 'single';

export interface FramingEvent {
  id: string;
  /** Metadata key, or the most shared names (display labels when given) joined by " · ", or the document id. */
  label: string;
  /** Name ids of the event, most shared first (ties by id), at most `labelNames`. */
  names: string[];
  /** Member document ids in input order. */
  documents: string[];
  /** Distinct outlets, sorted. */
  outlets: string[];
  /** First and last day of the dated members (YYYY-MM-DD); null when no member is dated. */
  dateRange: [string, string] | null;
  basis: EventBasis;
}

export interface EventOptions {
  /** Two dated documents can link when at most this many days apart (default 3). */
  windowDays?: number;
  /** An event never spans more days than this between its first and last dated document (default 7). */
  maxSpanDays?: number;
  /** Shared names needed when a document has no date (default 2). */
  minSharedUndated?: number;
  /** Names that never link documents (e.g. the country every article names). */
  ignoreNames?: Iterable<string>;
  /** Display text of name ids for labels; ids are used when absent. */
  nameLabels?: ReadonlyMap<string, string>;
  /** How many names make the label (default 3). */
  labelNames?: number;
  /**
   * A name shared by more than this many other documents within a document's window (either side; for an
   * undated document, by more than this many documents at all) is generic there and links no pair by itself
   * (default 128).
   */
  maxPartners?: number;
  /**
   * Links found on other evidence (text similarity, src/stats/event-similarity.ts), as input indices. They are
   * tried after the name links, under the same span cap; documents with a metadata event are never linked by them.
   */
  extraLinks?: ReadonlyArray<{ i: number; j: number; strength: number }>;
}

export const DEFAULT_WINDOW_DAYS = 3;
export const DEFAULT_MAX_SPAN_DAYS = 7;
export const DEFAULT_MIN_SHARED_UNDATED = 2;
export const DEFAULT_LABEL_NAMES = 3;
export const DEFAULT_MAX_PARTNERS = 128;

/**
 * Candidate name links as columns (input indices, strength, day gap) and `order`, the positions strongest first: a
 * typed array per column costs 28 bytes a link, where an object per link cost ~80 and held the largest transient
 * memory of a report at 100k documents.
 */
interface LinkTable {
  i: Int32Array;
  j: Int32Array;
  strength: Float64Array;
  gap: Float64Array;
  order: Uint32Array;
}

export function groupEvents(documents: readonly EventInput[], options: EventOptions = {}): FramingEvent[] {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const maxSpanDays = options.maxSpanDays ?? DEFAULT_MAX_SPAN_DAYS;
  const minSharedUndated = options.minSharedUndated ?? DEFAULT_MIN_SHARED_UNDATED;
  const labelNames = options.labelNames ?? DEFAULT_LABEL_NAMES;
  const ignored = new Set(options.ignoreNames ?? []);

  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new RangeError(`duplicate document id: ${doc.id}`);
    seen.add(doc.id);
  }

  const days = documents.map((doc) => dayNumber(doc.date));
  const names = documents.map((doc) => [...new Set(doc.names)].sort());
  const metadataKey = documents.map((doc) => doc.event?.trim() || null);

  const sets = new UnionFind(documents.length);
  // Rule 1: metadata events.
  const firstWithKey = new Map<string, number>();
  metadataKey.forEach((key, index) => {
    if (key === null) return;
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, index);
    else sets.union(first, index);
  });

  // Rules 2–3: name links among documents without metadata.
  const links = nameLinks(documents.length, days, names, metadataKey, ignored, windowDays, minSharedUndated,
    options.maxPartners ?? DEFAULT_MAX_PARTNERS);
  const spanOf = new Map<number, [number, number] | null>();
  const span = (root: number): [number, number] | null => {
    if (spanOf.has(root)) return spanOf.get(root)!;
    const day = days[root];
    return day === null ? null : [day, day];
  };
  const tryLink = (i: number, j: number) => {
    const rootI = sets.find(i);
    const rootJ = sets.find(j);
    if (rootI === rootJ) return;
    const merged = mergeSpans(span(rootI), span(rootJ));
    if (merged && merged[1] - merged[0] > maxSpanDays) return;
    spanOf.set(sets.union(rootI, rootJ), merged);
  };
  for (const k of links.order) tryLink(links.i[k], links.j[k]);
  for (const l of options.extraLinks ?? []) if (metadataKey[l.i] === null && metadataKey[l.j] === null) tryLink(l.i, l.j);

  // Chronological, undated events last; ties in input order of their first member (groups are ascending).
  return sets
    .groups()
    .map((group) => ({ group, firstDay: minOf(group.map((index) => days[index] ?? Infinity)) }))
    .sort((x, y) => (x.firstDay !== y.firstDay ? (x.firstDay < y.firstDay ? -1 : 1) : x.group[0] - y.group[0]))
    .map(({ group }) => describeEvent(group, documents, days, names, metadataKey, options.nameLabels, labelNames));
}

/** Math.min without spreading: a metadata event can hold more members than a call takes arguments. */
function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min;
}

function mergeSpans(a: [number, number] | null, b: [number, number] | null): [number, number] | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * Candidate links between name-linked documents, strongest first. An inverted index over names gives the pairs;
 * they are collected as numbers in a typed array, sorted and de-duplicated, so there is no Map entry per pair
 * (V8 caps a Map near 16.7M entries, reached at ~30k documents that all name one city).
 *
 * A name stops generating pairs where it is generic: a document with more than `maxPartners` other documents
 * naming it inside its window (either side; for an undated document: more than `maxPartners` others at all) gets
 * no link from that name alone. The name still adds to the strength of pairs linked by other names (every shared
 * name counts, as the strength rule says). This keeps the pair count linear in the corpus: at most
 * documents × names × maxPartners.
 */
function nameLinks(
  count: number,
  days: readonly (number | null)[],
  names: readonly string[][],
  metadataKey: readonly (string | null)[],
  ignored: ReadonlySet<string>,
  windowDays: number,
  minSharedUndated: number,
  maxPartners: number,
): LinkTable {
  const postings = new Map<string, number[]>();
  let linkable = 0;
  for (let index = 0; index < count; index++) {
    if (metadataKey[index] !== null) continue;
    linkable++;
    for (const name of names[index]) {
      if (ignored.has(name)) continue;
      let list = postings.get(name);
      if (!list) postings.set(name, (list = []));
      list.push(index);
    }
  }

  // The rank keeps the strength sums in the order names were first met, so equal strengths stay exactly equal.
  const weight = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const [name, list] of postings) {
    weight.set(name, Math.log(1 + linkable / list.length));
    rank.set(name, rank.size);
  }

  let keys = new Float64Array(1024);
  let length = 0;
  const addPair = (x: number, y: number) => {
    if (length === keys.length) {
      const grown = new Float64Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[length++] = x < y ? x * count + y : y * count + x;
  };
  for (const list of postings.values()) {
    const dated = list.filter((i) => days[i] !== null).sort((x, y) => days[x]! - days[y]! || x - y);
    const undated = list.filter((i) => days[i] === null);
    // Dated pairs only within the window: a sliding scan over the postings sorted by day.
    let end = 0;
    let begin = 0;
    for (let p = 0; p < dated.length; p++) {
      if (end < p + 1) end = p + 1;
      while (end < dated.length && days[dated[end]]! - days[dated[p]]! <= windowDays) end++;
      while (days[dated[p]]! - days[dated[begin]]! > windowDays) begin++;
      // Documents naming it within the window on either side: too many, and the name says nothing about an event.
      if (end - begin - 1 > maxPartners) continue;
      for (let q = p + 1; q < end; q++) addPair(dated[p], dated[q]);
    }
    // Pairs with an undated document have no time constraint (they need more shared names instead).
    if (undated.length > 0 && list.length - 1 <= maxPartners) {
      for (let u = 0; u < undated.length; u++) {
        for (const other of dated) addPair(undated[u], other);
        for (let v = u + 1; v < undated.length; v++) addPair(undated[u], undated[v]);
      }
    }
  }
  const sorted = keys.subarray(0, length).sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;

  const table = { i: new Int32Array(distinct), j: new Int32Array(distinct), strength: new Float64Array(distinct), gap: new Float64Array(distinct) };
  let n = 0;
  const shared: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const i = Math.floor(sorted[k] / count);
    const j = sorted[k] - i * count;
    shared.length = 0;
    // Both name lists are sorted: one merge pass finds the names they share.
    const a = names[i];
    const b = names[j];
    for (let x = 0, y = 0; x < a.length && y < b.length;) {
      if (a[x] === b[y]) {
        if (!ignored.has(a[x])) shared.push(a[x]);
        x++;
        y++;
      } else if (a[x] < b[y]) x++;
      else y++;
    }
    const bothDated = days[i] !== null && days[j] !== null;
    if (!bothDated && shared.length < minSharedUndated) continue;
    shared.sort((x, y) => rank.get(x)! - rank.get(y)!);
    let strength = 0;
    for (const name of shared) strength += weight.get(name)!;
    table.i[n] = i;
    table.j[n] = j;
    table.strength[n] = strength;
    table.gap[n] = bothDated ? Math.abs(days[i]! - days[j]!) : Infinity;
    n++;
  }
  const { i, j, strength, gap } = table;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  // Strongest first; ties: closer in time, then input order (NaN-free: Infinity - Infinity never compared, see gap).
  order.sort((x, y) => strength[y] - strength[x] || compareGaps(gap[x], gap[y]) || i[x] - i[y] || j[x] - j[y]);
  return { ...table, order };
}

/** Ascending day gaps, undated (Infinity) last; two undated gaps tie (Infinity - Infinity would be NaN). */
function compareGaps(a: number, b: number): number {
  return a === b ? 0 : a - b;
}

function describeEvent(
  group: number[],
  documents: readonly EventInput[],
  days: readonly (number | null)[],
  names: readonly string[][],
  metadataKey: readonly (string | null)[],
  nameLabels: ReadonlyMap<string, string> | undefined,
  labelNames: number,
): FramingEvent {
  const key = metadataKey[group[0]];
  const basis: EventBasis = key !== null ? 'metadata' : group.length > 1 ? 'places' : 'single';

  const documentsNaming = new Map<string, number>();
  for (const index of group) for (const name of names[index]) documentsNaming.set(name, (documentsNaming.get(name) ?? 0) + 1);
  const ranked = [...documentsNaming].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // In a multi-document event the label should say what the documents share, not what one of them adds.
  const sharedOnly = group.length > 1 ? ranked.filter(([, n]) => n > 1) : ranked;
  const topNames = (sharedOnly.length > 0 ? sharedOnly : ranked).slice(0, labelNames).map(([name]) => name);

  const memberIds = group.map((index) => documents[index].id);
  const id = 'ev-' + hash53Hex(key !== null ? `metadata\u0000${key}` : `members\u0000${[...memberIds].sort().join('\u0000')}`);
  const label =
    key ?? (topNames.length > 0 ? topNames.map((name) => nameLabels?.get(name) ?? name).join(' · ') : memberIds[0]);

  const dated = group.map((index) => days[index]).filter((day): day is number => day !== null);
  const dateRange: [string, string] | null =
    dated.length > 0 ? [isoDay(minOf(dated)), isoDay(-minOf(dated.map((day) => -day)))] : null;

  return {
    id,
    label,
    names: topNames,
    documents: memberIds,
    outlets: [...new Set(group.map((index) => documents[index].outlet))].sort(),
    dateRange,
    basis,
  };
}
