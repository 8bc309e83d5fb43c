/**
 * Attribution of one part of a sentence unit (a sentence, or a stretch between semicolons): the forward cue, the
 * backward cues before it, and the scope rules that cut what they mark (docs/voice.md: S-DESPITE, S-SOURCE,
 * C-INTRO, P-PERSPECTIVE). Word indices are part-relative.
 */
import { backwardCues, closingMarkTags, relativeAppositive, summativeAppositive } from './backward.js';
import { forwardCueAt, type ForwardCue } from './forward.js';
import { mainClauseAfter } from './that-clause.js';
import { finiteClauseAt } from './intent.js';
import { ARTICLES, AUXILIARIES, DETERMINERS, RELATIVE, SOURCE_RELATIVES } from './grammar.js';
import { perspectiveClause } from './perspective.js';
import { insideAny, type RuleSpan } from './spans.js';
import { FRONTED_CLAUSE, appositiveTag, inSpeechTag, isSpeechTag } from './tags.js';
import { capitalised, isDigitWord, MONTH_NAMES, pastForm, segmentEnd, type Reading } from './words.js';
import { namesSelf } from './self.js';

/** Relative words that open a non-restrictive clause after a comma. */
const NON_RESTRICTIVE = new Set(['which', 'who', 'whose', 'whom']);

/** What one part left open for what follows. */
export interface PartResult {
  /** Some cue was found in the part. */
  cue: boolean;
  /** Reported speech runs to the end of the part (a forward clause), so a cue-less next part continues it. */
  open: boolean;
  /**
   * The part ends with a colon that introduces what follows (C-INTRO): after a speech verb ('tag': the next paragraph),
   * or after a document label ('document': the document's paragraphs, until the outlet's narration resumes).
   */
  introduces: false | 'tag' | 'document';
  /**
   * A quotation without marks introduced by a colon ("The group said: We will …", C-COLON) runs to the end of the
   * part: the next sentences of the paragraph go on with it (C-PARA).
   */
  colonOpen?: boolean;
}

