/**
 * Reporting verbs with a content clause (docs/voice.md, family V): "said that …" (V-THAT), "said the attacks
 * were …" (V-ZERO), "the statement read …" (V-READ), "The group said: We will …" (C-COLON). A reporting verb after a
 * form of "be" is the outlet's own discourse ("it should be noted that") unless it is a reporting passive ("it was
 * reported that") (V-PASSIVE); "is to say that", "fair to say" are the outlet's too (V-DISCOURSE).
 */
import type { ForwardCue } from './forward.js';
import { AUXILIARIES, BE_FORMS, DETERMINERS, PRONOUN_OPENERS, SAY_FORMS, TIME_WORDS, WEEKDAYS } from './grammar.js';
import { afterParenthetical, attributiveParticiple, bracketAsideEnd, capitalised, isDigit, isHeadline, MONTH_NAMES, isTitleCaseHeadline, negatedAt, pastForm, segmentEnd, withholdingDeny, type Reading, type Word } from './words.js';

/** The reporting cue at word i, if any. */
export function reportingCue(r: Reading, i: number): ForwardCue | null {
  const { words, text } = r;
  const v = r.rules.words;
  const win = r.rules.windows;
  const n = words.length;
  const w = words[i].lower;
  const prev = words[i - 1]?.lower;
  // V-READ: "the statement read", "The message reads: …": a document's wording.
  if ((w === 'read' || w === 'reads') && prev !== undefined) {
    if (i + 1 >= n) return null;
    const next = words[i + 1];
    const colonQuote = next.colonBefore && !next.markBefore && capitalised(text, next);
    // "It read: The occupiers …": a pronoun before "read" and a colon stands for the document just named.
    if (v.documentNouns.has(prev) || (prev === 'it' && colonQuote)) return { cue: i, clause: i + 1, quoted: colonQuote, rule: 'V-READ' };
  }
  if (v.speechNouns.has(w)) return nounClause(r, i);
  if (v.questionVerbs.has(w)) return indirectQuestion(r, i);
  if (isDiscourseAside(r, i)) return null;
  const phrase = phraseEnd(r, i);
  if (phrase > 0) return thatAfter(r, i, phrase);
  if (!v.reporting.has(w) || isDiscoursePassive(r, i) || isDiscourseInfinitive(r, i)) return null;
  // V-ATTRIBUTE: "the latest reported incident", "several reported drone attacks", "a reported strike": a participle
  // in -ed after a determiner (or a determiner and one adjective of order), before a noun, is an adjective; it reports
  // nothing (session 24, batch ay).
  if (attributiveParticiple(r, i)) return null;
  // "He failed to mention that Iran has proclaimed …", "did not say that …": a report not made is nobody's words.
  if (negatedAt(r, i)) return null;
  // V-WITHHOLD: "deny the Palestinian people their right …" withholds; it reports nothing.
  if (withholdingDeny(r, i)) return null;
  // V-THAT: "that" within the window; "that" directly followed by the end is a pronoun ("said that."). What stands
  // between must be an adjunct ("said during a briefing on Tuesday that", "said, however, that") or a short object of
  // tell/warn ("told reporters that"); otherwise "that" is likely a relative pronoun on an object ("claimed the attack
  // that killed …").
  const next = words[i + 1];
  const between = next === undefined ? 0
    : next.lower === 'that' ? 1
      : v.adjuncts.has(next.lower) || WEEKDAYS.has(next.lower) || dateAt(r, i + 1) || next.commaBefore ? win.that + 1
        : v.objectVerbs.has(w) ? win.objectThat + 1 : 1;
  let reach = between;
  for (let j = i + 1; j < n && j <= i + reach; j++) {
    // "wrote on the X platform on Monday evening (April 14) that": a short bracketed aside among the adjuncts (a date,
    // a gloss) is skipped and its words are not counted.
    if (reach > 1) {
      const aside = bracketAsideEnd(text, words, j, BRACKET_ASIDE);
      if (aside > 0) {
        reach += aside - j + 1;
        j = aside;
        continue;
      }
    }
    const lj = words[j].lower;
    if (lj === 'that') {
      const after = words[j + 1];
      // "respond to the strikes in a way that could warn Israel off", "said in a statement that has drawn criticism":
      // "that" right after a noun phrase of the adjunct (an article or possessive one or two words before it) and
      // followed at once by an auxiliary is a relative pronoun on that noun, not the complementizer: a later "that" in
      // the window may still open the clause, else nothing is reported (session 23, batch as). A weekday, a time word or
      // an adjunct word before "that" still opens the clause.
      const prevWord = words[j - 1]?.lower ?? '';
      if (after && j > i + 2 && !words[j].commaBefore && AUXILIARIES.has(after.lower) && !WEEKDAYS.has(prevWord) &&
        !TIME_WORDS.has(prevWord) && !v.adjuncts.has(prevWord) &&
        [j - 2, j - 3].some((k) => k > i && DETERMINERS.has(words[k].lower) && !words[k + 1].commaBefore)) continue;
      // "emphasized that, despite the truce, the attacks …": a comma after "that" opens an adjunct inside the clause;
      // "said that, and left" ends the clause at once, so a comma needs a clause of some length after it.
      if (after && (!after.commaBefore || j + 4 < n)) return { cue: i, clause: j + 1, rule: 'V-THAT' };
      return null;
    }
    if (j > i + 1 && (v.reporting.has(lj) || words[j].markBefore)) break; // another verb, or a quotation: not ours
  }
  // V-HOW: "mentioned how some people overlooked the achievements of the resistance", "explained why the group struck":
  // a clause opened by "how" or "why" right after a reporting verb is the speaker's account, reported like a that-clause.
  if (next !== undefined && WH_COMPLEMENTIZERS.has(next.lower) && !next.commaBefore && !next.markBefore && i + 3 < n
    && !words[i + 2].commaBefore && !words[i + 2].markBefore) {
    return { cue: i, clause: i + 2, rule: 'V-HOW' };
  }
  const headline = titleCaseClause(r, i) ?? droppedSubject(r, i);
  if (headline) return headline;
  if (v.objectVerbs.has(w)) return objectThenClause(r, i);
  // "Hezbollah confirms it has started …", "the groups revealed they would resume …": a subject pronoun and its verb
  // right after any reporting verb can only be a clause (a pronoun object is not followed by a finite verb).
  if (pronounClause(r, i + 1)) return { cue: i, clause: i + 1, rule: 'V-ZERO' };
  // A bare weekday or time word may stand between ("Hezbollah announced Friday it had launched …", "the army confirmed
  // today they were …"), as it may after a zero-"that" verb (session 23, batch au).
  if (i + 2 < n && dayOrTime(words[i + 1].lower) && !words[i + 1].commaBefore && !words[i + 1].markBefore && pronounClause(r, i + 2)) {
    return { cue: i, clause: i + 2, rule: 'V-ZERO' };
  }
  // Any reporting verb also takes a clause without "that" on strong evidence (voice 1.15.4): after a parenthetical
  // between dashes right after the verb ("officials estimate - and this is just an estimate - about 500 fighters were
  // killed": the aside is the outlet's, the clause after it the speaker's), or when a plural subject and its finite verb
  // follow at once ("He noted the attacks endangered US forces").
  const dashed = afterParenthetical(text, words, i + 1, win.parenthetical);
  if (dashed > 0 && !words[dashed].commaBefore && opensClause(r, dashed)) return { cue: i, clause: dashed, rule: 'V-ZERO' };
  if (pluralSubjectClause(r, i + 1)) return { cue: i, clause: i + 1, rule: 'V-ZERO' };
  // C-COLON for every reporting verb (session 22, batch ao): "The Hezbollah faction emphasized: On the other hand, the
  // occupying enemy …", "The group stressed: The occupation …" — a colon right after the verb and a capital open a
  // quotation whose marks were left out, whatever the verb (docs/voice.md C-COLON: "a speech verb"); the zero-"that"
  // verbs below may also have a short adjunct before the colon ("said in a statement: We …").
  if (next !== undefined && next.colonBefore && !next.markBefore && capitalised(text, next)) return { cue: i, clause: i + 1, quoted: true, rule: 'C-COLON' };
  if (!v.zeroThat.has(w)) return null;
  // V-ZERO: skip a short adjunct ("in a statement," / "on Friday it …"), then a clause opener must follow.
  let j = i + 1;
  const atLeast = words[j]?.lower === 'at' && (words[j + 1]?.lower === 'least' || words[j + 1]?.lower === 'most');
  // "said Sunday the attacks …", "said yesterday the militias …": a bare weekday or time word before a clause opener.
  if (j + 1 < n && dayOrTime(words[j].lower) && !words[j + 1].commaBefore && opensClause(r, j + 1)) j++;
  else if (j < n && !atLeast && (v.adjuncts.has(words[j].lower) || WEEKDAYS.has(words[j].lower))) {
    let k = j + 1;
    let opened = -1;
    while (k < n && k <= j + win.that && !words[k].commaBefore && !words[k].markBefore && !PRONOUN_OPENERS.has(words[k].lower)) {
      // "said on Monday US forces had begun …", "said earlier today the rebels are …": a day or a time word ends the
      // adjunct when a clause opens right after it.
      if (dayOrTime(words[k].lower) && k + 1 < n && !words[k + 1].commaBefore && !words[k + 1].markBefore && opensClause(r, k + 1)) {
        opened = k + 1;
        break;
      }
      k++;
    }
    // Only a day followed by a clause may end an adjunct longer than `windows.adjunct` words ("said in an exclusive
    // statement to PIC on Friday the movement will …"); a comma or quotation that far away ends something else.
    if (opened > 0) j = opened;
    else if (k < n && k <= j + win.adjunct && (words[k].commaBefore || words[k].markBefore || PRONOUN_OPENERS.has(words[k].lower))) j = k;
    else return null;
  }
  if (j >= n) return null;
  const c = words[j];
  // C-COLON: "The group said: We will …" — a colon and a capital: a quotation whose marks were left out.
  if (c.colonBefore && !c.markBefore && capitalised(text, c)) return { cue: i, clause: j, quoted: true, rule: 'C-COLON' };
  // S-EMBED: a say-verb inside a relative clause on a noun of the outlet's sentence ("targeting what they said were
  // Israeli-linked ships …, to show solidarity …", "attacked vessels they say have Israeli links, in solidarity with
  // …") reports that clause only: its report ends with the comma segment, and the main clause goes on in the outlet's
  // voice.
  const end = j === i + 1 && embeddedRelative(r, i) ? segmentEnd(words, i) : undefined;
  // "the attack adds another layer of complexity to the situation": a verb of putting with its object and goal.
  if (v.goalVerbs.has(w) && !c.markBefore && !c.colonBefore && objectThenGoal(r, j)) return null;
  if (c.markBefore || c.commaBefore || opensClause(r, j)) return { cue: i, clause: j, end, rule: 'V-ZERO' };
  // "The launches, which the army said came from Iran, …": in a relative clause with its own subject before the verb,
  // the relative word is the reported clause's subject, so the finite verb right after opens that clause.
  if (j === i + 1 && relativeWithSubject(r, i) && (finiteLooking(r, c.lower) || r.rules.words.irregularPast.has(c.lower))) return { cue: i, clause: j, end, rule: 'V-ZERO' };
  // "attacks it says respond to Israel's assault": after a contact relative on a plural noun the relative's gap is the
  // subject, so a bare verb agreeing with that noun opens the reported clause.
  if (j === i + 1 && end !== undefined && contactRelative(r, i) && bareVerb(r, j)) return { cue: i, clause: j, end, rule: 'V-ZERO' };
  return null;
}

