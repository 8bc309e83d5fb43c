/**
 * Speech tags (docs/voice.md, family T): a comma segment that is a short subject and a tag verb, trailing or
 * parenthetical ("…, a US military official said.", "…, he added.", "…, the official said, were …") (T-TRAIL), or
 * inverted ("…, said the spokesman.") (T-INVERT). "told" skips its object ("…, a commander told Reuters."), "read"
 * needs a document noun ("…, the statement read.").
 */
import type { VoiceRules } from '../../lexicon/voice-rules.js';
import { AUXILIARIES, BE_FORMS, DETERMINERS, NOT_TAG_START, RELATIVE, WEEKDAYS } from './grammar.js';
import { insideAny } from './spans.js';
import { capitalised, isTitleCaseHeadline, scanWords, type Reading } from './words.js';

/** Skips the object of "told" in a tag ("told Reuters", "told state television"); returns the first word after it. */
function skipToldObject(r: Reading, from: number, b: number): number {
  const { words, text } = r;
  const v = r.rules.words;
  let k = from;
  while (k < b && k < from + r.rules.windows.object + 1 && !v.adjuncts.has(words[k].lower)
    && (v.toldObjects.has(words[k].lower) || capitalised(text, words[k]))) k++;
  return k;
}

/**
 * Whether the comma segment words[a, b) is a speech tag ("he added", "a US military official said on Monday", "said
 * the official"): its rule id, or null.
 */
export function isSpeechTag(r: Reading, a: number, b: number): 'T-TRAIL' | 'T-INVERT' | null {
  const { words, text } = r;
  const v = r.rules.words;
  const win = r.rules.windows;
  if (b - a < 1 || NOT_TAG_START.has(words[a].lower)) return null;
  const isRead = (w: string): boolean => w === 'read' || w === 'reads';
  // T-INVERT: "said the spokesman", "added Singh": a determiner or a capitalised name after the verb.
  // "…, report says", "…, reports say": a tag word followed by a tag verb is the subject noun ("report"), not an
  // inverted verb; T-TRAIL below reads it (session 23, batch au).
  const nounThenTag = a + 1 < b && v.tag.has(words[a + 1].lower);
  if (v.tag.has(words[a].lower) && !v.objectVerbs.has(words[a].lower) && !nounThenTag) {
    // A speaker phrase that ends the sentence may carry its of-phrase and name ("…, says the secretary general of
    // Iraqi resistance group Harakat Hezbollah al-Nujaba."): up to tag_subject + tag_adjunct words.
    const longest = b >= words.length ? win.tagSubject + win.tagAdjunct : win.tagSubject;
    if (b - a < 2 || b - a - 1 > longest) return null;
    for (let k = a + 1; k < b; k++) {
      const lk = words[k].lower;
      // "…, said the report": a reporting word right after a determiner is the speaker noun (session 23, batch au).
      if ((v.reporting.has(lk) && !DETERMINERS.has(words[k - 1].lower)) || lk === 'that' || AUXILIARIES.has(lk)) return null; // a clause, not a subject
    }
    const subj = words[a + 1];
    if (isRead(words[a].lower) && !v.documentNouns.has(words[b - 1].lower)) return null;
    if (!DETERMINERS.has(subj.lower) && !capitalised(text, subj)) return null;
    // A title-case headline hides its verbs in capitals ("Trump to Grant Israel West Bank and Gaza, Says Houthi"):
    // its ", Says X" is a tag whatever stands before it.
    return onlySubjectBefore(r, a) && !isTitleCaseHeadline(r) ? null : 'T-INVERT';
  }
  // T-TRAIL: subject, verb, then at most a short adjunct. A sentence-final segment after nothing but a fronted
  // adverbial clause is the sentence's main clause, not a tag: "After Israel intercepted …, the rebels announced
  // further actions." has no statement before the verb to report.
  // "…, must continue to turn in his grave": a segment opened by an auxiliary has no subject, so it is no tag.
  if (AUXILIARIES.has(words[a].lower)) return null;
  if (b >= words.length && a > 0 && FRONTED_CLAUSE.has(words[0].lower) && !words.slice(1, a).some((w) => w.commaBefore)) return null;
  // A subject that is all one name with its titles ("Israel Defense Forces Chief of Staff Lt. Gen. Herzl Halevi") may
  // run to tag_subject + tag_adjunct words: capitalised words and the connectives of a title.
  let titled = a;
  while (titled < b && titled - a < win.tagSubject + win.tagAdjunct && !words[titled].markBefore
    && (capitalised(text, words[titled]) || (titled > a && TITLE_CONNECTIVES.has(words[titled].lower)))) titled++;
  const subjectMax = Math.max(win.tagSubject, titled - a);
  // The verb may follow an auxiliary after a subject of the longest size: "…, Prime Cabinet Secretary and Foreign and
  // Diaspora Affairs Cabinet Secretary Musalia Mudavadi has assured." (session 23, batch at).
  for (let t = a + 1; t < b && t - a <= subjectMax + 1; t++) {
    const lt = words[t].lower;
    if (!v.tag.has(lt) || (t - a > subjectMax && !AUXILIARIES.has(words[t - 1].lower))) continue;
    // "…, a report said": the noun "report" before its verb is the subject (session 23, batch au).
    if (t + 1 < b && v.tag.has(words[t + 1].lower)) continue;
    // "…, No Injuries Reported", "…, clashes reported": a noun of what happens is the subject of an agentless
    // passive, like "were reported", not a speaker.
    if (BE_FORMS.has(words[t - 1].lower) || v.happeningNouns.has(words[t - 1].lower)) return null;
    if (isRead(lt) && !v.documentNouns.has(words[t - 1].lower)) return null;
    // "Iranian officials have vowed to retaliate against Israel": "to" after a vow opens its infinitive (F-VOW), the
    // segment's own predicate, not a tag's adjunct (voice 1.15.2).
    if (v.vow.has(lt) && words[t + 1]?.lower === 'to' && t + 1 < b) return null;
    let k = t + 1;
    if (v.objectVerbs.has(lt)) k = skipToldObject(r, k, b);
    const after = b - k;
    if (after === 0) return 'T-TRAIL';
    // The adjunct may also be one that follows a tag ("…, Ynet reported over the weekend", "…, the army said after the
    // raid": after_tag_adjuncts, voice 1.15.2).
    if (!(v.adjuncts.has(words[k].lower) || WEEKDAYS.has(words[k].lower) || v.afterTagAdjuncts.has(words[k].lower))) return null;
    // "…, Cassis told the Keystone-SDA news agency at a press conference at the Olympic Games in Paris on Wednesday.":
    // a longer adjunct, up to `tag_adjunct_chain` words, when it opens with a preposition of the occasion and holds no
    // clause of its own (no auxiliary, relative word or conjunction; batch ag, dev).
    if (after > win.tagAdjunct) {
      if (after > win.tagAdjunctChain || !OCCASION_PREPOSITIONS.has(words[k].lower)) return null;
      for (let m = k; m < b; m++) if (AUXILIARIES.has(words[m].lower) || NOT_TAG_START.has(words[m].lower)) return null;
    }
    for (let m = k; m < b; m++) if (words[m].lower === 'that' || v.reporting.has(words[m].lower)) return null;
    return 'T-TRAIL';
  }
  return null;
}

