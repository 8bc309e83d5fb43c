/**
 * Reported speech over a text, unit by unit (docs/voice.md, family U): each sentence unit has its dateline cut off
 * (D-DATELINE), is read whole as a headline speaker (H-SPEAKER) or split at semicolons outside quotations into parts
 * (U-SEMI); a paragraph after a unit that introduces it ("The statement read:") is quoted (C-INTRO). The only state
 * carried from unit to unit is that introduction, so the cost is linear in the text.
 */
import type { Span } from '../../types.js';
import type { VoiceRules } from '../../lexicon/voice-rules.js';
import { datelineEnd } from './dateline.js';
import { attributePart, type PartResult } from './part.js';
import { headlineSource, headlineSpeaker } from './perspective.js';
import { insideAny, mergeSpans, type RuleSpan } from './spans.js';
import { capitalised, scanWords, type Reading, type Word } from './words.js';
import type { SelfName } from './self.js';
import { interviewAnswers, transcriptTurns } from './turns.js';

/** Opening marks and dashes: a paragraph that opens with one is quoted by its own marks already. */
const OPENS_QUOTED = '"\u201C\u201E\u00AB\u2018\'\u2014\u2015';

/**
 * Attributed (reported-speech) spans of a text. `units` are sentence spans already cut at paragraph breaks, in order;
 * `quoted` are the top-level quotations, sorted (cues inside them are ignored). Returns sorted, merged spans that may
 * overlap quotations (the caller gives quoted voice precedence). Colon-introduced quotations without marks are pushed
 * onto `quotedOut`. With `wanted` (sorted spans), only units that hold one are read, with the same result there.
 */
export function attributionSpans(
  text: string, units: Span[], quoted: Span[], quotedOut: Span[], wanted: Span[] | undefined, rules: VoiceRules,
  trace?: RuleSpan[], self?: readonly SelfName[],
): Span[] {
  const raw: RuleSpan[] = [];
  // C-TURN: a transcript's turns ("ZUHRI: There is no doubt …") are the speaker's words.
  const colon: RuleSpan[] = transcriptTurns(text, rules, self).map((t) => ({ ...t, rule: 'C-TURN' }));
  // C-QA: an interview's answers printed without speaker labels are the interviewee's words.
  for (const a of interviewAnswers(text, rules)) colon.push({ ...a, rule: 'C-QA' });
  let introduces: PartResult['introduces'] = false; // the previous unit ended "… said:" or "Full statement:"
  let introduced = false; // this paragraph is the one introduced
  let documentOpen = false; // a document introduced by its label goes on paragraph after paragraph
  let bullet = ''; // the list mark that opened an introduced paragraph: the list goes on with the speaker (C-INTRO)
  let colonOpen = false; // the previous unit ended inside a quotation without marks opened by a colon (C-PARA)
  let nextColon = text.indexOf(':'); // the first colon at or after the unit being read (-1: none left)
  let w = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (wanted) {
      // A unit that ends with a colon is read anyway (it may introduce the next paragraph), and so is every unit while
      // an introduction is pending: wanted units get exactly the spans a full reading gives them.
      while (w < wanted.length && wanted[w].end <= unit.start) w++;
      const holdsWanted = w < wanted.length && wanted[w].start < unit.end;
      // A unit with a colon may open a quotation that the next sentences continue (C-COLON, C-PARA): read it too.
      while (nextColon >= 0 && nextColon < unit.start) nextColon = text.indexOf(':', nextColon + 1);
      const holdsColon = nextColon >= 0 && nextColon < unit.end;
      if (!holdsWanted && !introduces && !introduced && !documentOpen && !colonOpen && !holdsColon && !endsWithColonAt(text, unit.end)) continue;
    }
    const newParagraph = u > 0 && hasLineBreak(text, units[u - 1].end, unit.start);
    // C-PARA: "The group said: We will strike. The occupiers will pay." — the paragraph goes on with the statement
    // printed without marks, sentence after sentence, until one opens with its own mark or the outlet narrates again.
    if (colonOpen && !newParagraph && !OPENS_QUOTED.includes(text[unit.start]) && !narrates(text, unit.start, unit.end, rules, true)) {
      colon.push({ start: unit.start, end: unit.end, rule: 'C-PARA' });
      continue;
    }
    colonOpen = false;
    if (newParagraph) {
      introduced = false;
      // "… said:" followed by a list ("– Israel today is undergoing a true crisis.", "– I promise you …"): every item
      // that opens with the same mark is the speaker's.
      if (bullet !== '' && listMark(text, unit.start) === bullet) introduced = true;
      else bullet = '';
      // The document ends where the outlet speaks about it again ("…, the statement added.", "according to …").
      if (documentOpen && narrates(text, unit.start, paragraphEnd(text, unit.end), rules)) documentOpen = false;
      if (documentOpen) introduced = true;
    }
    if (introduces && newParagraph && !OPENS_QUOTED.includes(text[unit.start])) {
      introduced = true;
      documentOpen = introduces === 'document';
      bullet = listMark(text, unit.start);
    }
    introduces = false;
    if (introduced) {
      colon.push({ start: unit.start, end: unit.end, rule: 'C-INTRO' });
      continue;
    }
    const result = attributeUnit(text, unit.start, unit.end, quoted, rules, raw, colon, self);
    introduces = result.introduces;
    colonOpen = result.colonOpen === true;
  }
  for (const c of colon) quotedOut.push({ start: c.start, end: c.end });
  quotedOut.sort((a, b) => a.start - b.start);
  if (trace) trace.push(...raw, ...colon);
  return mergeSpans(raw);
}

