/**
 * Announced intent and demands (docs/voice.md): "urged Biden to hit Iran", "called on the nation to boycott …",
 * "implores Washington to …" (F-DIRECT: the infinitive is the speaker's demand); "vowed to …", "claiming to act …"
 * (F-VOW: the infinitive, up to where the outlet's account of the occasion starts: "… after a strike killed …").
 */
import type { ForwardCue } from './forward.js';
import { AUXILIARIES, DETERMINERS, OBJECT_PRONOUNS, WEEKDAYS } from './grammar.js';
import { insideAny } from './spans.js';
import { bareSubjectClause, plainAdjective } from './that-clause.js';
import { capitalised, MONTH_NAMES, type Reading } from './words.js';

/** The intent cue at word i; null when the word is a directive without its infinitive; undefined when not ours. */
export function intentCue(r: Reading, i: number): ForwardCue | null | undefined {
  const { words } = r;
  const v = r.rules.words;
  const win = r.rules.windows;
  const n = words.length;
  const w = words[i].lower;
  const next = words[i + 1]?.lower;
  // "called on the nation to …", "appealed to all Indonesians to …", "pleaded with the world to …": the addressee
  // follows a particle, and the demand is the infinitive after it.
  const callOn = (v.call.has(w) && (next === 'on' || next === 'upon')) || (v.appeal.has(w) && (next === 'to' || next === 'with'));
  if (v.directive.has(w) || callOn) {
    // The window counts the addressee's words, so the particle of "called on" is not one of them, nor the negation of
    // "urged Prime Minister Ehud Karmi not to …".
    let negation = 0;
    // The words of an institution's name are one addressee, not a clause: "ordered the Department of Migrant Workers
    // (DMW) and the Overseas Workers Welfare Administration (OWWA) to locate …" (session 23, batch at). Capitalised words
    // and the connectives between them ("of", "the", "and", "for" before a capitalised word) are not counted, up to
    // `directive_names` of them.
    let names = 0;
    for (let j = i + (callOn ? 2 : 1); j < n && j <= i + (callOn ? 1 : 0) + win.directive + negation + names; j++) {
      if (words[j].commaBefore && words[j].lower !== 'to') break;
      if (names < win.directiveNames && j > i + 1 && (capitalised(r.text, words[j])
        || (NAME_CONNECTIVES.has(words[j].lower) && words[j + 1] && capitalised(r.text, words[j + 1])))) names++;
      if ((words[j].lower === 'not' || words[j].lower === 'never') && words[j + 1]?.lower === 'to') negation = 1;
      // The addressee is the speaker's naming too ("urged Israel not to retaliate", O-OBJECT), unless a pronoun.
      if (words[j].lower === 'to') {
        if (j <= i + 1 || j + 1 >= n) return null;
        const from = callOn || OBJECT_PRONOUNS.has(words[i + 1].lower) ? j + 1 : i + 1;
        return { cue: i, clause: from, end: occasion(r, j + 2), rule: 'F-DIRECT' };
      }
      if (v.reporting.has(words[j].lower) || AUXILIARIES.has(words[j].lower)) break;
    }
    // "told CNN that …", "told Reuters the attacks …": a directive that also takes an object and a clause (`object_verbs`:
    // tell) is left to the reporting rules when no infinitive follows (voice 1.15.3); so is one that also asks a
    // question (`question_verbs`: "asked what Iran's stance would be", V-HOW; voice 1.15.4).
    return (v.objectVerbs.has(w) || v.questionVerbs.has(w)) && !callOn ? undefined : null;
  }
  if (!v.vow.has(w)) return undefined;
  for (let j = i + 1; j < n && j <= i + win.vow + 1; j++) {
    if (words[j].commaBefore || words[j].markBefore) break;
    const lj = words[j].lower;
    if (lj === 'to') {
      if (j + 1 >= n) break;
      return { cue: i, clause: j + 1, end: occasion(r, j + 2), rule: 'F-VOW' };
    }
    // A date is an adjunct too: "vowed in November 2023 to attack …", "pledged on 12 March to …" (voice 1.15.1).
    const date = MONTH_NAMES.has(lj) || /^\d{1,4}$/.test(lj);
    if (!v.adjuncts.has(lj) && !WEEKDAYS.has(lj) && !date && lj !== 'not' && lj !== 'never') break;
  }
  // Not an infinitive: a vow verb may still report a clause ("vowed that …"), read by the reporting rules.
  return undefined;
}

/** Words that join the parts of an institution's name ("Department of Foreign Affairs", "X and the Y"). */
const NAME_CONNECTIVES: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for']);

/**
 * Where an infinitive clause ends: at a word that opens the outlet's account of the occasion ("… to exercise
 * restraint after U.S. military launching air strikes"), else with the part (undefined).
 */
