/**
 * The words the voice rules read: a linear character scan of a sentence unit (no regexes over the text, no
 * backtracking), each word with the punctuation that stands before it. Rules look words up in the voice vocabulary
 * (lexicons/voice.yml, see docs/voice.md) by their lowercase form.
 */
import type { Span } from '../../types.js';
import type { VoiceRules } from '../../lexicon/voice-rules.js';
import type { SelfName } from './self.js';
import { AUXILIARIES } from './grammar.js';

/** Letters and digits (any script). ASCII fast path; the Unicode test only for non-ASCII characters. */
export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a word begins with a digit ("85", "2,500", "7th"). */
export function isDigitWord(w: string): boolean {
  return isDigit(w.charCodeAt(0));
}

/** Apostrophes and hyphens that join word characters into one word (Kata'ib, Gaza's, al-Shuhada, anti-terror). */
export function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010 || code === 0x2011;
}

export interface Word {
  /** Lowercase form, with curly apostrophes folded to straight ones. */
  lower: string;
  start: number;
  end: number;
  /** The characters between the previous word (or the unit start) and this word contain a comma/semicolon/colon. */
  commaBefore: boolean;
  /** A quotation mark or bracket stands between the previous word and this one. */
  markBefore: boolean;
  /** The characters between the previous word and this one contain a semicolon. */
  semiBefore: boolean;
  /** The characters between the previous word and this one contain a colon. */
  colonBefore: boolean;
}

/** What every rule reads: the text, the words of one sentence part, the quotations, the vocabulary. */
export interface Reading {
  text: string;
  /** Words of the part being read; rule indices are into this array. */
  words: Word[];
  /** Top-level quotations, sorted: cues inside them are ignored. */
  quoted: Span[];
  rules: VoiceRules;
  /** The outlet's names for itself (S-SELF, self.ts): a cue whose speaker is the outlet is its own narration. */
  self?: readonly SelfName[];
}

/**
 * A past form: an irregular past of `irregular_past` ("struck") or a word in -ed of more than four letters that is no
 * member of `not_finite_words` ("fired"; not "based", "backed").
 */
export function pastForm(r: Reading, w: string): boolean {
  const v = r.rules.words;
  return v.irregularPast.has(w) || (w.length > 4 && w.endsWith('ed') && !v.notFinite.has(w));
}

/** Words of text[start, end) in one linear pass. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  // The range is lowercased once and each word sliced from that copy where that gives every word the letters it
  // gets lowercased alone: the length is kept (only "İ" lengthens; no code point shortens) and no capital sigma
  // stands in it (the one letter whose lowercase depends on what follows it: final "ς" before a non-letter, which a
  // lone word always ends with). Otherwise each word is lowercased on its own.
  const range = text.slice(start, end);
  const rangeLower = range.toLowerCase();
  const folded = rangeLower.length === range.length && range.indexOf('\u03a3') < 0 ? rangeLower : undefined;
  let i = start;
  let comma = false;
  let mark = false;
  let semi = false;
  let colon = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 0x2c || c === 0x3b || c === 0x3a) {
        comma = true;
        if (c === 0x3b) semi = true;
        else if (c === 0x3a) colon = true;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x2e) mark = true;
      i++;
      continue;
    }
    const ws = i;
    let curly = false;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) i++;
      else if (isJoiner(d) && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) {
        if (d === 0x2019) curly = true;
        i += 2;
      } else if ((d === 0x2c || d === 0x2e) && isDigit(text.charCodeAt(i - 1)) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
        i += 2; // 1,200 and 2.5 are one word: the comma is no clause boundary
      } else break;
    }
    const lower = folded !== undefined ? folded.slice(ws - start, i - start) : text.slice(ws, i).toLowerCase();
    // "October 7, 2023": the comma of a date is no clause boundary; nor is the comma that closes the year of a date
    // inside a noun phrase ("the October 7th, 2023, Hamas attack").
    if (comma && !semi && !colon && !mark && ((isYear(lower) && datedDay(words)) || closesAttributiveDate(text, words))) comma = false;
    words.push({
      lower: curly ? lower.replace(/\u2019/g, "'") : lower,
      start: ws,
      end: i,
      commaBefore: comma,
      markBefore: mark,
      semiBefore: semi,
      colonBefore: colon,
    });
    comma = false;
    mark = false;
    semi = false;
    colon = false;
  }
  return words;
}

/** Month names and their abbreviations: a date inside an adjunct ("vowed in November 2023 to …", F-VOW). */
export const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** A year, alone or opening a compound ("2023", "2023-present"). */
function isYear(w: string): boolean {
  return (w.length === 4 || w[4] === '-') && (w.startsWith('19') || w.startsWith('20')) && isDigit(w.charCodeAt(2)) && isDigit(w.charCodeAt(3));
}

