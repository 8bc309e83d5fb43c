/**
 * Backward cues (docs/voice.md, family B): a trailing or parenthetical speech tag (T-TRAIL, T-INVERT) or source
 * ("…, according to X." B-ACCORDING) attributes what stands before it, and after a parenthetical one what follows, with
 * the scope rules S-FIGURE ("…, killing about 1,200 people, according to Israeli tallies": a source of figures backs
 * the figure only) and S-AFTER (what follows a tag is the outlet's continuation when it is a relative clause on the
 * source, an appositive on an inverted tag's speaker, or a participle / time adjunct: "…, officials said, marking …").
 */
import { ARTICLES, AUXILIARIES, DETERMINERS, RELATIVE } from './grammar.js';
import { insideAny } from './spans.js';
import { appositiveTag, isSpeechTag } from './tags.js';
import { capitalised, isDigitWord, MONTH_NAMES, pastForm, type Reading } from './words.js';
import { namesSelf } from './self.js';

export interface BackwardResult {
  /** words[from, before) are attributed by a backward cue; before = 0 when there is none. */
  from: number;
  before: number;
  /** The rule of the backward cue found (B-ACCORDING, T-TRAIL, T-INVERT). */
  rule: string;
}

/**
 * Reads the comma segments of words[0, limit) for backward cues. `mark(a, b)` attributes words[a, b) (clipped by the
 * caller); `colonTag` says the part ends "…, the group said:" (it introduces what follows, nothing before it).
 */
export function backwardCues(r: Reading, limit: number, colonTag: boolean, mark: (a: number, b: number, rule: string) => void): BackwardResult {
  const { words } = r;
  const v = r.rules.words;
  const n = words.length;
  let segStart = 0;
  let prevSegStart = 0;
  let prevPrevSegStart = 0;
  let before = 0;
  let from = 0;
  let rule = '';
  let firstFigure = -1;
  const bare = bareAccording(r, limit);
  const closed = closingMarkTags(r, limit);
  for (let i = 1; i <= limit; i++) {
    if (i < limit && !words[i].commaBefore && i !== bare && !closed.has(i)) continue;
    // The comma segment words[segStart, i); the first segment cannot be a trailing tag or source.
    if (segStart > 0 && !insideAny(r.quoted, words[segStart].start)) {
      // "…, according to X" and "…, as reported by X" name a source the same way.
      const according = (words[segStart].lower === 'according' && words[segStart + 1]?.lower === 'to')
        || (words[segStart].lower === 'as' && v.sourceParticiples.has(words[segStart + 1]?.lower ?? '') && words[segStart + 2]?.lower === 'by');
      let tag: string | null = according ? null : isSpeechTag(r, segStart, i);
      // T-APPOSITIVE: "…, a senior official, Osama Hamdan, said." — the speaker and its name are the two segments
      // before the verb; the tag starts with them.
      let tagStart = segStart;
      if (!according && !tag && prevSegStart > 0 && prevPrevSegStart > 0 && appositiveTag(r, prevPrevSegStart, prevSegStart, segStart, i)) {
        tag = 'T-APPOSITIVE';
        tagStart = prevPrevSegStart;
      }
      // S-SELF: "…, Tasnim reported." and "…, according to the IWN." in that outlet's own article are its narration.
      if ((according || tag) && namesSelf(r, tagStart, i, v.tag)) {
        // not a cue
      } else if (tag && i === n && colonTag) {
        // "In a statement, the group said:" introduces what follows; nothing before it is reported.
      } else if (tag && introducesQuotation(r, tagStart, i)) {
        // T-INTRO: "Speaking at a press conference, Kanaani said, “…”" — the tag introduces the quotation after it;
        // the fronted participle or prepositional phrase before it is the outlet's narration.
      } else if (according || tag) {
        before = tagStart;
        rule = tag ?? 'B-ACCORDING';
        // S-FIGURE
        // The participle segment is the figure's when the source is one of figures ("according to Israeli tallies")
        // or the segment counts ("…, damaging a hospital and injuring at least six people, according to local media").
        const figureOnly = according && prevSegStart > 0 && words[prevSegStart].lower.endsWith('ing')
          && words[prevSegStart].lower.length > 4 && (figureSource(r, segStart + 2, i) || countsIn(r, prevSegStart, segStart));
        // The first figure of the part is found once: a part with many sources stays linear.
        if (according && firstFigure < 0) firstFigure = figureStart(r, n);
        from = figureOnly ? prevSegStart : according && firstFigure < segStart ? firstFigure : 0;
        // S-AFTER: what follows a parenthetical source or tag is the claim too, unless it is a relative clause on the
        // source, an appositive on an inverted tag's speaker ("…, said Yahya Saree, a spokesman for the Houthis.") or
        // after a source ("…, according to the ministry, a formula never applied to …"), or an adjunct.
        // A source right after a relative word ("the attack in which, according to the patriarchate, an Israeli army
        // sniper shot …", "where, according to local sources, the US forces …") stands inside the relative clause: the
        // determiner after it opens that clause's subject, not an appositive on the source (session 23, batch av).
        const inRelative = according && RELATIVE.has(words[segStart - 1].lower);
        const appositive = ((according || (tag && v.tag.has(words[segStart].lower))) && i < limit
          && DETERMINERS.has(words[i].lower) && !inRelative) || (i < limit && (summativeAppositive(r, i, limit) || relativeAppositive(r, i, limit)));
        // "…, but it is not clear …": a new clause of the outlet's, so the source was a trailing one for the clause
        // before it.
        // A time phrase with its article or number ("…, a day after the strikes", "…, two weeks after …") is one.
        const counted = i + 1 < limit && (ARTICLES.has(words[i].lower) || v.numberWords.has(words[i].lower) || /^\d+$/.test(words[i].lower));
        const adjunct = i < limit && (v.afterTagAdjuncts.has(words[i].lower) || (counted && v.afterTagAdjuncts.has(words[i + 1].lower))
          || (words[i].lower.endsWith('ing') && words[i].lower.length > 4 && !v.reporting.has(words[i].lower))
          || CLAUSE_COORDINATORS.has(words[i].lower));
        if (i < limit && !RELATIVE.has(words[i].lower) && !appositive && !adjunct) {
          mark(i, limit, rule);
          // A source in the middle vouches for the predicate after it, not for how the outlet named the subject
          // before it: "The attacks by pro-Iranian paramilitaries are due, according to the group, to US support".
          if (according && !figureOnly) from = before;
        } else if (according && !figureOnly && i === limit && limit < n && !words[limit].markBefore && !words[limit].colonBefore) {
          // The same when the predicate after the source opens with a forward cue, which reads it by its own rule:
          // "Tehran’s denial, as reported by the state news agency IRNA, called the accusations baseless" (voice 1.15.1).
          from = before;
        }
        if (appositive || adjunct) break;
      }
    }
    prevPrevSegStart = prevSegStart;
    prevSegStart = segStart;
    segStart = i;
  }
  return { from, before, rule };
}