/**
 * After a goal verb ("add"): whether the words from j reach "to" within their comma segment before any finite verb
 * (an auxiliary, a form in -s or -ed, an irregular past): "adds another layer of complexity to …" has an object and
 * a goal; "added the strikes had killed …" has a clause (V-ZERO, `goal_verbs`).
 */
function objectThenGoal(r: Reading, j: number): boolean {
  const { words } = r;
  for (let k = j; k < words.length; k++) {
    if (k > j && (words[k].commaBefore || words[k].markBefore || words[k].colonBefore)) return false;
    const w = words[k].lower;
    if (w === 'to') return k > j;
    if (AUXILIARIES.has(w) || r.rules.words.irregularPast.has(w) || (k > j && finiteLooking(r, w))) return false;
  }
  return false;
}

/** Words that open a reported clause after a reporting verb like "that" (V-HOW). */
const WH_COMPLEMENTIZERS = new Set(['how', 'why']);
/** Words that open an indirect question after a question verb (V-HOW, `question_verbs`). */
const QUESTION_OPENERS = new Set(['what', 'whether', 'if', 'where', 'when', 'who', 'whom', 'whose', 'which', 'how', 'why']);
/** Pronoun objects that may stand between a question verb and its question: "asked him whether …". */
const ASKED_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'themselves', 'himself', 'herself']);
/** Words before a question verb's participle that make it a passive without its asker: "when asked whether …". */
const PASSIVE_OPENERS = new Set(['when', 'if', 'after', 'before', 'once', 'while', 'upon', 'being', 'unless', 'whenever']);
/** Words before a question verb's form that make it a noun: "no wonder", "the question whether". */
const NOUN_MAKERS = new Set(['no', 'a', 'an', 'the', 'this', 'its', 'their', 'his', 'her', 'our', 'any', 'key', 'open']);