/** Marks that open the items of a list: a dash, a bullet. */
const LIST_MARKS = '-\u2013\u2014\u2022\u00b7*';

/** The list mark that opens the paragraph at `start` (spaces before it allowed), or ''. */
function listMark(text: string, start: number): string {
  let k = start;
  while (k > 0 && text[k - 1] !== '\n' && (text[k - 1] === ' ' || text[k - 1] === '\t' || LIST_MARKS.includes(text[k - 1]))) k--;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return LIST_MARKS.includes(text[k]) ? text[k] : '';
}

/** The unit's text ends with a colon (allowing a closing space or mark), as a speech tag that introduces. */
function endsWithColonAt(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x22 && c !== 0x201d) return false;
  }
  return false;
}

/**
 * Whether text[start, end) has a word that shows the outlet speaking about the document again (`narration_cues`);
 * with `pastSpeech`, also a speech verb in the past tense ("The Pentagon denied the claim.": a new speaker, told by
 * the outlet).
 */
function narrates(text: string, start: number, end: number, rules: VoiceRules, pastSpeech = false): boolean {
  for (const w of scanWords(text, start, end)) {
    if (rules.words.narrationCues.has(w.lower)) return true;
    if (pastSpeech && (w.lower.endsWith('ed') || w.lower === 'told') && (rules.words.tag.has(w.lower) || rules.words.reporting.has(w.lower))) return true;
  }
  return false;
}

/** End of the line that `from` is on (the paragraph's end for unwrapped text). */
function paragraphEnd(text: string, from: number): number {
  const e = text.indexOf('\n', from);
  return e < 0 ? text.length : e;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) return true;
  return false;
}

/** Words that may open the subject of a coordinated clause: "…, and the militia pledged …", "…, but Israel denied …". */
const SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'it', 'they', 'he', 'she', 'we', 'this', 'these']);

/**
 * U-AND: ", and" or ", but" followed by a new subject and its own speech verb within `tag_subject` words starts a
 * new speech act ("The statements stressed that the attacks were carried out in solidarity, and the militia pledged
 * to …"; "…, but the US military did not report any incident"): the forward clause before ends at the comma, and
 * the new part is read with its own cue. The subject is the outlet's naming of the next speaker.
 */