/** Attributes one part: pushes attributed ranges onto out and unmarked colon quotations onto quotedOut. */
export function attributePart(r: Reading, partEnd: number, out: RuleSpan[], quotedOut: RuleSpan[]): PartResult {
  const { words, text } = r;
  const v = r.rules.words;
  const n = words.length;
  const result: PartResult = { cue: false, open: false, introduces: false };
  if (n === 0) return result;
  const tail = text.slice(words[n - 1].end, partEnd).trim();
  const endsWithColon = tail.startsWith(':') && tail.length <= 2;
  if (endsWithColon) {
    result.introduces = introducesNext(r);
    result.cue = result.introduces !== false;
    // C-INTRO: "Nasrallah said during his address via video link … at the UNESCO Palace in Beirut:" — the verb's
    // adjunct is the outlet's narration of the occasion, and the speaker's words follow in the next paragraph.
    if (result.introduces === false && tagThenAdjunct(r)) {
      result.introduces = 'tag';
      result.cue = true;
      return result;
    }
  }
  if (n < 2) return result;
  const label = documentLabel(r);
  if (label > 0) {
    // C-COLON: "Statement translation: We will …" — the document's words, printed without marks.
    quotedOut.push({ start: words[label].start, end: words[n - 1].end, rule: 'C-COLON' });
    result.cue = true;
    result.colonOpen = true;
    return result;
  }
  const inserts = speakerInserts(r);
  const mark = (a: number, b: number, rule: string): void => {
    // S-INSERT: "a strike that Israel said wounded five soldiers" — the outlet names a second speaker inside the
    // reported words; that relative, its speaker and verb stay author voice.
    for (const [x, y] of inserts) {
      if (x <= a || x >= b) continue;
      markRange(a, x, rule);
      a = y;
    }
    markRange(a, b, rule);
  };
  const markRange = (a: number, b: number, rule: string): void => {
    if (a >= b) return;
    // A quotation right after the cue ("describing the base as 'an occupation base'") sits inside the reported
    // speech: the span starts right after the previous word so the mark is covered.
    const start = words[a].markBefore && a > 0 ? words[a - 1].end : words[a].start;
    out.push({ start: Math.min(start, words[a].start), end: words[b - 1].end, rule });
  };
  // S-DESPITE: a trailing comma segment opened by "despite" or "even as/though/while/if" after reported material is
  // the outlet's own context ("…, warning that a hot winter awaits them, despite the truce.").
  // A trailing relative clause is not cut: it glosses for the outlet as often as it goes on with the speaker's
  // words ("… the people of Gaza, who face a genocide carried out by a genocidal entity").
  let trailingDespite = n;
  let last = 0;
  let beforeLast = 0;
  let thirdLast = 0;
  for (let k = 1; k < n; k++) if (words[k].commaBefore) {
    thirdLast = beforeLast;
    beforeLast = last;
    last = k;
  }
  if (last > 0 && !insideAny(r.quoted, words[last].start)) {
    const w = words[last].lower;
    if (w === 'despite' || (w === 'where' && capitalised(text, words[last - 1])) || (w === 'even' && ['as', 'though', 'while', 'if'].includes(words[last + 1]?.lower ?? ''))) trailingDespite = last;
  }
  // The outlet's summing-up appositive after a tag that ends the part (S-AFTER, below): no cue reads it.
  let outletTail = n;
  const clip = (b: number): number => Math.min(b, trailingDespite, outletTail);
  // T-TRAIL over a whole sentence: a speech tag that ends the part ("…, the brigadier general stressed.") reports
  // everything before it, a forward cue inside included ("The Yemeni Armed Forces affirm that their operations will
  // escalate, …, the brigadier general stressed": the subject of "affirm" is the general's words too).
  let trailingTag = last > 0 && trailingDespite === n && !insideAny(r.quoted, words[last].start) &&
    isSpeechTag(r, last, n) === 'T-TRAIL' && !namesSelf(r, last, n, v.tag) ? last : n;
  // T-APPOSITIVE: "…, a senior official, Osama Hamdan, said." — the tag starts with the speaker's noun phrase.
  if (trailingTag === n && trailingDespite === n && thirdLast > 0 && !insideAny(r.quoted, words[thirdLast].start)
    && appositiveTag(r, thirdLast, beforeLast, last, n) && !namesSelf(r, thirdLast, n, v.tag)) trailingTag = thirdLast;
  // S-AFTER: a tag followed only by the outlet's summing-up appositive ("… was Iranian in origin, the military said, a
  // conclusion that could further aggravate …") ends the statement as a trailing tag does; the appositive is the
  // outlet's (session 20).
  if (trailingTag === n && trailingDespite === n && beforeLast > 0 && !insideAny(r.quoted, words[beforeLast].start)
    && !insideAny(r.quoted, words[last].start) && (summativeAppositive(r, last, n) || relativeAppositive(r, last, n))
    && isSpeechTag(r, beforeLast, last) === 'T-TRAIL' && !namesSelf(r, beforeLast, last, v.tag)) {
    trailingTag = beforeLast;
    outletTail = last;
  }

  // Forward cues: the first one outside quotations wins; its clause runs to the end of the part. A verb in a comma
  // segment that is a speech tag ("…, the official said, were …") is not one. A cue with a bounded clause ("what Iran
  // calls its 'axis of resistance'", "blamed X for Y") lets the search go on after its clause.
  const bounded: ForwardCue[] = [];
  let forward: ForwardCue | null = null;
  let segHead = 0;
  // A tag right after a closing quotation mark, without its comma, is a comma segment of its own (T-TRAIL).
  const closed = closingMarkTags(r, n);
  for (let i = 0; i < n && !forward; i++) {
    if (words[i].commaBefore || closed.has(i)) segHead = i;
    if (insideAny(r.quoted, words[i].start)) continue;
    const cue = forwardCueAt(r, i);
    if (!cue || (segHead > 0 && v.tag.has(words[i].lower) && inSpeechTag(r, segHead))) continue;
    // S-SELF: "DAILY POST reports that …", "According to analysis made by the IWN, …" in that outlet's own article.
    if (cue.rule === 'A-FRONT' ? namesSelf(r, cue.cue, cue.clause) : namesSelf(r, segHead, cue.cue)) continue;
    // S-RELATIVE: a cue inside a relative clause ("The groups, which analysts say are fronts for …, operate …")
    // reports only to the end of that clause.
    // The main clause goes on after it, so a source or tag that ends the part still reports the part, relative clause
    // included ("Biden, who urged Iran not to attack, has committed to stand with Israel, according to the White House").
    if (segHead > 0 && NON_RESTRICTIVE.has(words[segHead].lower)) {
      if (cue.end === undefined) cue.end = segmentEnd(words, segHead);
      cue.keepsBackward = true;
    }
    // S-FRONTED: a cue inside a fronted adverbial clause ("While the United Nations said Iran … enabled the Houthis'
    // rise, Tehran has repeatedly denied …") reports that clause only; the main clause after it is the outlet's, and
    // the search goes on there ("…, Israel said it hit a command post").
    if (cue.end === undefined && segHead === 0 && FRONTED_CLAUSE.has(words[0].lower)) {
      const main = mainClauseAfter(r, cue.clause);
      if (main < n) cue.end = main;
    }
    if (cue.end === undefined) forward = cue;
    else {
      bounded.push(cue);
      i = Math.max(i, cue.end - 1);
    }
  }
  if (!forward && bounded.length) forward = bounded.shift() as ForwardCue;

  // Backward cues are looked for only before the forward cue (a claim's object does not stop them: F-CLAIM).
  let limit = forward && !forward.keepsBackward ? forward.cue : n;
  for (const b of bounded) if (!b.keepsBackward) limit = Math.min(limit, b.cue);
  for (const b of bounded) {
    result.cue = true;
    mark(b.clause, clip(colonContinues(r, b) ? n : b.end as number), b.rule);
  }
  // B-RUNIN: a paragraph that opens with a short heading and a colon ("Hezbollah strikes northern Israel: More than
  // 100 projectiles have been fired …, the Israeli military has said.") — the heading is the outlet's; a trailing tag
  // or source reports only what follows the colon.
  const head = runInHead(r);
  const backward = backwardCues(r, limit, endsWithColon, (a, b, rule) => mark(Math.max(a, head), clip(b), rule));
  mark(Math.max(backward.from, head), backward.before, backward.rule);
  if (backward.before > 0) result.cue = true;
  if (forward) {
    result.cue = true;
    // S-SOURCE: a trailing "…, according to X" inside the clause names the source: that phrase stays author voice.
    let end = forward.end === undefined || colonContinues(r, forward) ? n : forward.end;
    // Only a statement's own present tense ("The Armed Forces affirm that …, the general stressed") is inside the
    // tag's report; a narrated past ("Saree said …, he added") keeps its speaker the outlet's.
    if (trailingTag < n && trailingTag > forward.cue && !forward.keepsBackward && !pastTense(r, words[forward.cue].lower)) {
      mark(0, trailingTag, 'T-TRAIL');
      end = Math.min(end, trailingTag);
    } else if (trailingTag < n && trailingTag > forward.clause && !forward.keepsBackward && !forward.quoted) {
      // After a narrated past the cue's subject stays the outlet's, but the tag reports its whole clause, glosses
      // included ("… that the US struck a leader of Al-Nujaba, an Iraqi faction allied with Iran, Al-Ghad reported").
      mark(forward.clause, clip(trailingTag), 'T-TRAIL');
      end = Math.min(end, trailingTag);
    }
    for (let j = forward.clause + 1; j < end; j++) {
      if (words[j].commaBefore && words[j].lower === 'according' && words[j + 1]?.lower === 'to') {
        let k = j + 2;
        while (k < n && !words[k].commaBefore) k++;
        // After a relative word the determiner opens the relative clause's subject, not an appositive on the source
        // ("the attack in which, according to the patriarchate, an Israeli army sniper shot …"; session 23, batch av).
        const inRelative = SOURCE_RELATIVES.has(words[j - 1].lower);
        if (k < end && !RELATIVE.has(words[k].lower) && (!DETERMINERS.has(words[k].lower) || inRelative)) mark(k, clip(end), 'B-ACCORDING');
        end = j;
        break;
      }
    }
    if (forward.quoted && forward.clause < end) {
      quotedOut.push({ start: words[forward.clause].start, end: words[end - 1].end, rule: forward.rule });
      if (end === n && trailingDespite === n && outletTail === n) result.colonOpen = true;
    } else {
      if (forward.end === undefined && end === n && trailingDespite === n && outletTail === n) result.open = true;
      const beside = markWithoutGlosses(r, forward.clause, clip(end), forward.rule, mark);
      // S-GLOSS: the clause the outlet sets beside the report (", while the army claimed to have killed …") has a
      // subject of its own: its cues are read as in a part of its own (session 20).
      if (beside > 0 && clip(end) - beside >= 3) {
        if (attributePart({ ...r, words: words.slice(beside, clip(end)) }, partEnd, out, quotedOut).cue) result.cue = true;
      }
    }
  } else if (backward.before === 0) {
    const p = perspectiveClause(r);
    if (p > 0) {
      result.cue = true;
      result.open = trailingDespite === n;
      mark(p, clip(n), 'P-PERSPECTIVE');
    }
  }
  // The outlet's trailing context may name a speaker of its own ("…, in Iraq, where the government has complained
  // about being caught between US forces and Iran-backed militias"): it is read as a part of its own. It is the
  // last comma segment, so it holds no such segment again.
  if (trailingDespite < n && n - trailingDespite >= 3) {
    if (attributePart({ ...r, words: words.slice(trailingDespite) }, partEnd, out, quotedOut).cue) result.cue = true;
  }
  return result;
}