/**
 * V-HOW, indirect questions: "analysts ask what Iran's stance would be", "they wonder where Syria would stand",
 * "asked him whether the army had left". A verb of `question_verbs`, an optional pronoun object, then a wh-word or
 * "whether"/"if": the question is the asker's account, marked from the word after the wh-word to the end of the part
 * like V-THAT (voice 1.15.4). Not a noun ("no wonder why", "the question whether") and not a negated verb ("did not
 * ask whether").
 */
function indirectQuestion(r: Reading, i: number): ForwardCue | null {
  const { words } = r;
  const n = words.length;
  const prev = words[i - 1]?.lower;
  if (prev !== undefined && !words[i].commaBefore && (NOUN_MAKERS.has(prev) || prev.endsWith("'s"))) return null;
  if (negatedAt(r, i)) return null;
  // "when asked whether Iran would retaliate", "was asked if …", "Biden, asked whether …": a passive names no asker;
  // the question is the outlet's account of the occasion (as V-PASSIVE reads "it should be noted").
  if (words[i].lower.endsWith('ed') && (words[i].commaBefore || (prev !== undefined && (BE_FORMS.has(prev) || PASSIVE_OPENERS.has(prev))))) return null;
  let j = i + 1;
  if (j < n && ASKED_PRONOUNS.has(words[j].lower) && !words[j].commaBefore && !words[j].markBefore) j++;
  const q = words[j];
  if (q === undefined || q.commaBefore || q.markBefore || !QUESTION_OPENERS.has(q.lower)) return null;
  if (j + 2 >= n || words[j + 1].commaBefore || words[j + 1].markBefore) return null;
  return { cue: i, clause: j + 1, rule: 'V-HOW' };
}

/** Subject pronouns that, followed by their verb, open a clause after any reporting verb. */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);

/** A subject pronoun at j followed by an auxiliary or a finite-looking verb: "confirms it has started", "revealed they would". */
function pronounClause(r: Reading, j: number): boolean {
  const { words } = r;
  const p = words[j];
  const v = words[j + 1];
  if (!p || !v || p.commaBefore || p.markBefore || p.colonBefore || v.commaBefore || v.markBefore || !SUBJECT_PRONOUNS.has(p.lower)) return false;
  return AUXILIARIES.has(v.lower) || finiteLooking(r, v.lower) || r.rules.words.irregularPast.has(v.lower);
}

/**
 * A lowercase word at j that can be a bare present verb: letters only, not a closed-class word, adjunct or word the
 * rules know as a particle.
 */
function bareVerb(r: Reading, j: number): boolean {
  const w = r.words[j];
  if (!w || w.commaBefore || w.markBefore || capitalised(r.text, w) || w.lower.length < 3 || !/^[a-z]+$/.test(w.lower)) return false;
  const v = r.rules.words;
  return !r.rules.words.clauseOpeners.has(w.lower) && !v.adjuncts.has(w.lower) && !r.rules.words.notFinite.has(w.lower) && !w.lower.endsWith('ly')
    && !v.afterTagAdjuncts.has(w.lower) && !v.callParticles.has(w.lower);
}

/**
 * Words that may stand inside a reporting phrase: "made it clear that", "expressed its hope that", and the article
 * ("expressed the hope that", "underscored the need for"; session 22, batch ap).
 */
const PHRASE_INSERTS = new Set(['it', 'its', 'their', 'his', 'her', 'our', 'the']);

/**
 * A reporting phrase of two words (`reporting_phrases`: "point out", "make clear", "express hope") starting at word
 * i, with a pronoun, possessive or "the" allowed inside ("made it clear", "expressed its hope", "stressed the need"): the index of its last word,
 * or -1. The phrase then reports like a reporting verb (V-THAT).
 */
