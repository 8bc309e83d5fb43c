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
import { grownTo } from '../text/typed-arrays.js';

export interface EventInput {
  id: string;
  outlet: string;
  date?: string;
  /** Event key from the document's metadata, when the source supplies one. */
  event?: string;
  /** Ids of the place and incident names found in the document. */
  names: Iterable<string>;
}

/**
 * The documents to group, read by position (0..length−1) as often as needed: a report builder's columns, or a list
 * (`eventSourceOf`). Nothing is asked of it that must be held for every document at once as objects.
 */
export interface EventSource {
  readonly length: number;
  id(k: number): string;
  outlet(k: number): string;
  /** ISO date (its day counts), when known. */
  date(k: number): string | undefined;
  /** Event key from the document's metadata, when the source supplies one. */
  event(k: number): string | undefined;
  /** Place and incident name ids (repeats allowed). */
  names(k: number): Iterable<string>;
}

/** A list of inputs as an EventSource. */
export function eventSourceOf(documents: readonly EventInput[]): EventSource {
  return {
    length: documents.length,
    id: (k) => documents[k].id,
    outlet: (k) => documents[k].outlet,
    date: (k) => documents[k].date,
    event: (k) => documents[k].event,
    names: (k) => documents[k].names,
  };
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
  extraLinks?: ReadonlyArray<{ i: number; j: number; strength: number }> | LinkColumns;
}

export const DEFAULT_WINDOW_DAYS = 3;
export const DEFAULT_MAX_SPAN_DAYS = 7;
export const DEFAULT_MIN_SHARED_UNDATED = 2;
export const DEFAULT_LABEL_NAMES = 3;
export const DEFAULT_MAX_PARTNERS = 128;

/** Links as columns, in the order they are to be tried (event-similarity.ts gives its links so). */
export interface LinkColumns {
  readonly length: number;
  readonly i: ArrayLike<number>;
  readonly j: ArrayLike<number>;
  readonly strength: ArrayLike<number>;
}

/**
 * Events as their members' positions, in report order: event e's members are `members[starts[e]]` up to
 * `members[starts[e + 1]]`, ascending. Four bytes per document and per event; an event is described
 * (`describeEvent`) when it is read. Held described, the events were ~345 B per document at 200k documents.
 */
export interface EventGroups {
  readonly count: number;
  readonly starts: Int32Array;
  readonly members: Int32Array;
}

/**
 * Every document's distinct names as numbers in one pooled column, each document's run ascending. Names are numbered
 * in string order, so number order is the order of `[...new Set(names)].sort()`, and a pair's shared names come out
 * of one merge pass as they did from the sorted strings.
 */
interface NameRuns {
  /** Name text by number. */
  text: string[];
  /** Document k's names are ids[start[k]] up to ids[start[k + 1]]. */
  start: Int32Array;
  ids: Int32Array;
}

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
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new RangeError(`duplicate document id: ${doc.id}`);
    seen.add(doc.id);
  }
  const source = eventSourceOf(documents);
  const groups = groupEventPositions(source, options);
  return Array.from({ length: groups.count }, (_, e) => describeEvent(groups, e, source, options));
}

/**
 * `groupEvents` over a source read by position, giving the events as member positions (no described event is held):
 * the same events in the same order. Ids must be distinct (the caller's to check: a report builder refuses repeats
 * as documents arrive). What it holds at once is a few typed arrays with an entry per document, per name of a
 * document and per candidate link, and a string per distinct name.
 */
export function groupEventPositions(source: EventSource, options: EventOptions = {}): EventGroups {
  const n = source.length;
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const maxSpanDays = options.maxSpanDays ?? DEFAULT_MAX_SPAN_DAYS;
  const minSharedUndated = options.minSharedUndated ?? DEFAULT_MIN_SHARED_UNDATED;

  // Days as numbers, NaN where a document has none; `keyed`: the document has a metadata event.
  const days = new Float64Array(n);
  const keyed = new Uint8Array(n);
  const sets = new UnionFind(n);
  // Rule 1: metadata events.
  const firstWithKey = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const day = dayNumber(source.date(k));
    days[k] = day === null ? NaN : day;
    const key = source.event(k)?.trim();
    if (!key) continue;
    keyed[k] = 1;
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, k);
    else sets.union(first, k);
  }
  firstWithKey.clear();

  const names = nameRuns(source);
  const ignored = new Uint8Array(names.text.length);
  if (options.ignoreNames) {
    const ignore = new Set(options.ignoreNames);
    names.text.forEach((name, id) => (ignored[id] = ignore.has(name) ? 1 : 0));
  }

  // Rules 2–3: name links among documents without metadata. A root's span is its set's first and last day (NaN:
  // no dated member); only sets made here are ever asked for theirs (metadata documents never link).
  const links = nameLinks(n, days, names, keyed, ignored, windowDays, minSharedUndated, options.maxPartners ?? DEFAULT_MAX_PARTNERS);
  const first = Float64Array.from(days);
  const last = Float64Array.from(days);
  const tryLink = (i: number, j: number) => {
    const rootI = sets.find(i);
    const rootJ = sets.find(j);
    if (rootI === rootJ) return;
    let lo = first[rootI];
    let hi = last[rootI];
    if (Number.isNaN(lo)) {
      lo = first[rootJ];
      hi = last[rootJ];
    } else if (!Number.isNaN(first[rootJ])) {
      lo = Math.min(lo, first[rootJ]);
      hi = Math.max(hi, last[rootJ]);
    }
    if (hi - lo > maxSpanDays) return;
    const root = sets.union(rootI, rootJ);
    first[root] = lo;
    last[root] = hi;
  };
  for (const k of links.order) tryLink(links.i[k], links.j[k]);
  const extra = options.extraLinks;
  if (extra) {
    const list = Array.isArray(extra) ? (extra as ReadonlyArray<{ i: number; j: number }>) : null;
    const columns = extra as LinkColumns;
    for (let x = 0; x < extra.length; x++) {
      const i = list ? list[x].i : columns.i[x];
      const j = list ? list[x].j : columns.j[x];
      if (!keyed[i] && !keyed[j]) tryLink(i, j);
    }
  }
  return ordered(sets, days);
}