/**
 * S-INSERT: relatives "that/which X said" whose say-verb is followed at once by the relative clause's own verb (an
 * auxiliary or a form in -ed): "the Israeli airstrikes that Israel's military said had killed the commanders". The
 * speaker X (at most `tag_subject` words, no comma) is named by the outlet, not by the speaker of the surrounding
 * claim. Returns word ranges [relative word, after the say-verb).
 */
function speakerInserts(r: Reading): [number, number][] {
  const { words } = r;
  const out: [number, number][] = [];
  for (let k = 1; k + 3 < words.length; k++) {
    const lk = words[k].lower;
    if ((lk !== 'that' && lk !== 'which') || insideAny(r.quoted, words[k].start)) continue;
    for (let m = k + 2; m < words.length - 1 && m - k - 1 <= r.rules.windows.tagSubject; m++) {
      if (words[m].commaBefore || insideAny(r.quoted, words[m].start)) break;
      if (!r.rules.words.insertVerbs.has(words[m].lower)) continue;
      const next = words[m + 1];
      if (next.commaBefore || !(AUXILIARIES.has(next.lower) || (next.lower.endsWith('ed') && !r.rules.words.notFinite.has(next.lower)))) break;
      out.push([k, m + 1]);
      k = m;
      break;
    }
  }
  return out;
}

