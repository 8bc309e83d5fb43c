/**
 * Naming and judging verbs (docs/voice.md, family F): "described X as Y" (F-AS), "condemned X" (F-CONDEMN),
 * "called X Y" (F-CALL), "blamed X for Y" / "demanded X" (F-BLAME), "accused X of Y" (F-ACCUSE), "is considered Y by
 * Z" (F-PASSIVE), "insisted on X", "warned of X" (F-INSIST).
 *
 * Convention O-OBJECT: the object of these verbs is the speaker's naming, so it is attributed with the
 * characterisation; a pronoun object names nothing and stays author, and so does an appositive the outlet sets off by
 * commas to gloss the object ("accused Kataeb Hezbollah, another pro-Iranian group, of …").
 */
import type { ForwardCue } from './forward.js';
import { occasion } from './intent.js';
import { ARTICLES, AUXILIARIES, BE_FORMS, DETERMINERS, OBJECT_PRONOUNS, RELATIVE } from './grammar.js';
import { insideAny } from './spans.js';
import { capitalised, negatedAt, segmentEnd, type Reading } from './words.js';
import { phraseEnd } from './that-clause.js';
import { FRONTED_CLAUSE } from './tags.js';

/**
 * The framing cue at word i: a cue, null when the word is a framing verb without its frame (no cue at all), or
 * undefined when the word is none of this family's.
 */