/**
 * T-APPOSITIVE: a trailing tag whose speaker is set off by commas in two segments, the verb alone in the last one
 * (with at most a short adjunct): a noun phrase and its name ("…, a senior official, Osama Hamdan, said.", "…, the army
 * spokesman, Daniel Hagari, said on Sunday."), a name and its noun phrase ("…, Ambrey, a British security firm, said."),
 * or a noun phrase and a participle phrase ("…, a Lebanese security source, speaking on condition of anonymity,
 * said."). words[s1, s2) and words[s2, verb) are the speaker's segments, words[verb, b) the verb. The noun phrase has at
 * most tag_subject words, opens with a determiner, a capitalised word or a speaker noun (after a name: a determiner),
 * ends in a lowercase word and holds no verb; a name is one to four capitalised words (session 23, batch at: an AP
 * copy's "…, the group’s top political leader Ismail Haniyeh and a senior Beirut-based official, Osama Hamdan, said.").
 */
export function appositiveTag(r: Reading, s1: number, s2: number, verb: number, b: number): boolean {
  const { words, text } = r;
  const v = r.rules.words;
  if (s1 <= 0 || !(s1 < s2 && s2 < verb && verb < b) || !bareTagVerb(r, verb, b)) return false;
  const isName = (a: number, z: number): boolean => {
    if (z - a > 4) return false;
    for (let k = a; k < z; k++) if (words[k].markBefore || !capitalised(text, words[k])) return false;
    return true;
  };
  const isNounPhrase = (a: number, z: number, determiner: boolean): boolean => {
    const first = words[a].lower;
    if (z - a > r.rules.windows.tagSubject || NOT_TAG_START.has(first) || capitalised(text, words[z - 1])) return false;
    if (!(DETERMINERS.has(first) || (!determiner && (capitalised(text, words[a]) || v.speakerNouns.has(first))))) return false;
    for (let k = a; k < z; k++) {
      const lk = words[k].lower;
      if (words[k].markBefore || AUXILIARIES.has(lk) || v.reporting.has(lk) || v.tag.has(lk) || RELATIVE.has(lk)) return false;
    }
    return true;
  };
  const isParticiplePhrase = (a: number, z: number): boolean => {
    const first = words[a].lower;
    if (z - a > r.rules.windows.tagAdjunctChain || !first.endsWith('ing') || first.length <= 4 || v.tag.has(first)) return false;
    for (let k = a; k < z; k++) if (words[k].markBefore || AUXILIARIES.has(words[k].lower) || words[k].lower === 'that') return false;
    return true;
  };
  return (isNounPhrase(s1, s2, false) && (isName(s2, verb) || isParticiplePhrase(s2, verb)))
    || (isName(s1, s2) && isNounPhrase(s2, verb, true));
}