/** Rules of judging verbs whose object a colon may continue with the speaker's reasons. */
const JUDGING_RULES = new Set(['F-BLAME', 'F-CONDEMN', 'F-ACCUSE']);

/**
 * A judgement that ends at a colon goes on with the speaker's reasons ("He blamed the United States for Israel's
 * activities: America's support for Israel's occupation has enabled the regime …"): the rest of the part is the
 * speaker's too (F-BLAME, F-CONDEMN, F-ACCUSE).
 */
function colonContinues(r: Reading, cue: ForwardCue): boolean {
  const e = cue.end;
  if (e === undefined || e >= r.words.length || !JUDGING_RULES.has(cue.rule)) return false;
  const w = r.words[e];
  return w.colonBefore && !w.semiBefore && !insideAny(r.quoted, w.start);
}

/** A past form: in -ed, or an irregular past of a speech verb (`speech_past_forms`). */
const pastTense = (r: Reading, w: string): boolean => w.endsWith('ed') || r.rules.words.speechPast.has(w);

/**
 * C-COLON for documents: the part opens with a short label ending in a document noun, then a colon and a capital
 * ("Statement translation: We will …", "Text of the communique: The occupiers …"). Returns the first quoted word, or -1.
 */
function documentLabel(r: Reading): number {
  const { words, text } = r;
  for (let k = 1; k < words.length && k <= r.rules.windows.documentLabel; k++) {
    const w = words[k];
    if (w.markBefore || (w.commaBefore && !w.colonBefore)) return -1;
    if (!w.colonBefore) continue;
    const after = text.charCodeAt(w.start);
    return r.rules.words.documentLabels.has(words[k - 1].lower) && after >= 65 && after <= 90 ? k : -1;
  }
  return -1;
}

