/**
 * Forward cues: a word that opens reported material after it ("said that …", "according to X, …", "accused X of …").
 * This file dispatches to the rule families; docs/voice.md specifies each rule id.
 */
import { capitalised, pastForm, segmentEnd, type Reading } from './words.js';
import { AUXILIARIES, DETERMINERS, SOURCE_RELATIVES } from './grammar.js';
import { framingCue } from './framing.js';
import { intentCue } from './intent.js';
import { contentCue } from './content.js';
import { reportingCue } from './that-clause.js';

export interface ForwardCue {
  /** First word index of the cue (the verb, "according", …). */
  cue: number;
  /** First word index of the reported clause; words.length when the clause is empty. */
  clause: number;
  /** One past the last word of the clause; the end of the unit part when absent. */
  end?: number;
  /** The clause is a colon-introduced quotation without marks ("The group said: We will …"). */
  quoted?: boolean;
  /**
   * A trailing speech tag after the clause still attributes the whole part ("The forces confirm their efforts to …,
   * Saree confirmed."): the cue is part of what the tag reports, not a speaker of its own (F-CLAIM).
   */
  keepsBackward?: boolean;
  /** The rule that found it (docs/voice.md). */
  rule: string;
}

/** Words after which a capitalised word still belongs to the source: "according to the Health Ministry". */
const NOT_SOURCE_END = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'al', 'its', 'his', 'her', 'their']);

/**
 * The source's appositive is the source phrase too: "According to Daniel Hagari, spokesperson for the Israel Defense
 * Forces (IDF), over 3,400 targets …" — after a name, a comma segment that opens with a role noun (`speaker_nouns`),
 * bare or after "a"/"an", and closes with a comma glosses the source. "the" is left out: "According to Reuters, the army
 * chief, who …, will resign" opens the claim with its subject. Returns where the claim starts.
 */
const NOT_GLOSS_START = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
function sourceGlossEnd(r: Reading, j: number): number {
  const { words } = r;
  // "According to a statement from the Houthi military spokesman, Yahya Sarea, the American …": after a role noun the
  // speaker's name between commas (capitalised words only) is the source phrase too.
  if (r.rules.words.speakerNouns.has(words[j - 1].lower) && !capitalised(r.text, words[j - 1])) {
    let m = j;
    while (m < words.length && m < j + 4 && capitalised(r.text, words[m]) && !(m > j && (words[m].commaBefore || words[m].markBefore))) m++;
    return m > j && m < words.length && words[m].commaBefore && !words[m].markBefore ? m : j;
  }
  if (!capitalised(r.text, words[j - 1]) || NOT_GLOSS_START.has(words[j].lower)) return j;
  let k = j;
  if (words[k].lower === 'a' || words[k].lower === 'an') k++;
  let role = false;
  for (let m = k; m < words.length && m <= k + 2 && !(m > j && words[m].commaBefore); m++) {
    if (capitalised(r.text, words[m])) return j;
    if (r.rules.words.speakerNouns.has(words[m].lower)) { role = true; break; }
  }
  if (!role) return j;
  for (let m = j + 1; m < words.length; m++) if (words[m].commaBefore) return m;
  return j;
}

/** Relative words after which "according to X" opens the relative clause's predicate (A-FRONT in a relative clause). */
const RELATIVE_SOURCE_HOSTS = new Set(['who', 'which', 'that', 'whom']);
/** Words the source of a relative clause's "according to" may run before its verb. */
const RELATIVE_SOURCE_REACH = 7;

/**
 * "who according to US officials has directed …": "according to" right after a relative word, without a comma,
 * opens the relative clause's predicate, which starts at the first auxiliary, irregular past or form in -ed after the
 * source (within RELATIVE_SOURCE_REACH words). It ends with its comma segment, the relative clause's end, and the main
 * clause goes on (as S-RELATIVE). undefined when "according" follows no relative word or a comma (B-ACCORDING reads
 * "which, according to the army, was …"); null when the predicate is not found.
 */
function relativeSourceClause(r: Reading, i: number): ForwardCue | null | undefined {
  const { words } = r;
  const prev = words[i - 1];
  if (prev !== undefined && words[i].commaBefore && SOURCE_RELATIVES.has(prev.lower)) {
    return relativeSubjectSource(r, i);
  }
  if (prev === undefined || !RELATIVE_SOURCE_HOSTS.has(prev.lower) || !(prev.commaBefore || i === 1)) return undefined;
  // "which, according to the army, was fired …" is B-ACCORDING's (a source between commas), and so is a source
  // between commas before the relative clause's own subject: "the attack in which, according to the patriarchate, an
  // Israeli army sniper shot …" (relativeSubjectSource).
  if (words[i].commaBefore) return relativeSubjectSource(r, i);
  for (let j = i + 3; j < words.length && j <= i + 2 + RELATIVE_SOURCE_REACH; j++) {
    if (words[j].commaBefore || words[j].markBefore) return null;
    const l = words[j].lower;
    if (AUXILIARIES.has(l) || pastForm(r, l)) {
      return { cue: i, clause: j, end: segmentEnd(words, j), keepsBackward: true, rule: 'A-FRONT' };
    }
  }
  return null;
}