/** The last two words are a month and a day ("October 7", "October 7th"): a comma and a year after them belong to the date. */
function datedDay(words: Word[]): boolean {
  const day = words[words.length - 1];
  const month = words[words.length - 2];
  return day !== undefined && month !== undefined && isDayNumber(day.lower) && !day.commaBefore && MONTH_NAMES.has(month.lower);
}

/** A day of the month: one or two digits, with or without an ordinal ending ("7", "22", "7th", "1st", "22nd", "3rd"). */
function isDayNumber(w: string): boolean {
  const digits = w.length > 2 && /^[0-9]{1,2}(st|nd|rd|th)$/.test(w) ? w.length - 2 : w.length;
  if (digits < 1 || digits > 2) return false;
  for (let k = 0; k < digits; k++) if (!isDigit(w.charCodeAt(k))) return false;
  return true;
}

/**
 * The last words are "the" (or a possessive), a month, a day and a year whose comma was the date's: the date stands
 * inside a noun phrase ("before the October 7th, 2023, Hamas attack"), so the comma after the year closes the date,
 * not a clause. A date without the article ("On October 7, 2023, Hamas attacked") keeps that comma.
 */
function closesAttributiveDate(text: string, words: Word[]): boolean {
  const n = words.length;
  if (n < 4) return false;
  const year = words[n - 1];
  const day = words[n - 2];
  const month = words[n - 3];
  const det = words[n - 4];
  if (!isYear(year.lower) || !isDayNumber(day.lower) || !MONTH_NAMES.has(month.lower)) return false;
  if (year.commaBefore || day.commaBefore || month.commaBefore) return false;
  if (det.lower !== 'the' && !det.lower.endsWith("'s")) return false;
  // The day and the year were parted by the date's comma (read as none above), not by a space alone.
  return text.slice(day.end, year.start).includes(',');
}

function isUpper(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

export const capitalised = (text: string, w: Word): boolean => isUpper(text.charCodeAt(w.start));

/** Whether a dash (en or em dash, or a hyphen standing alone between spaces) stands between word k-1 and word k. */
export function dashBefore(text: string, words: Word[], k: number): boolean {
  if (k <= 0 || k >= words.length) return false;
  for (let c = words[k - 1].end; c < words[k].start; c++) {
    const code = text.charCodeAt(c);
    if (code === 0x2013 || code === 0x2014) return true;
    if (code === 0x2d && text.charCodeAt(c - 1) === 0x20 && text.charCodeAt(c + 1) === 0x20) return true;
  }
  return false;
}

/**
 * The word after the closing dash of a parenthetical that opens with a dash before word k ("Kataeb Hezbollah –
 * which is separate from the Lebanese Hezbollah – was behind …"): the index of "was", or -1 when no second dash
 * follows within `reach` words, or a quotation mark or a full stop comes first. Bounded by `reach`.
 */
export function afterParenthetical(text: string, words: Word[], k: number, reach: number): number {
  if (!dashBefore(text, words, k)) return -1;
  for (let m = k + 1; m < words.length && m <= k + reach; m++) {
    if (dashBefore(text, words, m)) return m;
    if (words[m].markBefore) return -1;
  }
  return -1;
}

/**
 * A short aside in round brackets that opens before word k ("said on Sunday (April 14) that"): the index of the last
 * word inside it when ")" closes within `reach` words and nothing but the brackets stands around it, else -1.
 */
export function bracketAsideEnd(text: string, words: Word[], k: number, reach: number): number {
  if (k <= 0 || k >= words.length || !/^[ ]*\($/.test(text.slice(words[k - 1].end, words[k].start))) return -1;
  for (let m = k; m < words.length - 1 && m < k + reach; m++) {
    const gap = text.slice(words[m].end, words[m + 1].start);
    if (/^\)[ ]*$/.test(gap)) return m;
    if (gap.trim() !== '') return -1;
  }
  return -1;
}

/** End of the comma segment that starts at or contains word i. */
export function segmentEnd(words: Word[], i: number): number {
  let j = i + 1;
  while (j < words.length && !words[j].commaBefore) j++;
  return j;
}

const CLOSERS = '"\'\u201D\u2019)]\t';

/**
 * Whether the part is a headline: a line of its own that ends without final punctuation (the first line of a text,
 * a subhead).
 */
export function isHeadline(r: Reading): boolean {
  const { text, words } = r;
  for (let k = words[0].start - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) break;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  // The part ends at its unit's end, and units end at line breaks: only the characters right after the last word
  // are read (a closing mark or bracket, spaces), so the test costs the same on any length of line.
  let k = words[words.length - 1].end;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || CLOSERS.includes(text[k]))) k++;
  return k >= text.length || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d;
}