/**
 * C-INTRO: a part that ends with a colon after a speech verb ("The group said in a statement:") introduces the next
 * paragraph as an unmarked quotation; a document's reading ("The statement read:", "The statement said:") or a
 * document noun ("Statement translation:", "Full text of the statement:") introduces the document, paragraph after
 * paragraph.
 */
function introducesNext(r: Reading): false | 'tag' | 'document' {
  const { words } = r;
  const v = r.rules.words;
  const n = words.length;
  if (v.documentLabels.has(words[n - 1].lower) && n <= r.rules.windows.documentLabel + 2) return 'document';
  // "Al-Qassam described the action thus:", "The spokesman put it as follows:": a word of manner after a verb of
  // speech or characterisation stands for the words the next paragraph reproduces.
  const manner = words[n - 1].lower === 'thus' ? n - 1 : words[n - 1].lower === 'follows' && words[n - 2]?.lower === 'as' ? n - 2 : -1;
  for (let k = manner - 1; manner > 0 && k >= 0 && k >= manner - r.rules.windows.tagAdjunct - 1; k--) {
    const lk = words[k].lower;
    if (v.tag.has(lk) || v.reporting.has(lk) || v.asVerbs.has(lk)) return 'tag';
    if (words[k + 1].commaBefore) break;
  }
  for (let k = n - 1; k >= 0 && k >= n - r.rules.windows.tagAdjunct - 2; k--) {
    const lk = words[k].lower;
    const isRead = lk === 'read' || lk === 'reads';
    if (words[k].commaBefore && k < n - 1 && !v.tag.has(lk)) return false;
    // A document that speaks ("The statement read:", "The communique said:", "It read:") goes on paragraph after
    // paragraph, like one introduced by its label.
    if (isRead) return v.documentNouns.has(words[k - 1]?.lower ?? '') || (words[k - 1]?.lower === 'it' && k === n - 1) ? 'document' : false;
    if (v.tag.has(lk) && v.documentLabels.has(words[k - 1]?.lower ?? '')) return 'document';
    // "…, saying:" and "…, adding:" introduce what follows as "said:" does.
    if (v.tag.has(lk) || (k === n - 1 && lk.endsWith('ing') && v.reporting.has(lk))) return 'tag';
  }
  return false;
}

/**
 * B-RUNIN: the index of the first word after a run-in heading that opens the paragraph ("Sunday strikes: …"), else
 * 0. The heading has at most `windows.run_in` words, no quotation and no word of speech (a speaker's "He said: …" is
 * C-COLON).
 */
function runInHead(r: Reading): number {
  const { words, text } = r;
  for (let k = words[0].start - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) break;
    if (c !== 0x20 && c !== 0x09) return 0;
  }
  const v = r.rules.words;
  for (let k = 1; k < words.length && k <= r.rules.windows.runIn; k++) {
    const w = words[k];
    if (w.markBefore || insideAny(r.quoted, w.start)) return 0;
    const prev = words[k - 1].lower;
    if (v.tag.has(prev) || v.reporting.has(prev) || v.documentNouns.has(prev)) return 0;
    if (w.colonBefore) return w.semiBefore ? 0 : k;
    if (w.commaBefore) return 0;
  }
  return 0;
}

/**
 * C-INTRO: a part ending in a colon whose speech verb is followed by nothing but one adjunct (no comma, quotation or
 * "that"): "X said during his address … in Beirut:".
 */