export function phraseEnd(r: Reading, i: number): number {
  const { words } = r;
  const phrases = r.rules.words.reportingPhrases;
  const intensifiers = r.rules.words.phraseIntensifiers;
  // One insert (PHRASE_INSERTS), or an article or insert and one intensifier, or an intensifier alone ("voiced deep
  // concern"): "expressed its hope", "issued a strong condemnation", "expressed its absolute rejection" (session 24).
  let intensified = false;
  for (let k = i + 1; k < words.length && k <= i + 3; k++) {
    if (words[k].commaBefore || words[k].markBefore) return -1;
    if (phrases.has(`${words[i].lower} ${words[k].lower}`)) {
      return r.rules.words.speakerSubjectVerbs.has(words[i].lower) && !speakerSubject(r, i) ? -1 : k;
    }
    const wk = words[k].lower;
    if (!intensified && intensifiers.has(wk)) {
      intensified = true;
      continue;
    }
    if (k > i + 1 || !(PHRASE_INSERTS.has(wk) || wk === 'a' || wk === 'an')) return -1;
  }
  return -1;
}

/** Words that may stand between a phrase verb and its subject: "Analysts have also raised …". */
const SUBJECT_VERB_GAP = new Set(['has', 'have', 'had', 'also', 'repeatedly', 'already', 'again', 'recently', 'publicly', 'long', 'both', 'all']);
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * Whether the verb at i has a speaker for its subject (`speaker_subject_verbs`): a capitalised name ("Mudavadi, has
 * raised concerns"), a subject pronoun, or a noun of `speaker_subjects` ("Analysts and observers have raised concern"),
 * after at most three words of SUBJECT_VERB_GAP. "The strike raised concerns" has an event for its subject.
 */
function speakerSubject(r: Reading, i: number): boolean {
  const { words, text } = r;
  let k = i - 1;
  while (k >= 0 && i - k <= 3 && SUBJECT_VERB_GAP.has(words[k].lower)) k--;
  if (k < 0) return false;
  const w = words[k];
  if (SPEAKER_PRONOUNS.has(w.lower) || r.rules.words.speakerSubjects.has(w.lower)) return true;
  return capitalised(text, w) && !(k === 0 && DETERMINER_WORDS.has(w.lower));
}
const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it']);

/**
 * A date right after a reporting verb stands where a weekday does (V-THAT, session 23, batch ax): a capitalised month
 * ("said September 30 that", "said Oct. 2 that") or a day number before one ("said 30 September that").
 */
function dateAt(r: Reading, k: number): boolean {
  const { words, text } = r;
  const w = words[k];
  if (w === undefined) return false;
  if (MONTH_NAMES.has(w.lower) && capitalised(text, w)) return true;
  const m = words[k + 1];
  return /^[0-9]{1,2}$/.test(w.lower) && m !== undefined && !m.commaBefore && MONTH_NAMES.has(m.lower) && capitalised(text, m);
}

/** V-THAT after a reporting phrase ending at word p: "that" right after it, or after adjuncts within the window. */
function thatAfter(r: Reading, i: number, p: number): ForwardCue | null {
  const { words } = r;
  const v = r.rules.words;
  for (let j = p + 1; j < words.length && j <= p + r.rules.windows.that; j++) {
    if (words[j].lower === 'that') return j + 1 < words.length ? { cue: i, clause: j + 1, rule: 'V-THAT' } : null;
    if (!v.adjuncts.has(words[j].lower) && !WEEKDAYS.has(words[j].lower) && !words[j].commaBefore) return null;
  }
  return null;
}

/**
 * V-HEADLINE: a title-case headline drops "that" after any reporting verb ("Hezbollah Says Zionist Enemy Will Pay",
 * "Iran Warns US Occupation Must End"), and its capitals hide where a clause starts: a capitalised word right after
 * the verb opens the clause after "say", or after another verb when a finite verb follows in the headline (an
 * auxiliary or a form in -ed). Without one the verb has a noun-phrase object ("Iraqi Group Claims Drone Attack On US Base": the outlet's summary, O-CLAIM).
 */
function titleCaseClause(r: Reading, i: number): ForwardCue | null {
  const { words, text } = r;
  const next = words[i + 1];
  if (!next || next.commaBefore || next.markBefore || !capitalised(text, next) || !isTitleCaseHeadline(r)) return null;
  // "US Says Iran-Backed Groups Behind Attacks": "say" takes no noun-phrase object, so what follows is the claim even
  // when the headline leaves out its verb.
  if (SAY_FORMS.has(words[i].lower)) return { cue: i, clause: i + 1, rule: 'V-HEADLINE' };
  for (let k = i + 2; k < words.length; k++) {
    if (words[k].commaBefore || words[k].markBefore) break;
    const lk = words[k].lower;
    if (AUXILIARIES.has(lk) || (lk.endsWith('ed') && !lk.includes('-') && !r.rules.words.notFinite.has(lk) && !r.rules.words.reporting.has(lk))) {
      return { cue: i, clause: i + 1, rule: 'V-HEADLINE' };
    }
  }
  return null;
}

/**
 * V-HEADLINE in a sentence-case headline: "Hezbollah says targets Israeli soldiers at Lebanon-Israel border" leaves out
 * the claim's subject (the speaker itself), so a finite verb right after "say" opens the claim.
 */
function droppedSubject(r: Reading, i: number): ForwardCue | null {
  const next = r.words[i + 1];
  if (!next || next.commaBefore || next.markBefore || !SAY_FORMS.has(r.words[i].lower) || capitalised(r.text, next)) return null;
  if (!(finiteLooking(r, next.lower) || r.rules.words.irregularPast.has(next.lower)) || r.rules.words.adjuncts.has(next.lower) || !isHeadline(r)) return null;
  return { cue: i, clause: i + 1, rule: 'V-HEADLINE' };
}

/** A word that opens a clause after a zero-"that" verb: an opener, a number, a named subject with its verb. */
function opensClause(r: Reading, j: number): boolean {
  const c = r.words[j];
  // "he'd", "they're": a contracted pronoun opens the clause like the pronoun.
  const opener = c.lower.includes("'") ? c.lower.slice(0, c.lower.indexOf("'")) : c.lower;
  return r.rules.words.clauseOpeners.has(opener) || r.rules.words.numberWords.has(c.lower) || isDigit(c.lower.charCodeAt(0)) || namedSubjectClause(r, j)
    || subjectBeforeVerb(r, j) || possessiveSubjectClause(r, j);
}

/** Relative and clause words that end a possessive subject's noun phrase without a verb: "said Israel's claims that …". */
const NOT_IN_SUBJECT = new Set(['that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'if', 'whether', 'because', 'while', 'when']);

/**
 * V-ZERO: a clause whose subject is a name's possessive and its noun, with a prepositional phrase after the noun:
 * "said Israel's attack on Iran seeks to …", "said Monday's attack on the consulate in the capital Damascus killed two
 * generals" (session 20). Up to four capitalised words ending in "'s", a lowercase head noun, then at most
 * `windows.that` words of the noun phrase (no comma, quotation, relative word or speech verb) before its verb: an
 * auxiliary, an irregular past, or a form in -s or -ed (no hyphen) with an object, "to" or a number right after it;
 * without one the words are the verb's object ("denied Israel's accusations of involvement").
 */
function possessiveSubjectClause(r: Reading, j: number): boolean {
  const { words, text } = r;
  const v = r.rules.words;
  let p = j;
  while (p < words.length && p < j + 4 && !words[p].lower.endsWith("'s") && !words[p + 1]?.commaBefore && !words[p + 1]?.markBefore
    && (capitalised(text, words[p]) || (p > j && (words[p].lower === 'of' || words[p].lower === 'al')))) p++;
  if (p >= words.length || !capitalised(text, words[p]) || !words[p].lower.endsWith("'s") || words[p].lower.length < 4) return false;
  const head = words[p + 1];
  if (!head || head.commaBefore || head.markBefore || capitalised(text, head) || AUXILIARIES.has(head.lower) || v.clauseOpeners.has(head.lower)) return false;
  for (let m = p + 2; m < words.length && m <= p + 1 + r.rules.windows.that; m++) {
    const w = words[m];
    if (w.commaBefore || w.markBefore || w.colonBefore) return false;
    const l = w.lower;
    if (NOT_IN_SUBJECT.has(l) || v.reporting.has(l) || v.tag.has(l)) return false;
    if (AUXILIARIES.has(l)) return true;
    if (capitalised(text, w) || l.includes('-')) continue;
    const next = words[m + 1];
    const objectAfter = next !== undefined && !next.commaBefore && !next.colonBefore
      && (OBJECT_OPENERS.has(next.lower) || next.lower === 'to' || v.numberWords.has(next.lower) || isDigit(next.lower.charCodeAt(0)));
    if ((v.irregularPast.has(l) || finiteLooking(r, l)) && objectAfter) return true;
  }
  return false;
}

/**
 * V-ZERO after the object of tell/warn/threaten: "told Reuters the attacks would go on", "threatened Iran's leaders
 * the U.S. would retaliate". The object is short (names, `told_objects`, a possessive and its noun); a clause opener
 * must follow it.
 */
function objectThenClause(r: Reading, i: number): ForwardCue | null {
  const { words, text } = r;
  const v = r.rules.words;
  const n = words.length;
  let k = i + 1;
  while (k < n && k <= i + r.rules.windows.objectThat && !words[k].commaBefore && !words[k].markBefore) {
    const lk = words[k].lower;
    if (capitalised(text, words[k]) || (v.toldObjects.has(lk) && !r.rules.words.clauseOpeners.has(lk))) k++;
    else if (k > i + 1 && words[k - 1].lower.endsWith("'s") && !r.rules.words.clauseOpeners.has(lk)) k++; // "Iran's leaders"
    else break;
  }
  // "Analysts have warned the coalition's strikes might lead to escalation": no short object, but a clause whose
  // verb (an auxiliary) follows within the window; an object, if the clause opens with one, is the speaker's naming.
  if (k === i + 1) return auxiliaryAhead(r, i + 1) ? { cue: i, clause: i + 1, rule: 'V-ZERO' } : null;
  if (k >= n) return null;
  const c = words[k];
  // C-COLON: "told Al Mayadeen: The occupation forces will pay." — the object, a colon, a capital.
  if (c.colonBefore && !c.semiBefore && !c.markBefore && capitalised(text, c)) return { cue: i, clause: k, quoted: true, rule: 'C-COLON' };
  if (c.commaBefore || c.markBefore) return null;
  return r.rules.words.clauseOpeners.has(c.lower) || PRONOUN_OPENERS.has(c.lower) || namedSubjectClause(r, k) ? { cue: i, clause: k, rule: 'V-ZERO' } : null;
}

/** Words that make the words after an object verb a phrase of their own, not a clause: "warned Iran against …". */
const NOT_CLAUSE = new Set(['to', 'of', 'against', 'about', 'that', 'for', 'on', 'over']);

/**
 * A clause opens at j after an object verb: it starts with an article, pronoun or possessive and an auxiliary follows
 * within `object_that` words, with no comma, quotation, preposition of the verb or second article between.
 */
function auxiliaryAhead(r: Reading, j: number): boolean {
  const { words } = r;
  const first = words[j];
  if (!first || first.commaBefore || first.markBefore || !r.rules.words.clauseOpeners.has(first.lower) || AUXILIARIES.has(first.lower)) return false;
  for (let k = j + 1; k < words.length && k <= j + r.rules.windows.objectThat; k++) {
    // A second article means an object and then a clause ("told the prime minister the forces had left"): where
    // the clause starts is not known, so none is marked.
    if (words[k].commaBefore || words[k].markBefore || NOT_CLAUSE.has(words[k].lower) || DETERMINER_OPENERS.has(words[k].lower)) return false;
    if (AUXILIARIES.has(words[k].lower)) return k > j + 1 || !DETERMINER_OPENERS.has(first.lower);
  }
  return false;
}
/** Openers that need a noun before the verb: "the", "a" … ("warned the was" is no clause). */
const DETERMINER_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);

/** V-PASSIVE: is the reporting verb at i a passive of the outlet's own discourse ("it should be added that")? */
function isDiscoursePassive(r: Reading, i: number): boolean {
  const w = r.words[i].lower;
  if (r.rules.words.passiveReporting.has(w)) return false;
  const prev = r.words[i - 1]?.lower;
  return prev !== undefined && BE_FORMS.has(prev);
}

/**
 * V-DISCOURSE: "is to say that", "fair to say", "that is to say", "it is important to note that": an infinitive of a
 * reporting verb after "be" or a discourse adjective has no speaker but the outlet: its own discourse, not a report.
 */
function isDiscourseInfinitive(r: Reading, i: number): boolean {
  const { words } = r;
  const w = words[i].lower;
  if ((!SAY_FORMS.has(w) && !r.rules.words.reporting.has(w)) || words[i - 1]?.lower !== 'to') return false;
  const before = words[i - 2]?.lower;
  return before !== undefined && (BE_FORMS.has(before) || r.rules.words.discourseAdjectives.has(before));
}

/**
 * V-DISCOURSE with a gerund or a phrase: "it is worth mentioning that", "it is also worth noting that", "it is worth
 * pointing out that", "it is important to point out that": a form in -ing right after a discourse adjective, or an
 * infinitive after one, is the outlet's own aside, whether the verb is a reporting verb or the head of a reporting
 * phrase.
 */
function isDiscourseAside(r: Reading, i: number): boolean {
  const { words } = r;
  const prev = words[i - 1]?.lower;
  if (prev === undefined || words[i].commaBefore || words[i].markBefore) return false;
  if (words[i].lower.endsWith('ing') && r.rules.words.discourseAdjectives.has(prev)) return true;
  const before = words[i - 2]?.lower;
  return prev === 'to' && before !== undefined && !words[i - 1].commaBefore && r.rules.words.discourseAdjectives.has(before);
}

/** Words a bracketed aside among a reporting verb's adjuncts may hold ("(April 14)", "(local time)"). */
const BRACKET_ASIDE = 4;

/**
 * A clause with a named subject after a zero-"that" say-verb: "said Israel would not allow …", "says Hamas uses …".
 * Up to four capitalised words (with "of", "the", "al" inside), then a lowercase word that looks finite: an auxiliary
 * or a verb form in -s / -ed.
 */
function namedSubjectClause(r: Reading, j: number): boolean {
  const { words, text } = r;
  if (!capitalised(text, words[j])) return false;
  let k = j + 1;
  while (k < words.length && k <= j + 4 && !words[k].commaBefore && !words[k].markBefore
    && (capitalised(text, words[k]) || words[k].lower === 'of' || words[k].lower === 'al' || particleName(text, words[k]))) k++;
  // "said Kataeb Hezbollah – which is separate from the Lebanese Hezbollah – was behind …": a parenthetical between
  // dashes after the name is passed over; the verb follows the closing dash.
  const resumed = k > j && k < words.length
    ? Math.max(afterParenthetical(text, words, k, r.rules.windows.parenthetical), afterAppositive(r, k)) : -1;
  if (resumed > 0) {
    const v = words[resumed];
    return !capitalised(text, v) && (AUXILIARIES.has(v.lower) || finiteLooking(r, v.lower) || r.rules.words.irregularPast.has(v.lower));
  }
  // "said Israeli Air Forces (IAF) fighter jets attacked …": a bracketed acronym and up to two lowercase nouns may
  // stand between the name and its verb.
  const acronym = k < words.length && words[k].markBefore && isAcronym(text, words[k]);
  if (acronym) k++;
  let nouns = 0;
  while (k < words.length && nouns < 2 && !words[k].commaBefore && (!words[k].markBefore || (acronym && nouns === 0))
    && !capitalised(text, words[k]) && !AUXILIARIES.has(words[k].lower) && !finiteLooking(r, words[k].lower)
    && !(nouns > 0 && r.rules.words.irregularPast.has(words[k].lower))) {
    k++;
    nouns++;
  }
  const v = words[k];
  // "said Iran “must pay a very heavy price”": a quotation that opens with the name's auxiliary goes on with the
  // reported clause (voice 1.15.3); another word after a mark is no verb of the name's.
  const quotedAuxiliary = v !== undefined && v.markBefore && nouns === 0 && !acronym && AUXILIARIES.has(v.lower) && k > j
    && /[\u201C\u2018"']\s*$/.test(text.slice(words[k - 1].end, v.start));
  if (!v || v.commaBefore || (v.markBefore && nouns === 0 && !acronym && !quotedAuxiliary) || capitalised(text, v)) return false;
  // "said Israeli aircraft struck …": a past form without -ed after the subject's noun is its verb too.
  return AUXILIARIES.has(v.lower) || finiteLooking(r, v.lower) || (nouns > 0 && r.rules.words.irregularPast.has(v.lower));
}

/** A name after a short lowercase particle and a hyphen: "al-Saadi", "el-Sisi". */
function particleName(text: string, w: Word): boolean {
  const h = text.indexOf('-', w.start);
  return h > w.start && h <= w.start + 3 && h + 1 < w.end && /^[a-z]+$/.test(text.slice(w.start, h)) && /\p{Lu}/u.test(text[h + 1]);
}

/**
 * "said Hamas, the Islamist militant group which controls Gaza, fired the rocket": an appositive set off by commas
 * after the named subject, opening with an article or a relative word ("said al-Saadi, who was killed, was
 * responsible …"), of at most `windows.parenthetical` words. The index of the first
 * word after its closing comma, or -1.
 */
function afterAppositive(r: Reading, k: number): number {
  const { words } = r;
  if (!words[k].commaBefore || words[k].markBefore || !(APPOSITIVE_OPENERS.has(words[k].lower) || RELATIVE_APPOSITIVE.has(words[k].lower))) return -1;
  for (let m = k + 1; m < words.length && m <= k + r.rules.windows.parenthetical; m++) {
    if (words[m].markBefore || words[m].colonBefore) return -1;
    if (words[m].commaBefore) return m;
  }
  return -1;
}
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an']);
/** "said Abu Baqir al-Saadi, who was killed, was responsible …": a relative clause on the name, between commas. */
const RELATIVE_APPOSITIVE = new Set(['who', 'which']);

/**
 * Whether the say-verb at word i stands in a relative clause with a subject of its own: a relative word (which, that,
 * who, whom) one to `windows.relative_subject` words before the subject, no comma or quotation between.
 */
function relativeWithSubject(r: Reading, i: number): boolean {
  const { words } = r;
  for (let k = i - 1; k >= 0 && k >= i - 1 - r.rules.windows.relativeSubject; k--) {
    if (words[k + 1].commaBefore || words[k + 1].markBefore) return false;
    const w = words[k].lower;
    if (w === 'which' || w === 'that' || w === 'who' || w === 'whom') return k < i - 1;
  }
  return false;
}

/** Subject pronouns of a contact relative clause: "vessels they say have Israeli links". */
const CONTACT_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'we']);

/**
 * Whether the say-verb at word i stands in a relative clause on a noun of the sentence: "which/that/who the army
 * said" (a subject of its own, relativeWithSubject), a free relative "what they said", or a contact relative "ships it
 * says", "vessels they say" (a subject pronoun right after a lowercase plural noun that is no speech verb).
 */
function embeddedRelative(r: Reading, i: number): boolean {
  const { words } = r;
  if (relativeWithSubject(r, i)) return true;
  for (let k = i - 2; k >= 0 && k >= i - 1 - r.rules.windows.relativeSubject; k--) {
    if (words[k + 1].commaBefore || words[k + 1].markBefore) break;
    if (words[k].lower === 'what') return true;
  }
  return contactRelative(r, i);
}

/** "ships it says", "vessels they say": a subject pronoun right after a lowercase plural noun that is no speech verb. */
function contactRelative(r: Reading, i: number): boolean {
  const { words } = r;
  if (i < 2 || !CONTACT_SUBJECTS.has(words[i - 1].lower) || words[i - 1].commaBefore || words[i - 1].markBefore) return false;
  const noun = words[i - 2];
  const v = r.rules.words;
  return !capitalised(r.text, noun) && noun.lower.length >= 4 && noun.lower.endsWith('s') && !noun.lower.endsWith('ss')
    && !r.rules.words.notFinite.has(noun.lower) && !AUXILIARIES.has(noun.lower) && !v.reporting.has(noun.lower) && !v.tag.has(noun.lower)
    && !v.content.has(noun.lower) && !v.vow.has(noun.lower);
}

/** A lowercase word that looks like a finite verb: a form in -ed or -s that is not a known non-verb. */
function finiteLooking(r: Reading, w: string): boolean {
  return w.length >= 4 && !r.rules.words.notFinite.has(w) && (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss')));
}

function isAcronym(text: string, w: Word): boolean {
  const s = text.slice(w.start, w.end);
  return s.length >= 2 && s.length <= 6 && s === s.toUpperCase() && text[w.end] === ')';
}


/**
 * V-NOUN: a noun of speech with its own "that" clause: "an announcement by President Joe Biden on Sunday that
 * jihadists had killed …". Between the noun and "that" only the speaker (capitalised words after by/from/of) and the
 * date may stand; after "that" a clause must open (a subject, not a verb: "the allegation that surfaced" is a
 * relative clause).
 */
function nounClause(r: Reading, i: number): ForwardCue | null {
  const { words, text } = r;
  const n = words.length;
  for (let j = i + 1; j < n && j <= i + r.rules.windows.nounClause; j++) {
    const w = words[j];
    if (w.commaBefore || w.markBefore) return null;
    if (w.lower === 'that') {
      const c = words[j + 1];
      if (!c || c.commaBefore || AUXILIARIES.has(c.lower) || (finiteLooking(r, c.lower) && !capitalised(text, c) && !subjectBeforeVerb(r, j + 1))) return null;
      if (capitalised(text, c) || opensClause(r, j + 1) || subjectBeforeVerb(r, j + 1)) return { cue: i, clause: j + 1, rule: 'V-NOUN' };
      return null;
    }
    if (!r.rules.words.nounClauseLinks.has(w.lower) && !WEEKDAYS.has(w.lower) && !capitalised(text, w) && !isDigit(w.lower.charCodeAt(0))) return null;
  }
  return null;
}

/**
 * A bare lowercase plural noun followed by its verb opens a clause: "jihadists had killed", "said forces continued …",
 * "said militants attacked". Not a verb form itself ("said attacked") and not a word the rules know as a particle.
 */
function subjectBeforeVerb(r: Reading, k: number): boolean {
  // One plain lowercase adjective may stand before the noun: "said general outlines had been agreed".
  if (plainAdjective(r, k) && pluralThenVerb(r, k + 1)) return true;
  return pluralThenVerb(r, k);
}

/**
 * A bare lowercase plural subject and its verb (`subjectBeforeVerb`), or one modifier in -ed before the plural noun:
 * "armed militants tried", "wounded soldiers were". Used after a subordinating word (intent.ts finiteClauseAt).
 */
export function bareSubjectClause(r: Reading, k: number): boolean {
  if (subjectBeforeVerb(r, k)) return true;
  const w = r.words[k];
  const l = w?.lower ?? '';
  return w !== undefined && !capitalised(r.text, w) && l.length > 4 && l.endsWith('ed')
    && !r.rules.words.adjuncts.has(l) && !r.words[k + 1]?.commaBefore && !r.words[k + 1]?.markBefore && pluralThenVerb(r, k + 1);
}

/** A lowercase word that can only be a modifier here: no -s, -ly or -ed form, no word the rules know. */
export function plainAdjective(r: Reading, k: number): boolean {
  const w = r.words[k];
  if (!w || capitalised(r.text, w) || w.lower.length < 3) return false;
  const l = w.lower;
  const v = r.rules.words;
  return !l.endsWith('s') && !l.endsWith('ly') && !l.endsWith('ed') && !l.endsWith('ing') && !AUXILIARIES.has(l)
    && !r.rules.words.clauseOpeners.has(l) && !v.adjuncts.has(l) && !v.reporting.has(l) && !v.tag.has(l) && !WEEKDAYS.has(l)
    && !r.words[k + 1]?.commaBefore && !r.words[k + 1]?.markBefore;
}

/** Determiners that open a plural subject after any reporting verb (`pluralSubjectClause`). */
const PLURAL_DETERMINERS = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
/** Words after a finite verb in -ed that show its object: a determiner, a pronoun object or a number. */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'them', 'him', 'us', 'it']);

