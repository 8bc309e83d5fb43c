/**
 * Rule C-TURN (docs/voice.md): a transcript prints each speaker's words after a label at the start of a paragraph
 * ("ZUHRI: There is no doubt …", "General Pat Ryder (00:04):"), without quotation marks. A turn is the speaker's
 * words, quoted like a colon quotation (C-COLON), with a name where a speech verb would stand.
 *
 * A paragraph-opening label is a speaker's only when the text shows it is a transcript: the label carries a time
 * stamp ("(00:04)"), or the same label opens two paragraphs or more. A one-off "BEIRUT:" or "Sanaa:" is a dateline or a
 * headline speaker (H-SPEAKER), and a kicker ("UPDATE:") is the outlet's. A label that names the outlet itself
 * ("WND:" in a WND interview) is the outlet's own question: no turn. One pass over the paragraphs: linear.
 */
import type { Span } from '../../types.js';
import type { VoiceRules } from '../../lexicon/voice-rules.js';
import { isJoiner, isWordChar, scanWords } from './words.js';
import type { SelfName } from './self.js';

/** A line that is only a time stamp: the same speaker goes on after it. */
const STAMP_LINE = /^\(\d{1,2}(?::\d{2}){1,2}\)$/;
/**
 * A label at the start of a paragraph: words without a colon or quotation mark, an optional time stamp ("(00:04)",
 * "(1:02:15)"), then the colon.
 */