/**
 * B-ACCORDING inside a relative clause: "…, where, according to local sources, the US forces keep …", "the attack in
 * which, according to the patriarchate, an Israeli army sniper shot …". A source set off by commas right after a
 * relative word ("which", "whom", "where") whose closing comma is followed by a determiner or a capitalised word (the
 * relative clause's own subject) vouches for that clause, its subject included: the clause after the source's comma is
 * the source's account, to the end of its comma segment; the main clause before the relative word stays the outlet's.
 * The determiner there does not open an appositive on the source ("…, according to the ministry, a body that …"), as it
 * does without the relative word. undefined when the shape does not hold (session 23, batch av).
 */
function relativeSubjectSource(r: Reading, i: number): ForwardCue | undefined {
  const { words } = r;
  const prev = words[i - 1];
  if (prev === undefined || !SOURCE_RELATIVES.has(prev.lower)) return undefined;
  for (let j = i + 2; j < words.length && j <= i + 2 + RELATIVE_SOURCE_REACH; j++) {
    if (words[j].markBefore) return undefined;
    if (!words[j].commaBefore) continue;
    const subject = DETERMINERS.has(words[j].lower) || capitalised(r.text, words[j]);
    return subject ? { cue: i, clause: j, end: segmentEnd(words, j), keepsBackward: true, rule: 'B-ACCORDING' } : undefined;
  }
  return undefined;
}

/** The forward cue starting at word i, if any: the first rule family that claims the word decides. */
export function forwardCueAt(r: Reading, i: number): ForwardCue | null {
  const { words } = r;
  const w = words[i].lower;
  if (!r.rules.forwardCues.has(w)) return r.rules.words.tag.has(w) ? colonAfterTag(r, i) : null;
  if (w === 'according' && words[i + 1]?.lower === 'to') {
    // A-FRONT inside a relative clause: "Abu Ali, who according to US officials has directed attacks on US forces,
    // was killed" — the relative clause's predicate is the source's account (to the end of the relative clause:
    // S-RELATIVE in part.ts bounds it; voice 1.15.4).
    const relative = relativeSourceClause(r, i);
    if (relative !== undefined) return relative;
    // A-FRONT. Only the sentence-initial form is forward; "X, according to Y" is a backward cue (B-ACCORDING).
    // After "and"/"but" that open a coordinated clause with its own source (U-AND) it is sentence-initial too.
    if (i > 1 || (i === 1 && !r.rules.words.adjuncts.has(words[0].lower) && words[0].lower !== 'but' && words[0].lower !== 'and')) return null;
    for (let j = i + 2; j < words.length; j++) if (words[j].commaBefore) return { cue: i, clause: sourceGlossEnd(r, j), rule: 'A-FRONT' };
    // Without the comma ("According to the proposal Egypt will mediate …") the clause opens at the first capitalised
    // word after a short lowercase source phrase.
    for (let j = i + 3; j < words.length && j <= i + 5; j++) {
      if (words[j].markBefore) return null;
      if (capitalised(r.text, words[j]) && !capitalised(r.text, words[j - 1]) && !NOT_SOURCE_END.has(words[j - 1].lower)) {
        return { cue: i, clause: j, rule: 'A-FRONT' };
      }
    }
    return null;
  }
  // A family that claims the word without finding its frame (null: "described" with no "as") ends the search.
  const framing = framingCue(r, i);
  if (framing !== undefined) return framing;
  const intent = intentCue(r, i);
  if (intent !== undefined) return intent;
  return reportingCue(r, i) ?? contentCue(r, i);
}

/**
 * C-COLON after a tag verb that is no reporting verb ("He continued: May Allah have mercy …"): a speaker right before
 * it (a pronoun or a capitalised word: "The war continued: …" names no speaker), then a colon and a capital.
 */
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
function colonAfterTag(r: Reading, i: number): ForwardCue | null {
  const { words } = r;
  const prev = words[i - 1];
  const next = words[i + 1];
  if (!prev || !next || !next.colonBefore || next.markBefore || !capitalised(r.text, next)) return null;
  if (!SPEAKER_PRONOUNS.has(prev.lower) && !capitalised(r.text, prev)) return null;
  return { cue: i, clause: i + 1, quoted: true, rule: 'C-COLON' };
}
