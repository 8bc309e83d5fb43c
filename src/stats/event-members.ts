/**
 * Same events, explained and steered by the user:
 *
 * - `eventMembers` says, for every document of an event, on what basis it joined: the user's events file, the
 *   document's own `event` field, the names (places, incidents, casualty figures) it shares with the other members,
 *   or nothing (an event of its own), and where its day came from (metadata, dateline, a weekday, a full date).
 * - `parseEventOverrides` reads a YAML file that names events and fixes their members; listing documents under one
 *   event merges them, listing them under two splits them. Later runs read the same file, so a correction stays.
 *
 *     events:
 *       - name: Tower 22 drone attack
 *         documents: [iranpress-2024-01-28-tower22, antiwar-2024-01-28-tower22]
 *       - name: Harir drone, 5 January
 *         documents: [rudaw-2024-01-05-harir-suicide-drone]
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError, listProblems } from '../errors.js';
import type { EventDate } from '../text/event-date.js';
import type { FramingEvent } from './events.js';

export interface EventOverride {
  name: string;
  documents: string[];
  /** file:line of the entry. */
  where: string;
}

export interface EventMember {
  id: string;
  /** How the document joined its event: 'user' | 'metadata' | 'names' | 'single'. */
  basis: 'user' | 'metadata' | 'names' | 'similar text' | 'single';
  /** What the basis rests on, in words: the file entry, the event key, or the shared names. */
  because: string;
  /** The day used for grouping, and where it came from; null when the document has none. */
  date: EventDate | null;
}

/** Key prefix that marks an event key as coming from the user's events file (never shown to the user). */
export const USER_EVENT_PREFIX = '\u0000user:';

export function parseEventOverrides(text: string, file: string): EventOverride[] {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter });
  const problems: string[] = [];
  const line = (n: unknown) => counter.linePos((n as Node | null)?.range?.[0] ?? 0).line;
  for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`);
  const out: EventOverride[] = [];
  const root = doc.contents;
  const list = isMap(root) ? root.get('events', true) : null;
  if (!problems.length && !isSeq(list)) problems.push(`${file}:1: expected "events:" with a list of { name, documents } entries`);
  const seen = new Map<string, string>();
  if (isSeq(list)) {
    for (const item of list.items) {
      const where = `${file}:${line(item)}`;
      if (!isMap(item)) {
        problems.push(`${where}: an event needs "name" and "documents"`);
        continue;
      }
      const nameNode = item.get('name', true);
      const name = isScalar(nameNode) ? String(nameNode.value ?? '').trim() : '';
      const docs = item.get('documents', true);
      if (!name) problems.push(`${where}: the event needs a name`);
      if (!isSeq(docs) || docs.items.length === 0) {
        problems.push(`${where}: event "${name}" needs a list of document ids under "documents"`);
        continue;
      }
      const ids: string[] = [];
      for (const d of docs.items) {
        const id = isScalar(d) ? String(d.value ?? '').trim() : '';
        if (!id) {
          problems.push(`${file}:${line(d)}: an empty document id in event "${name}"`);
          continue;
        }
        const before = seen.get(id);
        if (before) problems.push(`${file}:${line(d)}: document "${id}" is already in an event at ${before}; a document belongs to one event`);
        else seen.set(id, `${file}:${line(d)}`);
        ids.push(id);
      }
      if (name) out.push({ name, documents: ids, where });
    }
  }
  if (problems.length) throw new InputError(`invalid events file ${file}:\n${listProblems(problems, (p) => `  ${p}`)}`, file);
  return out;
}

/**
 * Per event, per document: basis and day. `names` are the linking keys each document contributed (lexicon place and
 * incident ids, casualty keys); `userEvents` maps a document id to its events-file entry.
 */
export function eventMembers(
  events: readonly FramingEvent[],
  documents: Pick<ReadonlyMap<string, { event?: string; names: readonly string[]; date: EventDate | null; similar?: ReadonlyArray<{ id: string; cosine: number }> }>, 'get'>,
  userEvents: ReadonlyMap<string, EventOverride>,
): Map<string, EventMember[]> {
  const out = new Map<string, EventMember[]>();
  for (const e of events) {
    const members: EventMember[] = [];
    // Per name, how many members hold it (each member once, however often it repeats the name): what a member
    // shares with the others is then its own names' counts less itself, linear in the event's size.
    const holders = new Map<string, number>();
    if (e.documents.length > 1) {
      for (const other of e.documents) for (const n of new Set(documents.get(other)?.names ?? [])) holders.set(n, (holders.get(n) ?? 0) + 1);
    }
    const inEvent = new Set(e.documents);
    for (const id of e.documents) {
      const d = documents.get(id);
      const date = d?.date ?? null;
      const user = userEvents.get(id);
      if (user) {
        members.push({ id, basis: 'user', because: `listed under "${user.name}" in ${user.where}`, date });
        continue;
      }
      if (d?.event?.trim()) {
        members.push({ id, basis: 'metadata', because: `its event field "${d.event.trim()}"`, date });
        continue;
      }
      if (e.documents.length === 1) {
        members.push({ id, basis: 'single', because: 'no other document shares a place, incident or casualty figure with it, or reads like it, within the window', date });
        continue;
      }
      const shared: Array<[string, number]> = [];
      for (const n of new Set(d?.names ?? [])) {
        const others = (holders.get(n) ?? 1) - 1;
        if (others > 0) shared.push([n, others]);
      }
      const list = shared.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n, k]) => `${n} (with ${k})`);
      const similar = (d?.similar ?? []).filter((x) => inEvent.has(x.id)).sort((a, b) => b.cosine - a.cosine);
      if (list.length) members.push({ id, basis: 'names', because: `shares ${list.join(', ')}`, date });
      else if (similar.length) {
        members.push({ id, basis: 'similar text', because: `its opening reads like ${similar.slice(0, 3).map((x) => `${x.id} (cosine ${x.cosine.toFixed(2)})`).join(', ')}`, date });
      } else members.push({ id, basis: 'names', because: 'linked through other members', date });
    }
    out.set(e.id, members);
  }
  return out;
}