export function framingCue(r: Reading, i: number): ForwardCue | null | undefined {
  const { words } = r;
  const v = r.rules.words;
  const win = r.rules.windows;
  const n = words.length;
  const w = words[i].lower;
  // The complement ends where the outlet's account of the occasion starts: "calls for restraint after U.S. military
  // striking targets" (`vow_clause_end`, as F-VOW and F-DIRECT).
  if (i + 2 < n && !words[i + 1].commaBefore && v.prepositional.has(`${w} ${words[i + 1].lower}`)) {
    // After an article the form is a noun, not the verb: "the warning of the danger in an area where …", "a call for
    // calm" name an act in the outlet's sentence and report no speaker's words (voice 1.13.0).
    if (nounAfterArticle(r, i)) return null;
    // "has refused to call for a permanent ceasefire", "did not warn of …", "never insisted on …": a demand or warning
    // not made reports nobody's words, as a claim or a naming not made does (F-CLAIM, F-CALL; session 23, batch ar).
    if (negatedAt(r, i)) return null;
    return { cue: i, clause: i + 2, end: occasion(r, i + 3), rule: 'F-INSIST' };
  }
  // F-INSIST after a reporting phrase and a preposition (`phrase_prepositions`): "expressed concern about attacks on
  // X", "voiced its fears over X" report their complement as "warned of X" does. (With "that" after it the phrase
  // reports a clause instead: V-THAT.)
  const phrase = phraseEnd(r, i);
  if (phrase > 0 && phrase + 2 < n && !words[phrase + 1].commaBefore && !words[phrase + 1].markBefore
    && v.phrasePrepositions.has(words[phrase + 1].lower) && !nounAfterArticle(r, i)) {
    if (negatedAt(r, i)) return null;
    return { cue: i, clause: phrase + 2, end: occasion(r, phrase + 3), rule: 'F-INSIST' };
  }
  // F-INSIST with a short object between the verb and its preposition: "warned Iran against attacking Israel",
  // "warned Washington of a harsh response". The object is the speaker's naming, as with "accused X of" (O-OBJECT).
  if (v.objectVerbs.has(w) && i + 3 < n) {
    for (let k = i + 2; k < n - 1 && k <= i + 1 + win.object; k++) {
      if (words[k].commaBefore || words[k].markBefore || v.reporting.has(words[k].lower) || words[k].lower === 'that') break;
      if (!v.prepositional.has(`${w} ${words[k].lower}`)) continue;
      return { cue: i, clause: pronounAt(r, i + 1) ? k + 1 : i + 1, rule: 'F-INSIST' };
    }
  }
  // "has not accused Iran of having a role …", "never condemned the attack": a judgement not made reports nobody's
  // words, as a claim not made (F-CLAIM); the object is the outlet's naming. So is a naming not made: "stopped short
  // of identifying the two men as combatants", "refused to label the group as terrorists", "did not call them
  // occupiers" (F-AS, F-CALL; session 21).
  if ((v.accuse.has(w) || v.condemn.has(w) || v.blame.has(w) || v.asVerbs.has(w) || v.call.has(w)) && negatedAt(r, i)) return null;
  if (v.accuse.has(w)) {
    for (let j = i + 1; j < n && j <= i + win.accuse; j++) {
      if (words[j].lower !== 'of' || j + 1 >= n) continue;
      let glossed = false;
      for (let k = i + 1; k <= j; k++) if (words[k].commaBefore) glossed = true;
      const object = !glossed && i + 1 < j && !pronounAt(r, i + 1);
      return { cue: i, clause: object ? i + 1 : j + 1, end: accusationEnd(r, j + 1), rule: 'F-ACCUSE' };
    }
    return null;
  }
  const prev = words[i - 1]?.lower;
  // "Hamas, considered a terrorist group by Israel, seized …": a participle of framing that opens an appositive is a
  // reduced passive; with its agent it is the agent's framing, as after "is" (F-PASSIVE).
  if (words[i].commaBefore && w.endsWith('ed') && v.passiveFraming.has(w)) {
    const reduced = passiveFrame(r, i, i + 1);
    if (reduced) return reduced;
  }
  // F-PASSIVE: passive framing needs its agent: "is considered a terrorist organization by the United States" (the
  // agent's framing, up to "by"); without one ("are seen as a response") it is the outlet's own hedge.
  if (prev !== undefined && BE_FORMS.has(prev) && (v.passiveFraming.has(w) || v.call.has(w))) {
    // The agent may come first: "was described by the US as an assault on a small US base".
    if (words[i + 1]?.lower === 'by') {
      for (let j = i + 3; j < n && j <= i + 2 + win.passiveBy; j++) {
        if (words[j].commaBefore) break;
        if (words[j].lower === 'as' && j + 1 < n) return { cue: i, clause: j + 1, end: boundedEnd(r, j + 1, win.clause), rule: 'F-PASSIVE' };
      }
    }
    return passiveFrame(r, i, words[i + 1]?.lower === 'as' ? i + 2 : i + 1);
  }
  if (v.asVerbs.has(w)) {
    // A participle right before "as" is a reduced passive ("the injuries classified as 'non-serious' by the
    // Pentagon"): like F-PASSIVE, it is the agent's framing only when the agent is named.
    if (words[i + 1]?.lower === 'as' && w.endsWith('ed')) return passiveFrame(r, i, i + 2);
    let reach = i + win.as;
    // "want to see it continue until Hezbollah has been eliminated as a threat": a subordinator and an auxiliary after
    // it open a clause of their own, whose verb takes the "as"; the as-verb's window ends there (voice 1.15.2).
    let subordinate = false;
    for (let j = i + 1; j < n && j <= reach; j++) {
      if (FRONTED_CLAUSE.has(words[j].lower) && words[j].lower !== 'as') subordinate = true;
      else if (subordinate && AUXILIARIES.has(words[j].lower)) break;
      // ", as the death toll rose": "as" after a comma opens a clause of the outlet's, not the characterisation.
      // An additive parenthetical set off by commas inside the object adds to the object and does not end it: "view
      // the American government, along with Israel, as …" (voice 1.13.0); "as" must follow its closing comma, and
      // the parenthetical's words (at most `windows.as`) do not count against the object's window.
      if (words[j].commaBefore) {
        const close = j > i + 1 && words[j].lower !== 'as' ? additiveParentheticalEnd(r, j, j + win.as) : -1;
        if (close < 0 || words[close].lower !== 'as') break;
        reach += close - j;
        j = close;
      }
      if (words[j].lower === 'as' && j + 1 < n) {
        // "condemned the strikes as well as the siege", "as soon as", "as long as": a conjunction, not the
        // characterisation; the verb's object goes on (F-CONDEMN below) or there is none.
        if (j + 2 < n && v.asAs.has(words[j + 1].lower) && words[j + 2].lower === 'as') break;
        const object = i + 1 < j && !pronounAt(r, i + 1) && !words[i + 1].commaBefore;
        return { cue: i, clause: object ? i + 1 : j + 1, end: relativeGloss(r, j + 1), rule: 'F-AS' };
      }
    }
    if (v.condemn.has(w) && i + 1 < n && !words[i + 1].commaBefore && !pronounAt(r, i + 1)) {
      return { cue: i, clause: i + 1, end: boundedEnd(r, i + 1, win.clause), rule: 'F-CONDEMN' };
    }
    // "branded the troops 'occupiers'": a naming verb without "as" names like "called" (F-CALL).
    if (!v.call.has(w)) return null;
  } else if (v.condemn.has(w) && i + 1 < n && !words[i + 1].commaBefore && !pronounAt(r, i + 1)) {
    return { cue: i, clause: i + 1, end: boundedEnd(r, i + 1, win.clause), rule: 'F-CONDEMN' };
  }
  const next = words[i + 1];
  if (v.call.has(w) && next?.lower !== 'on' && next?.lower !== 'upon') {
    // "To call it 'resistance' is to say …": a sentence-initial infinitive is hypothetical, not a report.
    const hypothetical = prev === 'to' && i === 1;
    // "the label has stuck", "the “Islamic Resistance in Iraq” brand declared": after a determiner or right after a
    // quotation the word is a noun.
    const noun = prev !== undefined && (DETERMINERS.has(prev) || words[i].markBefore);
    if (!next || next.commaBefore || v.callParticles.has(next.lower) || hypothetical || noun || namesAThing(r, i)) return null;
    return { cue: i, clause: i + 1, end: boundedEnd(r, i + 1, win.call), rule: 'F-CALL' };
  }
  // "holds this Iranian-aligned group responsible for an attack", "held the coalition accountable": blame with a
  // verb of holding and a word of responsibility after its object, no punctuation between (F-BLAME, O-OBJECT).
  if (v.responsibilityVerbs.has(w) && next && !next.commaBefore && !pronounAt(r, i + 1)) {
    for (let j = i + 2; j < n && j <= i + win.accuse; j++) {
      if (words[j].commaBefore || words[j].markBefore) break;
      if (v.responsibilityWords.has(words[j].lower)) return { cue: i, clause: i + 1, end: boundedEnd(r, i + 1, win.clause), rule: 'F-BLAME' };
    }
    return undefined;
  }
  if ((v.blame.has(w) || v.demand.has(w)) && next && !next.commaBefore && !pronounAt(r, i + 1)) {
    // "an airstrike attributed to Israel", "an attack in Tehran, blamed on Israel": a participle with its preposition
    // and no object is a passive, and like F-PASSIVE it is someone's naming only when its agent is named ("was
    // attributed to Israel by Iran"); without one nobody else chose the words.
    // Not after a relative word with a subject of its own: "which the administration attributed to the umbrella group".
    if (v.blame.has(w) && w.endsWith('ed') && PASSIVE_BLAME_PREPOSITIONS.has(next.lower) && !activeAfterRelative(r, i)) return passiveFrame(r, i, i + 1);
    // The agent may come first: "attacks on shipping, attributed by the militants to supporting Hamas" — the agent
    // is the outlet's naming of the speaker; what it blames follows the preposition (F-PASSIVE).
    if (v.blame.has(w) && w.endsWith('ed') && next.lower === 'by' && !activeAfterRelative(r, i)) {
      for (let j = i + 3; j < n - 1 && j <= i + 2 + win.passiveBy; j++) {
        if (words[j].commaBefore || words[j].markBefore) break;
        if (PASSIVE_BLAME_PREPOSITIONS.has(words[j].lower)) return { cue: i, clause: j + 1, end: boundedEnd(r, j + 1, win.clause), rule: 'F-PASSIVE' };
      }
    }
    if (v.demand.has(w) && next.lower === 'that') return { cue: i, clause: i + 2, rule: 'F-BLAME' };
    // "is facing increasing demands to strike Iran after …": a demand's form in -s after an article, a determiner or
    // a modifier in -ing is a plural noun, the outlet's naming of an act, and reports nobody's words (as F-INSIST
    // reads "a call for"; voice 1.15.3).
    if (v.demand.has(w) && w.endsWith('s') && i > 0 && !words[i].commaBefore
      && (DETERMINERS.has(words[i - 1].lower) || (words[i - 1].lower.length > 4 && words[i - 1].lower.endsWith('ing')))) return null;
    // The same for the singular and for "blame" and its kin: after an article, a determiner, a demonstrative or a
    // possessive the word is a noun, the subject or object of the outlet's sentence ("In all, the demand meant 1.2
    // million Palestinians would …", "Israel's demand left them …", "the blame lies with the militias"; session 22).
    if (!w.endsWith('ed') && !w.endsWith('ing') && i > 0 && !words[i].commaBefore && nounDeterminer(words[i - 1].lower)) return null;
    return { cue: i, clause: i + 1, end: boundedEnd(r, i + 1, win.clause), rule: 'F-BLAME' };
  }
  return undefined;
}