function tagThenAdjunct(r: Reading): boolean {
  const { words } = r;
  const v = r.rules.words;
  for (let k = 0; k < words.length - 1; k++) {
    if (words[k].commaBefore && k > 0) return false;
    if (!v.tag.has(words[k].lower) && !v.reporting.has(words[k].lower)) continue;
    // "vows to attack … :" is an infinitive, not an adjunct.
    if (!v.adjuncts.has(words[k + 1].lower) || words[k + 1].lower === 'to' || insideAny(r.quoted, words[k].start)) return false;
    for (let m = k + 2; m < words.length; m++) {
      const lm = words[m].lower;
      if (words[m].commaBefore || words[m].markBefore || lm === 'that') return false;
    }
    return true;
  }
  return false;
}

/** Prepositions of a blame verb's participle without its object: "blamed on", "attributed to" (F-PASSIVE). */
const BLAME_PREPOSITIONS = new Set(['on', 'to']);

/** Conjunctions that, with an article after them, close a series of noun phrases ("…, a deepening of …, and an escalation …"). */
const SERIES_JOINERS = new Set(['and', 'or']);


/**
 * S-GLOSS: inside reported speech, an appositive the outlet sets off by commas ("they heard explosions inside the
 * Conoco gas field, a US occupation base north of Deir Ezzor, which …") glosses a name or place for its readers: it
 * stays the outlet's. The appositive opens with "a" or "an" after a comma and closes with another comma inside the
 * clause; the rest of the clause is marked as before.
 */
/**
 * A sequence opener (`sequence_openers`: then, later, soon, afterward …) right before a past form in -ed or an irregular
 * past with no subject between: "…, but then responded …", "…, and later fired …" (voice 1.15.4).
 */
function sequencePredicate(r: Reading, k: number): boolean {
  const { words } = r;
  const opener = words[k];
  const verb = words[k + 1];
  if (!opener || !verb || opener.commaBefore || opener.markBefore || verb.commaBefore || verb.markBefore) return false;
  if (!r.rules.words.sequenceOpeners.has(opener.lower)) return false;
  const l = verb.lower;
  return pastForm(r, l);
}

/** Prepositions that open a dated adjunct ("since October 7", "on Oct. 7, 2023", "in 2006"). */
const DATE_PREPOSITIONS = new Set(['since', 'on', 'in', 'after', 'before', 'until', 'till']);

/**
 * Whether the words before k end with a dated adjunct: a preposition of DATE_PREPOSITIONS, then a month and a day
 * ("since October 7", "on Oct. 7", "since 7 October"), a month, day and year ("on October 7, 2023"), or a year ("in
 * 2006").
 */
function datedAdjunctBefore(r: Reading, k: number): boolean {
  const { words } = r;
  const digits = (m: number): boolean => m >= 0 && /^\d{1,4}(?:st|nd|rd|th)?$/.test(words[m].lower);
  const month = (m: number): boolean => m >= 0 && MONTH_NAMES.has(words[m].lower.replace(/\.$/, ''));
  let m = k - 1;
  if (digits(m) && words[m].lower.length === 4 && (digits(m - 1) || month(m - 1)) && !month(m)) m--; // the year after a day
  if (digits(m) && month(m - 1)) m -= 2; // October 7
  else if (month(m) && digits(m - 1)) m -= 2; // 7 October
  else if (digits(m) && words[m].lower.length === 4) m -= 1; // 2006
  else return false;
  return m >= 0 && DATE_PREPOSITIONS.has(words[m].lower);
}

/**
 * Marks [from, to) of a reported clause without the outlet's glosses inside it (S-GLOSS, S-AFTER). Returns the index
 * of the first word of the subject of a clause the outlet sets beside the report (", while the army said …"), whose
 * own cues are still to be read, else -1.
 */