/**
 * S-AFTER: a comma segment after a tag that opens with a determiner and an ordinal or superlative ("…, a security
 * source says, the latest in almost five months of cross-border fire …", "…, officials said, the first such attack …",
 * "…, its deadliest day …") and has no auxiliary is a summative appositive: the outlet ranks the event it has just
 * reported among others. A clause the tag interrupts goes on with a verb ("…, the army said, the first units have
 * crossed …"), so an auxiliary in the segment keeps it the speaker's.
 */
export function summativeAppositive(r: Reading, i: number, limit: number): boolean {
  const { words } = r;
  if (!DETERMINERS.has(words[i].lower) || words[i].lower === 'one' || i + 1 >= limit || words[i + 1].commaBefore) return false;
  const second = words[i + 1].lower;
  const ranks = r.rules.words.rankWords.has(second) || /^[0-9]+(st|nd|rd|th)$/.test(second) || (second.length > 5 && second.endsWith('est'));
  if (!ranks) return false;
  for (let k = i + 1; k < limit && !words[k].commaBefore; k++) if (AUXILIARIES.has(words[k].lower)) return false;
  return true;
}

/**
 * S-AFTER: a comma segment after a tag that opens with "a"/"an", at most three lowercase words of a noun and a relative
 * clause on it ("…, the military said, a conclusion that could further aggravate relations between Washington and
 * Tehran", "…, a move that has been condemned …") sums up what was just reported: the outlet's comment (session 20).
 * A clause the tag interrupts has a verb of its own after the relative clause ("…, the army said, a unit that crossed
 * the border was destroyed"): an auxiliary after the relative clause's first verb group keeps it the speaker's.
 */