/**
 * When the comma segment opening at word j is an additive parenthetical ("along with Israel") closed by a comma
 * before word limit, the index of the word after its closing comma; otherwise -1 (F-AS).
 */
function additiveParentheticalEnd(r: Reading, j: number, limit: number): number {
  const { words } = r;
  const first = words[j].lower;
  const two = j + 1 < words.length ? `${first} ${words[j + 1].lower}` : first;
  if (!r.rules.words.additiveOpeners.has(two) && !r.rules.words.additiveOpeners.has(first)) return -1;
  for (let k = j + 1; k < words.length && k <= limit; k++) {
    if (words[k].markBefore) return -1;
    if (words[k].commaBefore) return k;
  }
  return -1;
}

/**
 * Whether the verb at word i has a subject of its own after a relative word ("which the administration attributed
 * to …"): a relative word at most `windows.framing_relative_subject` words back, with no comma and no form of "be" between.
 * Auxiliaries right before the verb belong to it, not to the subject, and are not counted, nor an adverb after one:
 * "which the Biden administration has blamed on …", "that Washington had long attributed to …" (voice 1.15.1).
 */
function activeAfterRelative(r: Reading, i: number): boolean {
  const { words } = r;
  if (i > 0 && BE_FORMS.has(words[i - 1].lower)) return false;
  let verb = i;
  const adverb = (w: string): boolean => w.endsWith('ly') || VERB_ADVERBS.has(w);
  while (verb > 0 && !words[verb].commaBefore && !BE_FORMS.has(words[verb - 1].lower)
    && (AUXILIARIES.has(words[verb - 1].lower) || (adverb(words[verb - 1].lower) && verb - 1 > 0 && AUXILIARIES.has(words[verb - 2].lower)))) verb--;
  for (let k = verb - 1; k >= 0 && k >= verb - r.rules.windows.framingRelativeSubject; k--) {
    if (words[k + 1].commaBefore) return false;
    if (RELATIVE.has(words[k].lower)) return k < verb - 1;
  }
  return false;
}