/**
 * The sets as events: chronological by their first dated member, undated events last; ties in input order of their
 * first member. Each event's members ascending.
 */
function ordered(sets: UnionFind, days: Float64Array): EventGroups {
  const n = days.length;
  const groupOfRoot = new Int32Array(n).fill(-1);
  const groupOf = new Int32Array(n);
  const firstDay = new Float64Array(n).fill(Infinity);
  const size = new Int32Array(n);
  let count = 0;
  // Groups are numbered by their first member, the order of the tie-break.
  for (let k = 0; k < n; k++) {
    const root = sets.find(k);
    let g = groupOfRoot[root];
    if (g < 0) g = groupOfRoot[root] = count++;
    groupOf[k] = g;
    size[g]++;
    if (days[k] < firstDay[g]) firstDay[g] = days[k];
  }
  const order = new Uint32Array(count);
  for (let g = 0; g < count; g++) order[g] = g;
  order.sort((x, y) => (firstDay[x] !== firstDay[y] ? (firstDay[x] < firstDay[y] ? -1 : 1) : x - y));
  const place = new Int32Array(count);
  for (let e = 0; e < count; e++) place[order[e]] = e;
  const starts = new Int32Array(count + 1);
  for (let g = 0; g < count; g++) starts[place[g] + 1] = size[g];
  for (let e = 0; e < count; e++) starts[e + 1] += starts[e];
  const fill = starts.slice(0, count);
  const members = new Int32Array(n);
  for (let k = 0; k < n; k++) members[fill[place[groupOf[k]]]++] = k;
  return { count, starts, members };
}