function markWithoutGlosses(r: Reading, from: number, to: number, rule: string, mark: (a: number, b: number, rule: string) => void): number {
  const { words } = r;
  let start = from;
  for (let k = from + 1; k < to; k++) {
    const w = words[k];
    // "said the Zionist regime, referring to Israel, would pay": a participle of comment set off by commas between the
    // clause's subject and its verb (an auxiliary, an irregular past or a form in -ed after the closing comma) glosses
    // for the outlet's readers and the clause goes on after it (session 20).
    if (w.commaBefore && !w.semiBefore && !w.colonBefore && w.lower.endsWith('ing') && r.rules.words.commentParticiples.has(w.lower)
      && !insideAny(r.quoted, w.start)) {
      const close = segmentEnd(words, k);
      const resumed = words[close];
      if (close < to && resumed && !resumed.semiBefore && !resumed.colonBefore && !resumed.markBefore && (AUXILIARIES.has(resumed.lower) || pastForm(r, resumed.lower))) {
        mark(start, k, rule);
        start = close;
        k = close - 1;
        continue;
      }
    }
    // "vowed to avenge the killings last month, blamed on Israel, of Hamas political leader …": a blame verb's participle
    // with its preposition and no agent set off by commas is the outlet's hedge (F-PASSIVE), not the speaker's words; the
    // clause goes on after its closing comma (session 20).
    if (w.commaBefore && !w.semiBefore && !w.colonBefore && w.lower.endsWith('ed') && r.rules.words.blame.has(w.lower)
      && BLAME_PREPOSITIONS.has(words[k + 1]?.lower ?? '') && !words[k + 1].commaBefore && !insideAny(r.quoted, w.start)) {
      const close = segmentEnd(words, k);
      let agent = false;
      for (let m = k + 2; m < close && !agent; m++) if (words[m].lower === 'by') agent = true;
      if (!agent) {
        mark(start, k, rule);
        if (close >= to) return -1;
        start = close;
        k = close - 1;
        continue;
      }
    }
    // A comma segment (not after a semicolon or colon, outside quotation marks) that ends the reported clause: it and the
    // rest of the clause are the outlet's.
    if (w.commaBefore && !w.semiBefore && !w.colonBefore && !insideAny(r.quoted, w.start) && (
      // S-AFTER inside the clause: a last comma segment that ranks the event just reported ("…, the first attack by the
      // Lebanese group since …", "…, its deadliest day …") is the outlet's summative appositive, as after a tag (voice 1.15.1).
      (segmentEnd(words, k) >= to && summativeAppositive(r, k, to))
      // "… that its chief has been killed, dealing a seismic blow to the group and prompting threats against Israel": a
      // participle of comment (`comment_participles`) weighs the reported event for the outlet's readers (voice 1.15.3).
      || (w.lower.endsWith('ing') && r.rules.words.commentParticiples.has(w.lower))
      // "Hezbollah denied they were planning anything, but then responded with its own rockets": ", but then" or ", and
      // then" (a word of `sequence_openers`) and a past form without a subject of its own go on with the subject of the
      // outlet's sentence: the outlet's narration of what came next (voice 1.15.4), as U-SEMI reads "; soon afterward, …".
      || ((w.lower === 'but' || w.lower === 'and') && sequencePredicate(r, k + 1))
      // "… has announced it will deploy warships to the region, while Western governments have called on their citizens
      // to leave Lebanon …": ", while" or ", whereas" and a clause with its own subject and finite verb set another fact
      // beside the report: the outlet's juxtaposition ends the reported clause (voice 1.15.4).
      || ((w.lower === 'while' || w.lower === 'whereas') && (finiteClauseAt(r, k + 1) || speechClauseAt(r, k + 1)))
      // "… have been targeted repeatedly since October 7, when Israel began its onslaught on Gaza": a "when" clause after
      // a dated adjunct glosses the date for the outlet's readers (voice 1.15.4).
      || (w.lower === 'when' && datedAdjunctBefore(r, k))
      // "… it had launched drones on Israeli positions, a day after the powerful Lebanese group said it had attacked …",
      // "…, hours after Israel struck …": a time adjunct whose "after"/"before" opens a clause with its own subject and
      // finite verb dates the report against another event, for the outlet's readers (session 23, batch au). A bare
      // noun after it ("…, a day after Hamas's attack, …") stays part of the claim.
      || timeAfterClause(r, k))) {
      mark(start, k, rule);
      return w.lower === 'while' || w.lower === 'whereas' ? k + 1 : -1;
    }
    // "said Hamas, the Islamist militant group which controls Gaza, fired …": a "the" appositive right after the
    // name that opens the clause glosses it like "a"/"an" does.
    // The name may open with "the" ("said the United States, the main ally of Israel, …"), and such an appositive may
    // open with a name's possessive ("the United States, Israel's staunch ally, has …"; voice 1.15.3).
    const nameOpens = k - from <= 4 && k > from && (words.slice(from, k).every((x) => capitalised(r.text, x))
      || (words[from].lower === 'the' && k - from >= 2 && words.slice(from + 1, k).every((x) => capitalised(r.text, x))));
    const possessive = /['\u2019]s$/.test(w.lower) && capitalised(r.text, w) && !capitalised(r.text, words[k + 1] ?? w);
    const theGloss = (w.lower === 'the' || possessive) && nameOpens;
    if (!w.commaBefore || w.semiBefore || w.colonBefore || (w.lower !== 'a' && w.lower !== 'an' && !theGloss)) continue;
    if (insideAny(r.quoted, w.start)) continue;
    // "since Oct. 8, a day after Hamas's attack, …": a time adjunct is part of the claim, not a gloss.
    if (r.rules.words.timeNouns.has(words[k + 1]?.lower ?? '')) continue;
    const close = segmentEnd(words, k);
    if (close >= to) break; // an appositive that ends the clause may be the speaker's: left as it is
    // "is a complete reversal of the agreement, a deepening of Gaza's siege, and an escalation of …": a segment
    // followed by "and"/"or" and another article is an item of a series of the clause's own nouns, not a gloss.
    if (SERIES_JOINERS.has(words[close].lower) && ARTICLES.has(words[close + 1]?.lower ?? '')) continue;
    mark(start, k, rule);
    start = close;
    k = close - 1;
  }
  mark(start, to, rule);
  return -1;
}

/** Nouns of a span of time before "after"/"before" in a dating adjunct ("a day after", "hours before"). */
const TIME_SPAN_NOUNS = new Set(['day', 'days', 'hour', 'hours', 'week', 'weeks', 'month', 'months', 'minutes', 'moments', 'year', 'years']);

/**
 * Whether the comma segment at k is a dating adjunct with a clause of its own: "a"/"an", a number or nothing, a noun of
 * `TIME_SPAN_NOUNS`, then "after" or "before" and a subject with its finite verb ("a day after the group said …",
 * "hours after Israel struck …").
 */
function timeAfterClause(r: Reading, k: number): boolean {
  const { words } = r;
  let j = k;
  const first = words[j]?.lower;
  if (first === undefined) return false;
  if (first === 'a' || first === 'an' || first === 'just' || first === 'only' || r.rules.words.numberWords.has(first) || isDigitWord(first)) j++;
  if (!TIME_SPAN_NOUNS.has(words[j]?.lower ?? '') || words[j].commaBefore && j > k) return false;
  const link = words[j + 1];
  if (!link || link.commaBefore || (link.lower !== 'after' && link.lower !== 'before')) return false;
  return finiteClauseAt(r, j + 2) || speechClauseAt(r, j + 2);
}

/**
 * Whether a subject and its speech verb open a clause at k: a subject (an article, a possessive, a pronoun or a
 * capitalised name) and, within four more words and no comma, a past form of `speech_past_forms` ("said", "told") or a
 * reporting verb in -s before "that" ("says that"): ", while the Israeli army said that …" (session 20).
 */
function speechClauseAt(r: Reading, k: number): boolean {
  const { words, text } = r;
  const s = words[k];
  if (!s || s.commaBefore || s.markBefore) return false;
  if (!MAIN_CLAUSE_SUBJECTS.has(s.lower) && !capitalised(text, s)) return false;
  const v = r.rules.words;
  for (let m = k + 1; m < words.length && m <= k + 4; m++) {
    const w = words[m];
    if (w.commaBefore || w.markBefore || insideAny(r.quoted, w.start)) return false;
    if (v.speechPast.has(w.lower) && v.reporting.has(w.lower)) return true;
    if (w.lower.endsWith('s') && v.reporting.has(w.lower) && words[m + 1]?.lower === 'that' && !words[m + 1].commaBefore) return true;
  }
  return false;
}
/** Subjects of a clause set beside a report: a definite article, a demonstrative, a possessive, a subject pronoun. */
const MAIN_CLAUSE_SUBJECTS = new Set(['the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it', 'they', 'he', 'she', 'we']);