function coordinatedSpeech(text: string, words: Word[], q: number, rules: VoiceRules): boolean {
  const w = words[q];
  if (!w.commaBefore || w.semiBefore || (w.lower !== 'and' && w.lower !== 'but')) return false;
  const first = words[q + 1];
  if (!first || first.commaBefore || first.markBefore) return false;
  // A source phrase of its own opens the coordinated clause: "The ministry said that 2,800 were injured, and as per
  // Iran's state media, its ambassador was among them", "…, and according to the army, …" (session 21, batch ai): the
  // first speaker's clause ends at the comma; the source phrase is the outlet's, and "according to" reads what follows
  // it (A-FRONT).
  const second = words[q + 2]?.lower;
  if ((first.lower === 'according' && second === 'to') || (first.lower === 'as' && second === 'per')) return true;
  const v = rules.words;
  // A subject opens the clause: a determiner or pronoun, or a capitalised name ("…, but Israel denied …").
  const subject = SUBJECT_OPENERS.has(first.lower) || capitalised(text, first);
  const max = Math.min(words.length, q + 2 + rules.windows.tagSubject);
  for (let k = q + 1; k < max; k++) {
    if (k > q + 1 && (words[k].commaBefore || words[k].markBefore)) return false;
    const lk = words[k].lower;
    // The outlet's hedge ("…, but one rocket reportedly struck …") makes the clause the outlet's account of a report,
    // whatever opens its subject (voice 1.15.2).
    if (v.hedgeAdverbs.has(lk)) return true;
    // "…, but the militants appeared to rule out …": a verb of appearance after a subject of its own hedges as well
    // (`hedge_verbs`, session 23).
    if (subject && k > q + 1 && v.hedgeVerbs.has(lk)) return true;
    if (subject && k > q + 1 && (v.reporting.has(lk) || v.vow.has(lk) || v.content.has(lk) || v.tag.has(lk))) return true;
  }
  return false;
}

/**
 * A part after a semicolon that opens with the outlet's narration of what came next ("soon afterward, …",
 * "meanwhile, …": `sequence_openers` with a comma within `windows.sequence_comma` words) does not continue a clause left open (U-SEMI).
 */
function sequenceOpener(part: Reading): boolean {
  const { words } = part;
  if (!words.length || !part.rules.words.sequenceOpeners.has(words[0].lower)) return false;
  for (let k = 1; k < words.length && k <= part.rules.windows.sequenceComma; k++) if (words[k].commaBefore) return true;
  return false;
}

/**
 * One sentence unit. U-SEMI: a part without a cue of its own continues a forward clause left open by the part before
 * ("He said the attacks would go on; the occupiers must leave.").
 */
function attributeUnit(
  text: string, start: number, end: number, quoted: Span[], rules: VoiceRules, out: RuleSpan[], quotedOut: RuleSpan[],
  self: readonly SelfName[] | undefined,
): PartResult {
  const from = datelineEnd(text, start, end, rules.windows.datelineChars);
  const words = scanWords(text, from, end);
  const headline = headlineSpeaker({ text, words, quoted, rules }, end);
  if (headline > 0) {
    out.push({ start: words[headline].start, end: words[words.length - 1].end, rule: 'H-SPEAKER' });
    return { cue: true, open: false, introduces: false };
  }
  const source = headlineSource({ text, words, quoted, rules }, end);
  if (source > 0) {
    out.push({ start: words[0].start, end: words[source - 1].end, rule: 'H-SOURCE' });
    return { cue: true, open: false, introduces: false };
  }
  let open = false;
  let last: PartResult = { cue: false, open: false, introduces: false };
  let p = 0;
  while (p < words.length) {
    let q = p + 1;
    while (q < words.length && !((words[q].semiBefore || coordinatedSpeech(text, words, q, rules)) && !insideAny(quoted, words[q].start))) q++;
    const part: Reading = { text, words: words.slice(p, q), quoted, rules, self };
    const partEnd = q < words.length ? words[q].start : end;
    const sub: RuleSpan[] = [];
    last = attributePart(part, partEnd, sub, quotedOut);
    if (open && !last.cue && !sequenceOpener(part)) {
      out.push({ start: part.words[0].start, end: part.words[part.words.length - 1].end, rule: 'U-SEMI' });
      last.open = true;
    } else {
      for (const s of sub) out.push(s);
    }
    // A part that a coordinated speech act opens (U-AND) is a new speaker's, even when its verb is negated ("…, but
    // the US military did not report any incident"): it never continues the clause before it.
    open = last.open && (q >= words.length || words[q].semiBefore);
    p = q;
  }
  return last;
}