/**
 * A headline in title case ("Hezbollah Says Zionist Enemy Will Pay"): a line of its own whose words of four letters
 * or more are nearly all capitalised, so capitals say nothing about where a clause starts.
 */
export function isTitleCaseHeadline(r: Reading): boolean {
  // Read once per part: a long line without final punctuation may hold many reporting verbs.
  const known = titleCaseParts.get(r.words);
  if (known !== undefined) return known;
  const result = isHeadline(r) && mostlyCapitalised(r);
  titleCaseParts.set(r.words, result);
  return result;
}
const titleCaseParts = new WeakMap<Word[], boolean>();

function mostlyCapitalised(r: Reading): boolean {
  let long = 0;
  let upper = 0;
  for (const w of r.words) {
    if (w.end - w.start < 4) continue;
    long++;
    if (capitalised(r.text, w)) upper++;
  }
  return long >= 3 && upper * 5 >= long * 4;
}

/** Negations before a verb: "not", "never", "n't", with at most one adverb or "yet" between ("has not yet accused"). */
const NEGATIONS = new Set(['not', 'never', 'neither', 'nor']);

/** Forms of "deny", the one verb of V-WITHHOLD: "deny" also withholds ("deny the people their right to …"). */
const DENY_FORMS = new Set(['deny', 'denies', 'denied', 'denying']);
/** Possessive determiners that open the second object of a withholding "deny" (a closed class). */
const SECOND_OBJECT_POSSESSIVES = new Set(['their', 'its', 'his', 'her', 'our', 'your']);

/**
 * V-WITHHOLD: "deny" with two objects withholds, it reports no words: "They deny the Palestinian people their right to
 * live on their own land", "Israel denies Gazans their right to food" (session 22, batch ak). The first object (one word
 * or more right after the verb) is followed within `windows.object` + 1 words, before any comma, quotation mark,
 * auxiliary or "that", by a possessive determiner that opens the second. "denied its involvement", "denied the claims
 * that its fighters …", "denied Hezbollah had received its weapons" still report.
 */
export function withholdingDeny(r: Reading, i: number): boolean {
  const { words } = r;
  if (!DENY_FORMS.has(words[i].lower)) return false;
  const first = words[i + 1];
  if (first === undefined || first.commaBefore || first.markBefore || first.colonBefore || first.lower === 'that') return false;
  for (let m = i + 2; m < words.length && m <= i + 2 + r.rules.windows.object; m++) {
    const w = words[m];
    if (w.commaBefore || w.markBefore || w.colonBefore || w.lower === 'that' || AUXILIARIES.has(w.lower)) return false;
    if (SECOND_OBJECT_POSSESSIVES.has(w.lower)) return true;
  }
  return false;
}

/**
 * Whether the verb at word i is negated: "has not accused", "never publicly condemned", "didn't say", "failed to
 * mention". A judgement or report not made reports nobody's words.
 */
export function negatedAt(r: Reading, i: number): boolean {
  const { words } = r;
  const neg = (k: number): boolean => k >= 0 && (NEGATIONS.has(words[k].lower) || words[k].lower.endsWith("n't"));
  const prev = words[i - 1]?.lower;
  // One adverb in -ly may stand between the negating word and the verb, as it may after "not"/"never" below: "failed to
  // publicly condemn", "without specifically blaming Hamas", "from formally condemning" (session 22, batch an).
  const at = prev !== undefined && prev.endsWith('ly') && i >= 2 && !words[i].commaBefore && !words[i - 1].commaBefore ? i - 1 : i;
  for (const k of at === i ? [i] : [i, at]) {
    if (words[k - 1]?.lower === 'to' && k >= 2 && r.rules.words.notDone.has(words[k - 2].lower)) return true;
    if (preventedAt(r, i, k)) return true;
  }
  if (negativeSubjectAt(r, i)) return true;
  return neg(i - 1) || (prev !== undefined && (prev === 'yet' || prev.endsWith('ly')) && neg(i - 2));
}