/** A comma segment of a tag verb alone, or with the object of "told" and a short adjunct ("said", "said on Friday"). */
function bareTagVerb(r: Reading, verb: number, b: number): boolean {
  const { words } = r;
  const v = r.rules.words;
  const win = r.rules.windows;
  const lv = words[verb].lower;
  if (!v.tag.has(lv) || lv === 'read' || lv === 'reads') return false;
  const k = v.objectVerbs.has(lv) ? skipToldObject(r, verb + 1, b) : verb + 1;
  const after = b - k;
  if (after === 0) return true;
  if (!(v.adjuncts.has(words[k].lower) || WEEKDAYS.has(words[k].lower) || v.afterTagAdjuncts.has(words[k].lower))) return false;
  if (after > win.tagAdjunct && (after > win.tagAdjunctChain || !OCCASION_PREPOSITIONS.has(words[k].lower))) return false;
  for (let m = k; m < b; m++) {
    const lm = words[m].lower;
    if (lm === 'that' || v.reporting.has(lm) || AUXILIARIES.has(lm) || NOT_TAG_START.has(lm) && m > k) return false;
  }
  return true;
}

/** Prepositions that open an adjunct of the occasion after a tag verb ("… told reporters at a briefing in Doha …"). */
const OCCASION_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'in', 'on', 'during']);

/** Words that join the parts of an official's title and name ("Chief of Staff", "Minister for the Economy"). */
const TITLE_CONNECTIVES = new Set(['of', 'the', 'for', 'and']);

/** Subordinators that open a fronted adverbial clause. */
export const FRONTED_CLAUSE = new Set(['after', 'when', 'as', 'since', 'while', 'before', 'once', 'although', 'though', 'because', 'until']);

/**
 * T-INVERT needs a clause before it. When all that stands before the verb is a short noun phrase and appositives on
 * it ("The Yemeni channel Al-Masirah, affiliated with the Houthi rebel group, reported a strike …"), the verb is the
 * sentence's main verb and what follows is its object, not a speaker: no tag. The first segment is a noun phrase when
 * it has no auxiliary, no speech verb and no finite-looking word in -ed; each later segment must open an appositive
 * (a participle, an adverb in -ly or "also" before one: "widely known as …", a relative word, an article or "one of").
 */
export function onlySubjectBefore(r: Reading, tagStart: number): boolean {
  const { words } = r;
  const v = r.rules.words;
  let k = 0;
  for (; k < tagStart && (k === 0 || !words[k].commaBefore); k++) {
    const lk = words[k].lower;
    // A quotation before the verb is what the tag reports ("\"Fire awaits the occupiers,\" says Iraqi militia").
    if (insideAny(r.quoted, words[k].start)) return false;
    if (k >= r.rules.windows.tagSubject || AUXILIARIES.has(lk) || v.reporting.has(lk) || v.tag.has(lk)) return false;
    // "The Red Cross, …": a word of three letters in -ed ("red", "bed") is no past form.
    if (lk.endsWith('ed') && lk.length > 3 && !v.notFinite.has(lk)) return false;
  }
  const participle = (w: string): boolean => v.notFinite.has(w) || w.endsWith('ed') || w.endsWith('ing');
  while (k < tagStart) {
    let lk = words[k].lower;
    // "widely known as Wisma Putra", "also known as …": an adverb before the participle opens the appositive with it.
    const next = words[k + 1];
    if ((lk.endsWith('ly') || lk === 'also') && next && k + 1 < tagStart && !next.commaBefore && participle(next.lower)) lk = words[++k].lower;
    // "one of the powerful subgroups of …" opens an appositive as an article does (gold README C-ANNOUNCE, seed 003).
    const oneOf = lk === 'one' && words[k + 1]?.lower === 'of' && !words[k + 1].commaBefore;
    if (!(participle(lk) || RELATIVE.has(lk) || lk === 'a' || lk === 'an' || lk === 'the' || oneOf)) return false;
    k++;
    while (k < tagStart && !words[k].commaBefore) k++;
  }
  return true;
}

/** Whether the comma segment starting at word a (ending at the next comma or the unit end) is a speech tag. */
export function inSpeechTag(r: Reading, a: number): boolean {
  const { words } = r;
  const max = a + r.rules.windows.tagSubject + r.rules.windows.tagAdjunct + 2;
  let b = a + 1;
  while (b < words.length && b <= max && !words[b].commaBefore) b++;
  return b <= max && isSpeechTag(r, a, b) !== null;
}

/**
 * Whether text[start, end) contains a reporting cue word (a tag verb form, "according to", a document noun).
 * Used as evidence that a paragraph is reported speech (quotes.ts, lost opening marks).
 */
export function containsReportingCue(text: string, start: number, end: number, rules: VoiceRules): boolean {
  const words = scanWords(text, start, end);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    if (rules.words.tag.has(w) || w === 'statement' || (w === 'according' && words[i + 1]?.lower === 'to')) return true;
  }
  return false;
}