export function occasion(r: Reading, from: number): number | undefined {
  for (let k = from; k < r.words.length; k++) {
    const w = r.words[k];
    if (insideAny(r.quoted, w.start)) continue;
    // ", which Tehran presented as …": a relative clause after the infinitive is about the occasion, not the demand.
    if (r.rules.words.vowClauseEnd.has(w.lower) || (w.commaBefore && RELATIVE_OPENERS.has(w.lower))) return k;
    // "… in response to the attack": `occasion_nouns` between "in" and "to" name the occasion as "after" does.
    if (w.lower === 'in' && k + 2 < r.words.length && r.rules.words.occasionNouns.has(r.words[k + 1].lower) && r.words[k + 2].lower === 'to') return k;
    // "warned of escalation along the border as the conflict approaches its second month": a subordinating "as" (or
    // "while", "when", "because") that opens a clause of its own tells the occasion (voice 1.15.3).
    // A one-word complement may stand before it: "called for help as armed militants tried to board", "vowed to
    // retaliate as Israeli forces pressed on" (session 24, batch bb).
    if (k >= from && SUBORDINATORS.has(w.lower) && !AS_HEADS.has(r.words[k - 1].lower) && finiteClauseAt(r, k + 1)) return k;
    // "has called for a ceasefire, continues to approve arms exports to Israel and has not backed …": a predicate
    // coordinated after a comma goes on with what the subject does, the outlet's account (session 23, batch ar).
    if (k > from && w.commaBefore && coordinatedPredicateAt(r, k)) return k;
  }
  return undefined;
}

/** Auxiliaries that may open a coordinated predicate; "may" is left out (the month), "be"/"been"/"do" open none. */
const PREDICATE_AUXILIARIES = new Set([...AUXILIARIES].filter((a) => !['may', 'be', 'been', 'do'].includes(a)));

/**
 * Whether a predicate without its own subject opens at word k, right after a comma: an auxiliary in lower case
 * ("…, has not backed", "…, was quoted"), or a verb in -s before an infinitive ("…, continues to approve", "…, wants
 * to …"; not "bases to the north": the word after "to" must not be an article or a capitalised word). An "and" or
 * "but" may stand first ("…, and has since …").
 */
function coordinatedPredicateAt(r: Reading, k: number): boolean {
  const { words, text } = r;
  let m = k;
  if ((words[m].lower === 'and' || words[m].lower === 'but') && m + 1 < words.length && !words[m + 1].commaBefore) m++;
  const w = words[m];
  if (capitalised(text, w) || w.markBefore) return false;
  const next = words[m + 1];
  if (next === undefined || next.commaBefore || next.markBefore) return false;
  if (PREDICATE_AUXILIARIES.has(w.lower)) return true;
  const l = w.lower;
  if (l.length <= 3 || !l.endsWith('s') || l.endsWith('ss') || next.lower !== 'to') return false;
  const verb = words[m + 2];
  return verb !== undefined && !verb.commaBefore && !DETERMINERS.has(verb.lower) && !capitalised(text, verb) && !/^\d/.test(verb.lower);
}

const SUBORDINATORS = new Set(['as', 'while', 'when', 'whereas', 'because']);
/** Words before "as" that make it no conjunction: "such as", "the same as", "known as". */
const AS_HEADS = new Set(['such', 'same', 'known', 'well', 'so']);
/** Subjects that open a subordinate clause: a definite article, a demonstrative, a possessive, a subject pronoun. */
const CLAUSE_SUBJECTS = new Set(['the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it', 'they', 'he', 'she', 'we']);

/**
 * Whether a clause with its own subject and finite verb opens at word k: a subject (`CLAUSE_SUBJECTS` or a capitalised
 * name) and, within four more words and no comma, an auxiliary, an irregular past, a form in -ed, or a form in -s
 * followed by a determiner or "to" ("the conflict approaches a critical mark", "Israel continues to …").
 */
export function finiteClauseAt(r: Reading, k: number): boolean {
  const { words, text } = r;
  const s = words[k];
  if (!s || s.commaBefore || s.markBefore) return false;
  // A bare lowercase plural subject, one modifier allowed before it, and its verb: "as armed militants tried to board",
  // "while fighters regrouped" (session 24, batch bb; the V-ZERO subject, with a modifier in -ed too).
  if (!CLAUSE_SUBJECTS.has(s.lower) && !capitalised(text, s)) {
    if (bareSubjectClause(r, k)) return true;
    // A modifier before a capitalised subject: "as armed Houthi militants tried", "as heavy Israeli shelling continued".
    const l = s.lower;
    const modifier = (l.length > 4 && l.endsWith('ed')) || plainAdjective(r, k);
    return modifier && words[k + 1] !== undefined && capitalised(text, words[k + 1]) && finiteClauseAt(r, k + 1);
  }
  for (let m = k + 1; m < words.length && m <= k + 4; m++) {
    const w = words[m];
    if (w.commaBefore || w.semiBefore || w.colonBefore) return false;
    const l = w.lower;
    if (AUXILIARIES.has(l) || r.rules.words.irregularPast.has(l)) return true;
    if (l.length > 4 && l.endsWith('ed') && !r.rules.words.notFinite.has(l)) return true;
    const next = words[m + 1]?.lower;
    if (l.length > 3 && l.endsWith('s') && !l.endsWith('ss') && next !== undefined && !words[m + 1].commaBefore
      && (DETERMINERS.has(next) || next === 'to' || next === 'no')) return true;
  }
  return false;
}

// "where" since voice 1.15.4: "called on their citizens to leave Lebanon, where the Iran-backed Hezbollah movement
// is based, and airlines have cancelled flights" (the place's gloss and what followed are the outlet's).
const RELATIVE_OPENERS = new Set(['which', 'who', 'whose', 'whom', 'where']);