/**
 * A clause opens at k after any reporting verb: a determiner, at most one plain adjective, a plural noun and then an
 * auxiliary ("noted the attacks had endangered …") or a finite verb in -ed with its object right after it (a
 * determiner, a pronoun object, a number or a capitalised word that is no weekday: "noted the attacks endangered US
 * forces"). A participle with its agent or place ("the attacks launched by …", "the attacks carried out in …") has a
 * preposition there, so "reported the attacks launched by X" keeps its noun-phrase object (voice 1.15.4).
 */
function pluralSubjectClause(r: Reading, k: number): boolean {
  const { words, text } = r;
  const d = words[k];
  if (!d || d.commaBefore || d.markBefore || !PLURAL_DETERMINERS.has(d.lower)) return false;
  let m = k + 1;
  if (plainAdjective(r, m)) m++;
  if (!pluralThenVerb(r, m)) return false;
  const verb = words[m + 1];
  if (AUXILIARIES.has(verb.lower)) return true;
  const obj = words[m + 2];
  if (!obj || obj.commaBefore || obj.markBefore) return false;
  return OBJECT_OPENERS.has(obj.lower) || isDigit(obj.lower.charCodeAt(0)) || r.rules.words.numberWords.has(obj.lower)
    || (capitalised(text, obj) && !WEEKDAYS.has(obj.lower));
}