/**
 * The characterisation after "as" ends where a relative clause set off by a comma begins ("see themselves as part of
 * the axis against Israel, which also includes other Iranian-backed groups such as Hamas"): the relative clause glosses
 * the characterisation for the outlet's readers, as a relative clause after a comma ends a directive's demand
 * (F-DIRECT; voice 1.15.1). The index of that relative word, or undefined (to the end of the part).
 */
function relativeGloss(r: Reading, from: number): number | undefined {
  const { words } = r;
  for (let k = from + 1; k < words.length; k++) {
    if (words[k].colonBefore) return undefined;
    if (words[k].commaBefore && RELATIVE_GLOSS.has(words[k].lower) && !insideAny(r.quoted, words[k].start)) return k;
  }
  return undefined;
}

/** Relative words that open a gloss after a comma: "…, which also includes …", "…, who lead the group". */
const RELATIVE_GLOSS = new Set(['which', 'who', 'whose', 'whom']);

/** Adverbs that stand between an auxiliary and its verb: "had long attributed", "has also blamed" (besides forms in -ly). */
const VERB_ADVERBS = new Set(['also', 'already', 'long', 'since']);

/** Prepositions that a blame verb's passive participle takes before the one blamed: "blamed on", "attributed to". */
const PASSIVE_BLAME_PREPOSITIONS = new Set(['on', 'to']);

/** Pronouns that are also determiners: "blamed this group", "condemned these attacks" name what the noun names. */
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'which', 'what']);

/**
 * Whether the object at word k is a pronoun, which names nothing (O-OBJECT): "blamed them", "described it as". A
 * demonstrative is a pronoun only when no noun follows it in the phrase ("blamed this for …"; not "blamed this
 * Iranian-aligned group for …").
 */
/**
 * Whether the form at word i is a noun because an article stands before it: right before it ("the warning of", "a call
 * for"), or an indefinite article with one or two lowercase modifiers between ("issued a veiled warning of …", "a
 * stern final warning of …": voice 1.15.3). The modifiers are no verbs of speech, auxiliaries or names and no comma or
 * quotation mark stands among them; "the" keeps only the adjacent reading ("with the group warning of …" is a verb).
 */
