/**
 * Rule S-SELF (docs/voice.md): an outlet that cites itself speaks in its own voice. "DAILY POST reports that …",
 * "According to analysis made by the IWN, …", "…, Tasnim reported." inside that outlet's own article are the
 * outlet's narration, not reported speech: the cue is not an attribution.
 *
 * The outlet's names come from the document's outlet (its metadata, "Daily Post (Nigeria)", "IWN (Islamic World
 * News)") and from the agency of a dateline in the text ("TEHRAN (Tasnim) –"): a dateline names the outlet that
 * filed the story, so a republished wire copy cites its wire as itself too.
 */
import type { Span } from '../../types.js';
import { defaultVoiceRules, type VoiceRules } from '../../lexicon/voice-rules.js';
import { scanWords, type Reading } from './words.js';

/** One way the outlet names itself: its words (as scanWords folds them) and the same letters without spaces. */
export interface SelfName {
  words: string[];
  squashed: string;
}

/**
 * The outlet's self-names from its metadata name and the dateline agencies of the text. A one-word name in brackets
 * ("Daily Post (Nigeria)") is a place, not a name, unless it is an acronym. `rules`: the voice rules whose
 * `edition_words` a name may drop (default: the bundled ones).
 */
export function selfNamesOf(outlet: string | undefined, text: string, datelines: Span[], rules: VoiceRules = defaultVoiceRules()): SelfName[] {
  const editions = rules.words.editionWords;
  const fromOutlet = outlet ? outletNames(outlet, editions, rules) : [];
  const raw: string[] = [];
  for (const d of datelines) {
    if (text.charCodeAt(d.end - 1) !== 0x29) continue;
    const m = /\(([^)]{2,40})\)\s*$/.exec(text.slice(d.start, d.end));
    if (m) raw.push(m[1].trim());
  }
  return raw.length === 0 ? fromOutlet : [...fromOutlet, ...namesOf(raw, editions).filter((n) => !fromOutlet.some((o) => o.squashed === n.squashed))];
}

/**
 * An outlet's names from its metadata, computed once per outlet and set of edition words (documents of one outlet
 * share them; a process may analyze with other voice rules).
 */
const outletCaches = new WeakMap<ReadonlySet<string>, Map<string, SelfName[]>>();
function outletNames(outlet: string, editions: ReadonlySet<string>, rules: VoiceRules): SelfName[] {
  let outletCache = outletCaches.get(editions);
  if (!outletCache) outletCaches.set(editions, (outletCache = new Map()));
  let names = outletCache.get(outlet);
  if (names) return names;
  const raw: string[] = [];
  const inner = [...outlet.matchAll(/\(([^)]*)\)/g)].map((m) => m[1].trim());
  // "DW (Deutsche Welle; …), a live blog": words after a comma right after the last bracket describe the copy, not the
  // outlet's name (batch ag, dev).
  const close = outlet.lastIndexOf(')');
  const named = close >= 0 && /^\s*,/.test(outlet.slice(close + 1)) ? outlet.slice(0, close + 1) : outlet;
  const main = named.replace(/\([^)]*\)/g, ' ').trim();
  if (main) raw.push(main);
  for (const i of inner) if (/\s/.test(i) || isAcronym(i)) raw.push(i);
  // A government body's statements speak for its state ("US Department of State": "The United States condemns …"):
  // the state's names are the outlet's too (`government_bodies`, `government_self_names`; session 20).
  if (governmentBody(main, rules)) raw.push(...rules.words.governmentSelfNames);
  names = namesOf(raw, editions);
  // Bounded: a corpus of many outlets keeps the most recent ones.
  if (outletCache.size >= 1024) outletCache.clear();
  outletCache.set(outlet, names);
  return names;
}

function namesOf(raw: string[], editions: ReadonlySet<string>): SelfName[] {
  const out: SelfName[] = [];
  const seen = new Set<string>();
  const add = (words: string[]): void => {
    while (words.length > 1 && words[0] === 'the') words = words.slice(1);
    const squashed = words.join('').replace(/[^\p{L}\p{N}]/gu, '');
    if (squashed.length < 2 || seen.has(words.join(' '))) return;
    seen.add(words.join(' '));
    out.push({ words, squashed });
  };
  for (const r of raw) {
    const words = scanWords(r, 0, r.length).map((w) => w.lower);
    if (words.length === 0) continue;
    add(words);
    // "NNN-NINA": each agency of a joint credit names the outlet. Only a credit in capitals: a lowercase hyphenated
    // name is a file or site name ("islamicinvitation-2022-hezbollah-ariel"), whose parts name others.
    if (words.length === 1 && words[0].includes('-') && r === r.toUpperCase()) for (const part of words[0].split('-')) if (part.length >= 3) add([part]);
    let k = words.length;
    while (k > 1 && editions.has(words[k - 1])) k--;
    if (k < words.length) add(words.slice(0, k));
  }
  return out;
}