function pluralThenVerb(r: Reading, k: number): boolean {
  const w = r.words[k];
  const next = r.words[k + 1];
  if (!w || !next || next.commaBefore || next.markBefore || capitalised(r.text, w)) return false;
  if (w.lower.length < 4 || !w.lower.endsWith('s') || w.lower.endsWith('ss') || r.rules.words.notFinite.has(w.lower) || r.rules.words.adjuncts.has(w.lower)) return false;
  if (AUXILIARIES.has(next.lower) || (next.lower.length > 4 && next.lower.endsWith('ed') && !r.rules.words.notFinite.has(next.lower))) return true;
  // An irregular past with its object right after it: "said airstrikes hit more than 85 targets", "said rockets struck
  // the base" (session 23, batch au). A preposition there is a participle's ("weapons made in Iran"): no clause.
  const obj = r.words[k + 2];
  return r.rules.words.irregularPast.has(next.lower) && obj !== undefined && !obj.commaBefore && !obj.markBefore
    && (OBJECT_OPENERS.has(obj.lower) || QUANTITY_OPENERS.has(obj.lower) || r.rules.words.numberWords.has(obj.lower) || isDigit(obj.lower.charCodeAt(0)));
}

/** Quantity words that open an object after a verb: "hit more than 85 targets", "killed dozens of fighters". */
const QUANTITY_OPENERS = new Set(['more', 'dozens', 'hundreds', 'thousands', 'scores', 'several', 'some', 'many']);