export function relativeAppositive(r: Reading, i: number, limit: number): boolean {
  const { words, text } = r;
  if (!ARTICLES.has(words[i].lower) || words[i].lower === 'the') return false;
  let k = i + 1;
  while (k < limit && k <= i + 3 && !words[k].commaBefore && !words[k].markBefore && !capitalised(text, words[k])
    && !AUXILIARIES.has(words[k].lower) && !RELATIVE.has(words[k].lower)) k++;
  if (k === i + 1 || k >= limit || words[k].commaBefore || (words[k].lower !== 'that' && words[k].lower !== 'which')) return false;
  // The relative clause's first verb (its auxiliaries, or a past form), then no auxiliary of a main clause.
  let m = k + 1;
  const verbish = (w: string): boolean => AUXILIARIES.has(w) || pastForm(r, w);
  while (m < limit && !words[m].commaBefore && !verbish(words[m].lower)) m++;
  if (m < limit && !words[m].commaBefore && AUXILIARIES.has(words[m].lower)) {
    while (m < limit && !words[m].commaBefore && AUXILIARIES.has(words[m].lower)) m++;
  } else m++;
  for (; m < limit && !words[m].commaBefore; m++) if (AUXILIARIES.has(words[m].lower)) return false;
  return true;
}

/**
 * T-INTRO: the tag words[a, b) is followed by a quotation, and all that stands before it is one fronted comma segment
 * opened by a participle in -ing or a preposition ("Demonstrating images …, Kanaani noted, “We hope …”",
 * "Regarding aid to Gaza, the spokesman said, “…”"): an adverbial of the speaker's act, not a claim the tag reports.
 * A noun phrase before the tag may be the subject of the quoted predicate ("The attacks, he said, “will go on.”"),
 * so it keeps its reading.
 */
function introducesQuotation(r: Reading, a: number, b: number): boolean {
  const { words } = r;
  if (b >= words.length || !insideAny(r.quoted, words[b].start) || insideAny(r.quoted, words[a - 1].start)) return false;
  for (let k = 1; k < a; k++) if (words[k].commaBefore) return false;
  const first = words[0].lower;
  return (first.endsWith('ing') && first.length > 4 && !r.rules.words.reporting.has(first)) || r.rules.words.frontedOpeners.has(first);
}


/**
 * T-TRAIL without its comma: a speech tag right after the closing mark of a quotation that ends the reported clause
 * ("Hezbollah fighters targeted “enemy artillery positions” the group said in a statement, adding …", AFP copy;
 * "… “Iranian proxies” a Pentagon official said."). Returns the indices of words[1, limit) that open such a tag: the
 * word after the closing mark, outside the quotation, with no comma before it, whose comma segment is a speech tag by
 * isSpeechTag. A clause after the mark whose say-verb has more than a short adjunct after it ("“the occupation” the group
 * said it would expel") is no tag, so nothing changes there (session 23, batch av).
 */
export function closingMarkTags(r: Reading, limit: number): Set<number> {
  const { words } = r;
  const out = new Set<number>();
  for (let i = 1; i < limit; i++) {
    const w = words[i];
    if (!w.markBefore || w.commaBefore || !insideAny(r.quoted, words[i - 1].start) || insideAny(r.quoted, w.start)) continue;
    let b = i + 1;
    while (b < limit && !words[b].commaBefore && !words[b].markBefore) b++;
    if (b < limit && !words[b].commaBefore) continue;
    if (isSpeechTag(r, i, b) !== null) out.add(i);
  }
  return out;
}

/** Words that open a coordinated clause of the outlet's after a source or tag: "…, according to X, but it is …". */
const CLAUSE_COORDINATORS = new Set(['but', 'and', 'yet', 'although', 'though', 'whereas']);

/**
 * B-ACCORDING without its comma, as many outlets print it: "The occupation forces withdrew from the base according
 * to the group." The source phrase ends the part (at most six words, opening with a determiner, a
 * possessive, a capitalised name or a plural source noun, not a plan or a rule); returns the index of "according", read as if a comma
 * stood before it, or -1.
 */
function bareAccording(r: Reading, limit: number): number {
  const { words, text } = r;
  for (let k = 2; k + 2 < limit; k++) {
    const w = words[k];
    if (w.lower !== 'according' || w.commaBefore || words[k + 1].lower !== 'to' || insideAny(r.quoted, w.start)) continue;
    let e = k + 2;
    while (e < limit && !words[e].commaBefore) e++;
    // The source ends the part: "identified as al-Saadi according to Reuters sources, was responsible for …" goes on.
    if (e < words.length || e - (k + 2) > r.rules.windows.bareSource) return -1;
    const first = words[k + 2];
    const opens = DETERMINERS.has(first.lower) || first.lower.endsWith("'s") || isUpperStart(text.charCodeAt(first.start)) ||
      r.rules.words.sourcePlurals.has(first.lower);
    for (let m = k + 2; m < e; m++) if (r.rules.words.notSources.has(words[m].lower)) return -1;
    return opens ? k : -1;
  }
  return -1;
}