/** Every document's distinct names, numbered in string order (see NameRuns). */
function nameRuns(source: EventSource): NameRuns {
  const n = source.length;
  const number = new Map<string, number>();
  const start = new Int32Array(n + 1);
  let ids = new Int32Array(1024);
  let used = 0;
  for (let k = 0; k < n; k++) {
    start[k] = used;
    for (const name of source.names(k)) {
      let id = number.get(name);
      if (id === undefined) number.set(name, (id = number.size));
      if (used === ids.length) ids = grownTo(ids, used * 2);
      ids[used++] = id;
    }
  }
  start[n] = used;
  const text = [...number.keys()].sort();
  const renumber = new Int32Array(text.length);
  text.forEach((name, id) => (renumber[number.get(name)!] = id));
  number.clear();
  // Renumbered, each run sorted and its repeats dropped, the runs moved together (a run only shrinks).
  let to = 0;
  for (let k = 0; k < n; k++) {
    const from = start[k];
    const end = start[k + 1];
    for (let x = from; x < end; x++) ids[x] = renumber[ids[x]];
    ids.subarray(from, end).sort();
    start[k] = to;
    for (let x = from; x < end; x++) if (x === from || ids[x] !== ids[x - 1]) ids[to++] = ids[x];
  }
  start[n] = to;
  return { text, start, ids: ids.slice(0, to) };
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
  days: Float64Array,
  names: NameRuns,
  keyed: Uint8Array,
  ignored: Uint8Array,
  windowDays: number,
  minSharedUndated: number,
  maxPartners: number,
): LinkTable {
  const { start, ids } = names;
  const nameCount = names.text.length;
  // Postings of each name over the documents without metadata, in input order; a name's rank is the order it was
  // first met (documents in order, each one's names in string order): strength sums add names in rank order, so
  // that equal strengths stay exactly equal.
  const listStart = new Int32Array(nameCount + 1);
  const rank = new Int32Array(nameCount).fill(-1);
  let ranked = 0;
  let linkable = 0;
  for (let index = 0; index < count; index++) {
    if (keyed[index]) continue;
    linkable++;
    for (let x = start[index]; x < start[index + 1]; x++) {
      const name = ids[x];
      if (ignored[name]) continue;
      listStart[name + 1]++;
      if (rank[name] < 0) rank[name] = ranked++;
    }
  }
  const weight = new Float64Array(nameCount);
  for (let name = 0; name < nameCount; name++) {
    if (listStart[name + 1] > 0) weight[name] = Math.log(1 + linkable / listStart[name + 1]);
    listStart[name + 1] += listStart[name];
  }
  const fill = listStart.slice(0, nameCount);
  const listed = new Int32Array(listStart[nameCount]);
  for (let index = 0; index < count; index++) {
    if (keyed[index]) continue;
    for (let x = start[index]; x < start[index + 1]; x++) if (!ignored[ids[x]]) listed[fill[ids[x]]++] = index;
  }

  let keys = new Float64Array(1024);
  let length = 0;
  const addPair = (x: number, y: number) => {
    if (length === keys.length) keys = grownTo(keys, keys.length * 2);
    keys[length++] = x < y ? x * count + y : y * count + x;
  };
  for (let name = 0; name < nameCount; name++) {
    const list = listed.subarray(listStart[name], listStart[name + 1]);
    if (list.length === 0) continue;
    const dated = Array.from(list).filter((i) => !Number.isNaN(days[i])).sort((x, y) => days[x] - days[y] || x - y);
    const undated = Array.from(list).filter((i) => Number.isNaN(days[i]));
    // Dated pairs only within the window: a sliding scan over the postings sorted by day.
    let end = 0;
    let begin = 0;
    for (let p = 0; p < dated.length; p++) {
      if (end < p + 1) end = p + 1;
      while (end < dated.length && days[dated[end]] - days[dated[p]] <= windowDays) end++;
      while (days[dated[p]] - days[dated[begin]] > windowDays) begin++;
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
  const shared: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const i = Math.floor(sorted[k] / count);
    const j = sorted[k] - i * count;
    shared.length = 0;
    // Both runs are ascending: one merge pass finds the names they share.
    for (let x = start[i], y = start[j]; x < start[i + 1] && y < start[j + 1];) {
      if (ids[x] === ids[y]) {
        if (!ignored[ids[x]]) shared.push(ids[x]);
        x++;
        y++;
      } else if (ids[x] < ids[y]) x++;
      else y++;
    }
    const bothDated = !Number.isNaN(days[i]) && !Number.isNaN(days[j]);
    if (!bothDated && shared.length < minSharedUndated) continue;
    shared.sort((x, y) => rank[x] - rank[y]);
    let strength = 0;
    for (const name of shared) strength += weight[name];
    table.i[n] = i;
    table.j[n] = j;
    table.strength[n] = strength;
    table.gap[n] = bothDated ? Math.abs(days[i] - days[j]) : Infinity;
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

/** Math.min without spreading: a metadata event can hold more members than a call takes arguments. */
function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min;
}

/** Event e of `groups` as the report lists it, made from the source now (each call makes it anew). */
export function describeEvent(
  groups: EventGroups, e: number, source: EventSource, options: Pick<EventOptions, 'nameLabels' | 'labelNames'> = {},
): FramingEvent {
  const labelNames = options.labelNames ?? DEFAULT_LABEL_NAMES;
  const group = groups.members.subarray(groups.starts[e], groups.starts[e + 1]);
  const key = source.event(group[0])?.trim() || null;
  const basis: EventBasis = key !== null ? 'metadata' : group.length > 1 ? 'places' : 'single';

  const documentsNaming = new Map<string, number>();
  for (const index of group) for (const name of new Set(source.names(index))) documentsNaming.set(name, (documentsNaming.get(name) ?? 0) + 1);
  const ranked = [...documentsNaming].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // In a multi-document event the label should say what the documents share, not what one of them adds.
  const sharedOnly = group.length > 1 ? ranked.filter(([, n]) => n > 1) : ranked;
  const topNames = (sharedOnly.length > 0 ? sharedOnly : ranked).slice(0, labelNames).map(([name]) => name);

  const memberIds = Array.from(group, (index) => source.id(index));
  const id = 'ev-' + hash53Hex(key !== null ? `metadata\u0000${key}` : `members\u0000${[...memberIds].sort().join('\u0000')}`);
  const label =
    key ?? (topNames.length > 0 ? topNames.map((name) => options.nameLabels?.get(name) ?? name).join(' · ') : memberIds[0]);

  const dated: number[] = [];
  for (const index of group) {
    const day = dayNumber(source.date(index));
    if (day !== null) dated.push(day);
  }
  const dateRange: [string, string] | null =
    dated.length > 0 ? [isoDay(minOf(dated)), isoDay(-minOf(dated.map((day) => -day)))] : null;

  return {
    id,
    label,
    names: topNames,
    documents: memberIds,
    outlets: [...new Set(Array.from(group, (index) => source.outlet(index)))].sort(),
    dateRange,
    basis,
  };
}