/** Subjects that open a main clause after a fronted adverbial clause: an article, a possessive, a pronoun. */
const MAIN_SUBJECTS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it',
  'they', 'he', 'she', 'we']);

/**
 * S-FRONTED: where the main clause starts after a fronted adverbial clause whose report opens at `from`: the first comma
 * segment that opens with a subject (a capitalised word, an article, a possessive or a pronoun) and has its own finite
 * verb (an auxiliary, a form in -ed, an irregular past, a say-form); the part's length when there is none.
 */
export function mainClauseAfter(r: Reading, from: number): number {
  const { words, text } = r;
  const n = words.length;
  for (let k = from + 1; k < n; k++) {
    const w = words[k];
    if (!w.commaBefore || w.semiBefore || w.colonBefore || w.markBefore) continue;
    if (!capitalised(text, w) && !MAIN_SUBJECTS.has(w.lower)) continue;
    for (let m = k + 1; m < n && !words[m].commaBefore; m++) {
      const lm = words[m].lower;
      if (AUXILIARIES.has(lm) || SAY_FORMS.has(lm) || pastForm(r, lm)) return k;
    }
  }
  return n;
}

/** A weekday or a word of time: either ends an adjunct before a clause (V-ZERO). */
function dayOrTime(w: string): boolean {
  return WEEKDAYS.has(w) || TIME_WORDS.has(w);
}