/** Words between a segment-initial negative subject and its verb that the negation does not reach past. */
const NEGATION_BARRIERS = new Set(['but', 'yet', 'although', 'though', 'while', 'whereas', 'because', 'since', 'that', 'which', 'who']);
/** Subjects that deny the act of their verb when they open its comma segment. */
const NOBODY_SUBJECTS = new Set(['nobody', 'none', 'no-one']);

/**
 * The verb at i has a negative subject that opens its comma segment, within NEGATIVE_SUBJECT_REACH words: "neither
 * Biden nor Trump would want to be seen criticising Israel", "Neither Washington nor London condemned …", "No Arab
 * state blamed …", "Nobody said that …" — the act is denied, so the verb reports nobody's words (voice 1.15.4).
 * "neither" needs its "nor" before the verb; a conjunction or relative word between ("but", "that", "which") ends the
 * negation's reach.
 */
function negativeSubjectAt(r: Reading, i: number): boolean {
  const { words } = r;
  let nor = false;
  for (let k = i - 1; k >= 0 && k >= i - NEGATIVE_SUBJECT_REACH; k--) {
    const w = words[k].lower;
    if (NEGATION_BARRIERS.has(w)) return false;
    if (w === 'nor') nor = true;
    const opens = k === 0 || words[k].commaBefore || words[k].markBefore;
    if (!opens) continue;
    if (w === 'neither') return nor;
    if (NOBODY_SUBJECTS.has(w)) return true;
    return w === 'no' && k + 1 < i && !words[k + 1].commaBefore;
  }
  return false;
}
/** Words a segment-initial negative subject may stand before its verb. */
const NEGATIVE_SUBJECT_REACH = 14;

/**
 * A gerund whose act a preventing verb keeps from happening: "worked to prevent the UN from condemning Israel",
 * "refrained from blaming", "stopped the council from condemning"; also "without condemning", "stopped short of
 * condemning" (voice 1.15.3). The preventing verb (`prevent_verbs`) stands before "from" with at most `object` words
 * of its object between and no comma. `at` is the word the preventing words stand before: the gerund, or an adverb in
 * -ly right before it (see negatedAt).
 */
function preventedAt(r: Reading, i: number, at: number = i): boolean {
  const { words } = r;
  const w = words[i].lower;
  if (!w.endsWith('ing') || at < 1 || words[at].commaBefore) return false;
  const prev = words[at - 1].lower;
  if (prev === 'without') return true;
  if (prev === 'of' && at >= 2 && words[at - 2].lower === 'short' && !words[at - 1].commaBefore) return true;
  if (prev !== 'from') return false;
  for (let k = at - 2; k >= 0 && k >= at - 2 - r.rules.windows.object; k--) {
    if (r.rules.words.prevent.has(words[k].lower)) return true;
    if (words[k + 1].commaBefore || words[k + 1].markBefore) return false;
  }
  return false;
}

/** Words after which a participle is a verb or a passive, not an adjective ("the ministry reported by …"). */
const NOT_A_NOUN_AFTER = new Set(['that', 'to', 'by', 'on', 'in', 'at', 'as', 'from', 'with', 'for', 'and', 'or', 'the', 'a', 'an', 'it', 'they', 'he', 'she', 'we', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);

/**
 * V-ATTRIBUTE: whether the reporting verb at i is a participle in -ed used as an adjective: right after a determiner
 * (voice.yml `attributive_determiners`; `attributive_quantifiers` and numbers only before a lowercase word), or after
 * one and an `order_adjectives` word, and right before a word that can head the noun phrase, with no comma, quotation
 * mark or colon between: "the latest reported incident", "several reported drone attacks", "two confirmed strikes". A
 * constant number of words.
 */
export function attributiveParticiple(r: Reading, i: number): boolean {
  const { words, text } = r;
  const w = words[i].lower;
  if (!/ed$/.test(w) || i === 0 || i + 1 >= words.length) return false;
  const next = words[i + 1];
  if (next.commaBefore || next.markBefore || next.colonBefore || words[i].commaBefore || words[i].markBefore) return false;
  if (NOT_A_NOUN_AFTER.has(next.lower) || AUXILIARIES.has(next.lower)) return false;
  const v = r.rules.words;
  const lowerNext = !capitalised(text, next);
  const opener = (x: string): boolean => v.attributiveDeterminers.has(x) || (lowerNext && (v.attributiveQuantifiers.has(x) || isDigitWord(x)));
  const p1 = words[i - 1];
  if (opener(p1.lower)) return true;
  if (i < 2 || p1.commaBefore || p1.markBefore || !v.orderAdjectives.has(p1.lower)) return false;
  return opener(words[i - 2].lower);
}
