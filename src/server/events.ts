/**
 * The report's events as the pages read them: a count, the events covered by several outlets (the Overview, the
 * Compare picker, the Events page), one event by id, and a slice in report order. A store keeps its events in chunks
 * (Store.finishRun); at 100,000 documents they are ~65,000 events, nearly all single-outlet, which as objects took
 * ~50 MB of the server's heap. Serving a store keeps only the multi-outlet events whole, plus each event's chunk, and
 * reads any other event from its chunk when a page asks for it.
 */
import type { ReportEvent } from '../report/build.js';
import type { Store } from '../store/index.js';
import { StoreError } from '../store/index.js';
import type { AppState } from './state.js';

export interface EventList {
  count: number;
  /** Events covered by two or more outlets, whole, in report order. */
  multi: readonly ReportEvent[];
  byId(id: string): ReportEvent | undefined;
  /** Events `from` (inclusive) to `to` (exclusive) in report order. */
  slice(from: number, to: number): ReportEvent[];
  /** Every event in report order, a chunk at a time (exports). */
  chunks(): Iterable<readonly ReportEvent[]>;
}

const isMulti = (e: ReportEvent) => e.outlets.length > 1;

const held = new WeakMap<readonly ReportEvent[], EventList>();

/** The events of the report being served (the store's, or the in-memory report's, which a refresh replaces). */
export function eventsOf(state: AppState): EventList {
  if (state.storedEvents) return state.storedEvents;
  const events = state.report.events;
  let list = held.get(events);
  if (!list) held.set(events, (list = memoryEvents(events)));
  return list;
}

/** Events held whole in memory (the report of an in-memory corpus, or a store that saved its events in the report). */
export function memoryEvents(events: readonly ReportEvent[]): EventList {
  let multi: ReportEvent[] | undefined;
  let byId: Map<string, ReportEvent> | undefined;
  return {
    count: events.length,
    get multi() {
      return (multi ??= events.filter(isMulti));
    },
    byId: (id) => (byId ??= new Map(events.map((e) => [e.id, e]))).get(id),
    slice: (from, to) => events.slice(from, to),
    chunks: () => [events],
  };
}

/**
 * The events of a store saved in chunks, read once at start; undefined when the store's report holds its events
 * itself. Chunks are read back on demand, the one read last kept (paging through the Events page reads each once).
 */
export function storedEvents(store: Pick<Store, 'info' | 'reportEventChunks' | 'reportEventChunk'>): EventList | undefined {
  const file = store.info().file;
  const parse = (text: string, k: number): ReportEvent[] => {
    try {
      return JSON.parse(text) as ReportEvent[];
    } catch {
      throw new StoreError(`${file}: chunk ${k} of its saved events is damaged; run "framelens analyze --db ${file} <corpus>" again`, file);
    }
  };
  const chunkTexts = store.reportEventChunks();
  if (!chunkTexts) return undefined;
  const multi: ReportEvent[] = [];
  /** Ordinal of each chunk's first event, and one past the last. */
  const starts: number[] = [0];
  const chunkOf = new Map<string, number>();
  let k = 0;
  for (const text of chunkTexts) {
    const events = parse(text, k);
    for (const e of events) {
      chunkOf.set(e.id, k);
      if (isMulti(e)) multi.push(e);
    }
    starts.push(starts[k] + events.length);
    k++;
  }
  const count = starts[starts.length - 1];
  const chunkCount = k;
  let lastRead: { k: number; events: ReportEvent[] } | undefined;
  const read = (n: number): ReportEvent[] => {
    const text = store.reportEventChunk(n);
    if (text === undefined) throw new StoreError(`${file}: chunk ${n} of its saved events is missing; run "framelens analyze --db ${file} <corpus>" again`, file);
    return parse(text, n);
  };
  const chunk = (n: number): ReportEvent[] => {
    if (lastRead?.k !== n) lastRead = { k: n, events: read(n) };
    return lastRead.events;
  };
  const multiById = new Map(multi.map((e) => [e.id, e]));
  return {
    count,
    multi,
    byId(id) {
      const whole = multiById.get(id);
      if (whole) return whole;
      const n = chunkOf.get(id);
      return n === undefined ? undefined : chunk(n).find((e) => e.id === id);
    },
    slice(from, to) {
      const out: ReportEvent[] = [];
      const end = Math.min(to, count);
      for (let n = 0; n < chunkCount && from < end; n++) {
        if (starts[n + 1] <= from) continue;
        const events = chunk(n);
        const taken = events.slice(from - starts[n], end - starts[n]);
        out.push(...taken);
        from += taken.length;
      }
      return out;
    },
    *chunks() {
      for (let n = 0; n < chunkCount; n++) yield read(n);
    },
  };
}