function nounAfterArticle(r: Reading, i: number): boolean {
  const { words, text } = r;
  if (i > 0 && ARTICLES.has(words[i - 1].lower)) return true;
  for (let gap = 1; gap <= 2; gap++) {
    const a = i - 1 - gap;
    if (a < 0) return false;
    const m = words[a + gap];
    if (m.commaBefore || m.markBefore || capitalised(text, m) || AUXILIARIES.has(m.lower) || r.rules.words.reporting.has(m.lower)) return false;
    if (words[i].commaBefore || words[i].markBefore) return false;
    if (words[a].lower === 'a' || words[a].lower === 'an') return true;
  }
  return false;
}

function pronounAt(r: Reading, k: number): boolean {
  const w = r.words[k];
  if (!w || !OBJECT_PRONOUNS.has(w.lower)) return false;
  if (!DEMONSTRATIVES.has(w.lower)) return true;
  const after = r.words[k + 1];
  return !after || after.commaBefore || after.markBefore || NOT_NOUN_AFTER.has(after.lower) || r.rules.words.responsibilityWords.has(after.lower);
}
/** Words after a demonstrative that show it stood alone: "blamed this on", "described that as". */
const NOT_NOUN_AFTER = new Set(['as', 'for', 'on', 'of', 'to', 'with', 'in', 'by', 'and', 'or', 'is', 'was', 'will', 'would']);

/** Words after a name that show the name was the whole complement: "a hub called Tower 22 that serves …". */
const AFTER_NAME = new Set(['that', 'which', 'who', 'where', 'in', 'on', 'at', 'near', 'outside', 'inside', 'of', 'and', 'by', 'with', 'for', 'from',
  // "a nation called Palestine amidst hollow agreements" (dev-m): any preposition ends the name as "in" does.
  'amid', 'amidst', 'during', 'under', 'against', 'across', 'after', 'before', 'since', 'into', 'through', 'throughout']);

/**
 * "a small U.S. logistics hub called Tower 22 that serves …", "an operation named True Promise": a naming
 * participle right after a lowercase noun, with only a name after it (capitalised words or numbers, then the end, a
 * comma, a relative word or a preposition), names a thing for the outlet's readers; no speaker names anyone.
 */
function namesAThing(r: Reading, i: number): boolean {
  const { words, text } = r;
  const prev = words[i - 1];
  if (!prev || words[i].commaBefore || !words[i].lower.endsWith('ed') || isUpperAt(text, prev.start)) return false;
  let k = i + 1;
  const max = i + 1 + r.rules.windows.call;
  while (k < words.length && k < max && !words[k].commaBefore && (isUpperAt(text, words[k].start) || isDigitAt(text, words[k].start))) k++;
  // A participle after the name ends it too: "the operation dubbed “True Promise” initiated by …" (voice 1.15.1).
  const participle = k < words.length && words[k].lower.length > 4 && words[k].lower.endsWith('ed');
  return k > i + 1 && (k === words.length || words[k].commaBefore || AFTER_NAME.has(words[k].lower) || participle);
}
const isUpperAt = (text: string, at: number): boolean => { const c = text.charCodeAt(at); return c >= 65 && c <= 90; };
const isDigitAt = (text: string, at: number): boolean => { const c = text.charCodeAt(at); return c >= 48 && c <= 57; };

/** F-PASSIVE: the frame words[start, by) when "by" and its agent follow within the window, else no cue. */
function passiveFrame(r: Reading, i: number, start: number): ForwardCue | null {
  const { words } = r;
  for (let j = start + 1; j < words.length && j <= start + r.rules.windows.passiveBy; j++) {
    if (words[j].commaBefore) break;
    if (words[j].lower === 'by') return start < j ? { cue: i, clause: start, end: j, rule: 'F-PASSIVE' } : null;
  }
  return null;
}

/**
 * End of a bounded clause that starts at word `from`: the comma segment, at most `max` words, cut before a
 * coordinated verb phrase ("called it 'a massacre' and said …": at "and" or "but" outside quotations) or another
 * reporting verb.
 */
export function boundedEnd(r: Reading, from: number, max: number): number {
  const { words } = r;
  const v = r.rules.words;
  const segment = segmentEnd(words, from);
  const end = Math.min(segment < from + max ? seriesEnd(r, segment, from + max) : segment, from + max);
  for (let k = from + 1; k < end; k++) {
    const lk = words[k].lower;
    if (insideAny(r.quoted, words[k].start)) continue;
    if (v.reporting.has(lk) || v.accuse.has(lk)) return k;
    if ((lk === 'and' || lk === 'but') && k + 1 < words.length && verbLike(r, words[k + 1].lower)) return k;
  }
  return end;
}