/**
 * Whether an outlet's name (without its brackets) names a government body of a state of `government_self_names`: a
 * term of `government_bodies` and a term of `government_self_names` among its words ("U.S." is read as "us").
 */
function governmentBody(name: string, rules: VoiceRules): boolean {
  const bodies = rules.words.governmentBodies;
  const states = rules.words.governmentSelfNames;
  if (bodies.size === 0 || states.size === 0) return false;
  const words = scanWords(name, 0, name.length).map((w) => w.lower);
  const terms = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    terms.add(words[k]);
    if (k + 1 < words.length) terms.add(`${words[k]} ${words[k + 1]}`);
    // "U.S." is scanned as "u" and "s".
    if (k + 1 < words.length && words[k].length === 1 && words[k + 1].length === 1) terms.add(words[k] + words[k + 1]);
  }
  let body = false;
  let state = false;
  for (const t of terms) {
    if (bodies.has(t)) body = true;
    if (states.has(t)) state = true;
  }
  return body && state;
}

function isAcronym(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 8 && letters === letters.toUpperCase();
}

/** Role words of an outlet's staff after which the person's name may follow (`namesSelf`). */
const STAFF_ROLES: ReadonlySet<string> = new Set(['correspondent', 'correspondents', 'reporter', 'reporters']);

/**
 * Whether words[from, to) name only the outlet itself (its name, with the fillers of a self-citation around it):
 * then the speech cue those words go with is the outlet's own narration. Bounded by the window's length.
 */
export function namesSelf(r: Reading, from: number, to: number, skip?: ReadonlySet<string>): boolean {
  const self = r.self;
  const fillers = r.rules.words.selfFillers;
  if (to - from > 12 || to <= from) return false;
  // "Our analysis reveals that …", "according to our correspondent": the outlet's first person plural and the fillers
  // of a self-citation name the outlet too, whatever its name (voice 1.15.2).
  let our = false;
  let k = from;
  for (; k < to; k++) {
    const w = r.words[k].lower;
    if (w === 'our') our = true;
    else if (!fillers.has(w) && !skip?.has(w)) break;
  }
  if (our && k === to && r.words[to - 1].lower !== 'our') return true;
  if (!self || self.length === 0) return false;
  // Most speakers are not the outlet: a cheap first test on the squashed letters of the first name's first word.
  let hasStart = false;
  for (let k = from; k < to && !hasStart; k++) {
    const w = r.words[k].lower;
    const key = /[^a-z0-9]/.test(w) ? (w.endsWith("'s") ? w.slice(0, -2) : w).replace(/[^\p{L}\p{N}]/gu, '') : w;
    if (key.length === 0 || fillers.has(key)) continue;
    for (const s of self) if (s.squashed.startsWith(key)) { hasStart = true; break; }
  }
  if (!hasStart) return false;
  const kept: string[] = [];
  // "…, DW Correspondent Aya Ibrahim said": a staff member's capitalised name after the role word is the outlet's own
  // staff, as the role word alone is (batch ag, dev); at most three words of the name.
  let staffName = 0;
  for (let k = from; k < to; k++) {
    const w = r.words[k].lower;
    if (skip?.has(w)) continue;
    if (staffName > 0 && /^\p{Lu}/u.test(r.text[r.words[k].start]) && /^[\p{L}.'\u2019-]+$/u.test(w)) { staffName--; continue; }
    staffName = STAFF_ROLES.has(w) ? 3 : 0;
    // "The United States unequivocally condemns …": a lowercase adverb in -ly right before the verb (session 20).
    if (k === to - 1 && k > from && w.length > 4 && w.endsWith('ly') && /^[a-z]+$/.test(w) && /[a-z]/.test(r.text[r.words[k].start])) continue;
    // "Al Mayadeen's" → "al mayadeen" and the possessive.
    if (w.endsWith("'s") && w.length > 2) kept.push(w.slice(0, -2));
    else if (!fillers.has(w)) kept.push(w);
  }
  if (kept.length === 0) return false;
  const squashed = kept.join('').replace(/[^\p{L}\p{N}]/gu, '');
  return self.some((s) => s.squashed === squashed);
}