function isUpperStart(code: number): boolean {
  return code >= 65 && code <= 90;
}


/**
 * S-FIGURE: a source vouches for the figure, not for how the outlet names the actors before it: "Israel's offensive
 * in Gaza has since killed more than 26,000 Palestinians, according to the Health Ministry" attributes the figure
 * phrase on ("more than 26,000 Palestinians"). Returns the first word of the first figure phrase in words[0, to), or
 * `to` when there is none (0 when it opens the sentence).
 */
function figureStart(r: Reading, to: number): number {
  const { words } = r;
  const v = r.rules.words;
  const figure = (k: number): boolean => {
    const w = words[k].lower;
    if (v.numberWords.has(w)) return isDigitWord(words[k + 1]?.lower ?? '') && !isDate(r, k + 1) && !isDuration(r, k + 1);
    return isDigitWord(w) && !isDate(r, k) && !isClockTime(r, k) && !isDuration(r, k);
  };
  let k = 0;
  // A figure whose own comma segment has a speech verb is that speaker's, not the trailing source's: "…, which Israel
  // says killed 1,200 people, and Israel's invasion of Gaza, which has killed more than 30,000 people according to
  // Gaza health officials" (session 22): the source vouches for the later figure.
  while (k < to && (!figure(k) || spokenFigure(r, k, to))) k++;
  if (k >= to) return to;
  // Back over the figure's modifiers: "more than", "at least", "about", "nearly" …
  while (k > 0 && !words[k].commaBefore && v.figureModifiers.has(words[k - 1].lower)) k--;
  return k;
}
/**
 * S-FIGURE: whether the comma segment of the figure at words[k] (within words[0, to)) holds a reporting or tag verb of
 * its own ("which Israel says killed 1,200 people"): that speaker gives the figure.
 */
function spokenFigure(r: Reading, k: number, to: number): boolean {
  const { words } = r;
  const v = r.rules.words;
  let a = k;
  while (a > 0 && !words[a].commaBefore) a--;
  for (let m = a; m < to && (m === a || !words[m].commaBefore); m++) {
    if (m !== k && (v.reporting.has(words[m].lower) || v.tag.has(words[m].lower))) return true;
  }
  return false;
}

/** Spelled-out cardinals that count ("injuring at least six people"); not "one" ("one of the …"). */
const CARDINALS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'dozens', 'hundreds', 'thousands', 'scores', 'millions', 'dozen', 'hundred', 'thousand']);

/** A clock time is no figure: "at 21:30 local time", "at 9:15". */
function isClockTime(r: Reading, k: number): boolean {
  const next = r.words[k + 1];
  const prev = r.words[k];
  return (next !== undefined && next.colonBefore && isDigitWord(next.lower) && r.text.charCodeAt(next.start - 1) === 0x3a)
    || (prev.colonBefore && k > 0 && isDigitWord(r.words[k - 1].lower) && r.text.charCodeAt(prev.start - 1) === 0x3a);
}

/**
 * A number before a time noun (`time_nouns`, singular or plural) measures time, as a date or a clock time places it:
 * "twice in under 24 hours", "within 48 hours", "for two weeks" are no figures a source vouches for (session 24, batch bb).
 */
function isDuration(r: Reading, k: number): boolean {
  const next = r.words[k + 1];
  if (next === undefined || next.commaBefore || next.markBefore) return false;
  const l = next.lower;
  return r.rules.words.timeNouns.has(l) || (l.endsWith('s') && r.rules.words.timeNouns.has(l.slice(0, -1)));
}

/** A number that is part of a date: "Oct. 7", "7 October", "2024". */
function isDate(r: Reading, k: number): boolean {
  const w = r.words[k].lower;
  if (/^(19|20)\d\d$/.test(w)) return true;
  return MONTH_NAMES.has(r.words[k - 1]?.lower ?? '') || MONTH_NAMES.has(r.words[k + 1]?.lower ?? '');
}

/** Whether words[from, to) hold a count: digits or a spelled-out cardinal ("at least six people"). */
function countsIn(r: Reading, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = r.words[k].lower;
    if ((CARDINALS.has(w) && !isDuration(r, k)) || (isDigitWord(w) && !isDate(r, k) && !isClockTime(r, k) && !isDuration(r, k))) return true;
  }
  return false;
}

/** Whether words[from, to) name a source of figures: "according to Israeli tallies". */
function figureSource(r: Reading, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (r.rules.words.figureNouns.has(r.words[k].lower)) return true;
  return false;
}