/**
 * "emphasizing their objective to defend American interests, safeguard freedom of navigation, and deter ongoing
 * aggression", "condemned the strike on the convoy, the siege of Gaza, and the killing of civilians": a comma that
 * separates the items of a series does not end the object. At word e (after a comma) a series goes on when one short
 * middle item or more follow, then a last item opened by "and"/"or" that ends the part, every item opening like the
 * others (all with a determiner, or none), with no auxiliary, speech verb, relative word or quotation mark in it.
 * Returns the end of the series, or e when there is none.
 */
function seriesEnd(r: Reading, e: number, limit: number): number {
  const { words } = r;
  const v = r.rules.words;
  const n = words.length;
  const opensWithDeterminer = (k: number): boolean => DETERMINERS.has(words[k].lower) || words[k].lower === 'the';
  let k = e;
  let middle = 0;
  let kind: boolean | undefined;
  while (k < n && k < limit) {
    const last = words[k].lower === 'and' || words[k].lower === 'or';
    const first = last ? k + 1 : k;
    if (first >= n || (last && words[first].commaBefore)) return e;
    const d = opensWithDeterminer(first);
    if (kind === undefined) kind = d;
    else if (kind !== d) return e;
    const end = segmentEnd(words, k);
    if (end - k > r.rules.windows.seriesItem + (last ? 1 : 0)) return e;
    for (let m = first; m < end; m++) {
      const lm = words[m].lower;
      if (words[m].markBefore || AUXILIARIES.has(lm) || v.reporting.has(lm) || v.tag.has(lm) || RELATIVE.has(lm)) return e;
    }
    if (last) return middle > 0 && end >= n ? end : e;
    middle++;
    k = end;
  }
  return e;
}

/**
 * A word that starts a coordinated verb phrase: "… and said", "… and accusing", "… and vowed"; or an auxiliary, which
 * cannot open a noun phrase, so "and" before it joins a second predicate of the subject: "condemned the attacks and is
 * backed by parties close to Iran", "blamed the militias for the attack and has decided to retaliate".
 */
function verbLike(r: Reading, w: string): boolean {
  const v = r.rules.words;
  return v.reporting.has(w) || v.accuse.has(w) || v.call.has(w) || v.blame.has(w) || v.asVerbs.has(w) || v.directive.has(w)
    || COORDINATED_AUXILIARIES.has(w) || (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing')));
}
/**
 * The end of an accusation's of-complement (F-ACCUSE): a second predicate of the accuser coordinated after it ("The
 * Islamic Republic has accused Israel of trying to provoke a war **and has launched** missile barrages at Israel": the
 * launch is the outlet's account, session 21, batch ai). "and"/"but" before an auxiliary or a speech or judging verb
 * opens one, as in `boundedEnd`; before a past form in -ed only when the complement has no perfect or passive of its
 * own ("of having bombed hospitals and killed civilians" goes on). A form in -ing continues the gerund ("of killing
 * civilians and destroying homes"). Commas do not end the complement. Returns the part's end when nothing opens one.
 */
function accusationEnd(r: Reading, from: number): number {
  const { words } = r;
  const v = r.rules.words;
  const n = words.length;
  let perfect = false;
  for (let k = from; k < n; k++) {
    const lk = words[k].lower;
    if (insideAny(r.quoted, words[k].start)) continue;
    if (lk === 'having' || lk === 'been' || lk === 'being') perfect = true;
    if ((lk !== 'and' && lk !== 'but') || k === from || k + 1 >= n) continue;
    const next = words[k + 1].lower;
    if (COORDINATED_AUXILIARIES.has(next) || v.reporting.has(next) || v.tag.has(next) || v.accuse.has(next) || v.blame.has(next)
      || v.condemn.has(next) || v.directive.has(next)) return k;
    if (!perfect && next.length > 4 && next.endsWith('ed') && !v.notFinite.has(next)) return k;
  }
  return n;
}

/** Auxiliaries that open a second predicate after "and"/"but" (not "be"/"been": "and be" follows a modal of the object's clause). */
const COORDINATED_AUXILIARIES = new Set([...AUXILIARIES].filter((a) => a !== 'be' && a !== 'been'));

/** An article, a determiner, a demonstrative or a possessive before a blame or demand word makes it a noun (F-BLAME). */
function nounDeterminer(w: string): boolean {
  return DETERMINERS.has(w) || NOUN_DEMONSTRATIVES.has(w) || /['\u2019]s$/u.test(w);
}
const NOUN_DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'such', 'any', 'no', 'every']);