const LABEL = /^([^:"“”«»()\n]{1,60}?)\s*(\(\d{1,2}(?::\d{2}){1,2}\))?\s*:/;

interface Label {
  /** The paragraph's start and end, and where the turn's words start (after the colon). */
  start: number;
  end: number;
  after: number;
  key: string;
  stamped: boolean;
}

/** Quoted spans of transcript turns in text. */
export function transcriptTurns(text: string, rules: VoiceRules, self?: readonly SelfName[]): Span[] {
  const paragraphs = paragraphsOf(text);
  const labels = new Map<number, Label>();
  const count = new Map<string, number>();
  for (let p = 0; p < paragraphs.length; p++) {
    const label = labelOf(text, paragraphs[p], rules, self);
    if (!label) continue;
    labels.set(p, label);
    count.set(label.key, (count.get(label.key) ?? 0) + 1);
  }
  const out: Span[] = [];
  if (labels.size === 0) return out;
  // The outlet's side of an interview: a label whose turn asks (ends with a question mark) is the interviewer, and a
  // label naming the outlet's own staff ("NPR's Peter Kenyon" → "KENYON:") is the outlet's correspondent.
  const asks = new Set<string>();
  for (const label of labels.values()) if (/\?["”’]?$/.test(text.slice(label.after, label.end).trim())) asks.add(label.key);
  // Looked up only once a label turns out to be a transcript's (most texts with a "BEIRUT:" have none).
  let staff: Set<string> | undefined;
  for (let p = 0; p < paragraphs.length; p++) {
    const label = labels.get(p);
    if (!label || !(label.stamped || (count.get(label.key) ?? 0) >= 2)) continue;
    if (asks.has(label.key)) continue;
    staff ??= staffNames(text, rules, self);
    if (label.key.split(' ').every((w) => (staff as Set<string>).has(w))) continue;
    const own = text.slice(label.after, label.end).trim() ? label.after : -1;
    if (own >= 0) out.push({ start: own, end: label.end });
    // The turn goes on in the paragraphs after it that have no label of their own and end like running speech (a
    // heading such as "‘Liberate’ all of Israel?" is the outlet's); a bare label ("General Pat Ryder (00:04):") opens
    // the paragraph after it. A paragraph of a new time stamp ("(00:51) In terms of …") goes on with the speaker.
    let q = p + 1;
    for (; q < paragraphs.length && !labels.has(q); q++) {
      const para = text.slice(paragraphs[q].start, paragraphs[q].end).trim();
      if (STAMP_LINE.test(para)) continue;
      if (!(own < 0 && q === p + 1) && !/[.…]["”’]?$/.test(para)) break;
      out.push(paragraphs[q]);
    }
    p = q - 1;
  }
  return out;
}

/** The text's non-empty lines. */
function paragraphsOf(text: string): Span[] {
  const paragraphs: Span[] = [];
  for (let i = 0; i < text.length;) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = text.length;
    if (text.slice(i, e).trim()) paragraphs.push({ start: i, end: e });
    i = e + 1;
  }
  return paragraphs;
}

/**
 * Names the text gives as the outlet's own staff: the capitalised words after the outlet's name with "'s" ("NPR's
 * Peter Kenyon" → peter, kenyon). Only for texts with a speaker label. The outlet's names are found by a search of the
 * text and only the few words after each are read: a word list of the whole text would be a million objects for a
 * 5 MB document.
 */
function staffNames(text: string, rules: VoiceRules, self?: readonly SelfName[]): Set<string> {
  const out = new Set<string>();
  if (!self?.length) return out;
  const owners = new Set(self.map((s) => s.squashed + "'s"));
  for (const owner of owners) {
    const stem = owner.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const find = new RegExp(`${stem}['’]s`, 'giu');
    for (let m = find.exec(text); m !== null; m = find.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!wordStartsAt(text, start) || wordGoesOn(text, end)) continue;
      if (m[0].toLowerCase().replace(/’/g, "'") !== owner) continue;
      for (const word of wordsAfter(text, end, rules.windows.labelWords)) {
        const c = text.charCodeAt(word.start);
        if (c < 65 || c > 90) break;
        out.add(word.lower);
      }
    }
  }
  return out;
}

/** Whether a word of scanWords begins at `at` (not inside a word joined by an apostrophe or hyphen). */
function wordStartsAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  if (isWordChar(before)) return false;
  return !(isJoiner(before) && at >= 2 && isWordChar(text.charCodeAt(at - 2)));
}

/** Whether the word that reaches `at` goes on past it. */
function wordGoesOn(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const next = text.charCodeAt(at);
  return isWordChar(next) || (isJoiner(next) && at + 1 < text.length && isWordChar(text.charCodeAt(at + 1)));
}

/** The first `count` words after `from`, as scanWords reads them, from a window that grows until they are whole. */
function wordsAfter(text: string, from: number, count: number): ReturnType<typeof scanWords> {
  for (let reach = 64 * count; ; reach *= 2) {
    const end = Math.min(text.length, from + reach);
    const words = scanWords(text, from, end);
    // A word that touches the window's end may go on past it; whole once the window ends the text or a later word
    // follows it.
    if (end === text.length || words.length > count) return words.slice(0, count);
  }
}

/** The speaker label that opens a paragraph, if any: capitalised words (and a time stamp) before a colon. */
function labelOf(text: string, para: Span, rules: VoiceRules, self?: readonly SelfName[]): Label | null {
  const m = LABEL.exec(text.slice(para.start, Math.min(para.end, para.start + 80)));
  if (!m) return null;
  const head = m[1].trim();
  const stamped = m[2] !== undefined;
  const words = scanWords(head, 0, head.length);
  if (words.length === 0 || words.length > rules.windows.labelWords) return null;
  for (const w of words) {
    const c = head.charCodeAt(w.start);
    if (c < 65 || c > 90) return null;
  }
  const key = words.map((w) => w.lower).join(' ');
  if (rules.words.kickers.has(key)) return null;
  if (self?.some((s) => s.words.join(' ') === key || s.squashed === key.replace(/ /g, ''))) return null;
  // The turn's words follow the colon on the same line, or, for a bare label, the next paragraph.
  let after = para.start + m[0].length;
  while (after < para.end && /\s/.test(text[after])) after++;
  return { start: para.start, end: para.end, after, key, stamped };
}


/**
 * Rule C-QA (docs/voice.md): an interview printed as questions and answers without speaker labels ("It seems that
 * Israel is ready …? What will your actions be?" ⏎ "For 22 years of occupation …"). In a text whose opening says it is
 * an interview (`interview_verbs` in its first `windows.qa_opening` paragraphs) and that has two question paragraphs or more
 * (ending in "?", no quotation mark), each paragraph after a question is the interviewee's answer, quoted, up to the
 * next question; a paragraph that opens with its own quotation mark or does not end like running speech ("Questions
 * by Dmitry Litvinovich") ends the answer. The questions are the outlet's. One pass over the paragraphs: linear.
 */
export function interviewAnswers(text: string, rules: VoiceRules): Span[] {
  const out: Span[] = [];
  if (!text.includes('?')) return out;
  const paragraphs = paragraphsOf(text);
  const trimmed = (p: Span): string => text.slice(p.start, p.end).trim();
  let interview = false;
  // Only the opening's first characters are read: a 5 MB text of one paragraph must not become a word list.
  for (let p = 0; p < paragraphs.length && p < rules.windows.qaOpening && !interview; p++) {
    const end = Math.min(paragraphs[p].end, paragraphs[p].start + rules.windows.qaOpeningChars);
    for (const w of scanWords(text, paragraphs[p].start, end)) if (rules.words.interview.has(w.lower)) interview = true;
  }
  if (!interview) return out;
  const question = (p: Span): boolean => {
    if (p.end - p.start > rules.windows.qaQuestionChars + 16) return false;
    const t = trimmed(p);
    return t.length <= rules.windows.qaQuestionChars && /\?$/.test(t) && !/["“”«»]/.test(t);
  };
  let questions = 0;
  for (let p = 1; p < paragraphs.length; p++) if (question(paragraphs[p])) questions++;
  if (questions < 2) return out;
  let answering = false;
  for (let p = 1; p < paragraphs.length; p++) {
    if (question(paragraphs[p])) {
      answering = true;
      continue;
    }
    const t = trimmed(paragraphs[p]);
    if (!answering || /^["“«]/.test(t) || !/[.…!]["”’)]?$/.test(t)) {
      answering = false;
      continue;
    }
    out.push(paragraphs[p]);
  }
  return out;
}