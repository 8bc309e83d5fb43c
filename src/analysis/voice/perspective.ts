/**
 * Whole-sentence perspective (docs/voice.md): a headline that gives a speaker's words after a colon (H-SPEAKER), and
 * a sentence-initial adjunct that says whose view follows (P-PERSPECTIVE).
 */
import { PERSPECTIVE_PRONOUNS } from './grammar.js';
import { insideAny } from './spans.js';
import { capitalised, type Reading } from './words.js';

/**
 * H-SPEAKER: "Sanaa: The American and British enemy is the aggressor", "Hezbollah chief: Israel will pay". The unit
 * is a whole line without final punctuation; at most `headline_speaker` words stand before the colon, capitalised or
 * role nouns after a capitalised first word (`speaker_nouns`), and the first is not a kicker ("Analysis:"). Returns the index of the first word after the colon, or -1.
 */
export function headlineSpeaker(r: Reading, end: number): number {
  const { words, text } = r;
  if (words.length < 3) return -1;
  if (finalPunctuation(text, end)) return -1;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return -1;
  for (let k = 1; k < words.length && k <= r.rules.windows.headlineSpeaker; k++) {
    if (words[k].colonBefore) {
      if (r.rules.words.kickers.has(words[0].lower)) return -1;
      // "Nasrallah to Israel: …" addresses someone; the speaker is still the capitalised words before "to". A role
      // noun may follow the name in lowercase: "Hezbollah leader: …", "Iran's foreign minister: …" (`speaker_nouns`).
      for (let m = 0; m < k; m++) {
        const w = words[m];
        // "“Target”: Houthi rebels want to …": a word in quotation marks is the outlet's cited catchword, no speaker.
        if (insideAny(r.quoted, w.start)) return -1;
        if (capitalised(text, w) || w.lower === 'of' || w.lower === 'al') continue;
        if (m === 0 || (w.lower !== 'to' && !r.rules.words.speakerNouns.has(w.lower))) return -1;
      }
      return k < words.length - 1 ? k : -1;
    }
    if (words[k].commaBefore || words[k].markBefore) return -1;
  }
  return -1;
}


/**
 * H-SOURCE: the speaker after the colon, as Indian, Pakistani and Gulf outlets write headlines ("Zionist enemy to see
 * blows until Palestine's liberation: Iraqi Resistance", "US occupation must end: Nujaba"). The unit is a whole line
 * without final punctuation; after its last colon stand at most `headline_speaker` capitalised words (with "of",
 * "al"), not a kicker ("…: Live"), and at least three words before it. Returns the index of the first word after
 * the colon (what stands before it is attributed), or -1.
 */
export function headlineSource(r: Reading, end: number): number {
  const { words, text } = r;
  const n = words.length;
  if (n < 4 || !endsLine(text, end)) return -1;
  for (let k = n - 1; k >= 3 && k >= n - r.rules.windows.headlineSpeaker; k--) {
    const w = words[k];
    if (w.markBefore || (w.commaBefore && !w.colonBefore)) return -1;
    if (!capitalised(text, w) && w.lower !== 'of' && w.lower !== 'al') return -1;
    if (!w.colonBefore) continue;
    if (!capitalised(text, w) || w.semiBefore) return -1;
    for (let m = k; m < n; m++) if (r.rules.words.kickers.has(words[m].lower) && !r.rules.words.sourceKickers.has(words[m].lower)) return -1;
    return k;
  }
  return -1;
}

/** A unit that is a whole line without final punctuation: a headline or subhead. */
function endsLine(text: string, end: number): boolean {
  if ('.!?"\u201D\u2019\'\u00BB)'.includes(text[end - 1])) return false;
  return end >= text.length || text[end] === '\n' || text[end] === '\r';
}

/**
 * Whether the unit ends like a sentence: a final stop or bracket, or a closing quotation mark after a stop ("… will
 * pay.”"). A closing mark right after a word is a headline's cited word, not a sentence's end: "Yemeni Minister: Houthi
 * attacks … have nothing to do with claims of supporting “Gaza”" (session 21).
 */
function finalPunctuation(text: string, end: number): boolean {
  const last = text[end - 1];
  if ('.!?)'.includes(last)) return true;
  if (!'"\u201D\u2019\'\u00BB'.includes(last)) return false;
  // A closing mark ends a quoted sentence only after its final stop ("… will pay.'"); after a word it closes a cited
  // phrase that ends the headline ("White House: Israel strikes on Iran an 'exercise of self-defense'", batch ag, dev;
  // "Yemeni Minister: … supporting “Gaza”", batch aj, dev).
  return end < 2 || '.!?,;:'.includes(text[end - 2]) || !/[\p{L}\p{N}]/u.test(text[end - 2]);
}

/**
 * P-PERSPECTIVE: "In Tehran's state media, …", "In Israeli newspapers they are …", "To them the groups are …": a
 * sentence-initial perspective adjunct; returns the first word of the clause it governs, or -1.
 */
/** Words of a perspective adjunct that name the text at hand or the outlet ("the following account", "our view"). */
const SELF_PERSPECTIVE = new Set(['following', 'our']);

export function perspectiveClause(r: Reading): number {
  const { words, text } = r;
  const first = words[0]?.lower;
  if (first === 'to' && words.length > 2 && PERSPECTIVE_PRONOUNS.has(words[1].lower)) {
    const c = words[2];
    return c.commaBefore || r.rules.words.clauseOpeners.has(c.lower) || capitalised(text, c) ? 2 : -1;
  }
  if (first !== 'in') return -1;
  for (let k = 1; k < words.length && k <= r.rules.windows.perspective; k++) {
    if (words[k].commaBefore || words[k].markBefore) return -1;
    if (!r.rules.words.perspectiveNouns.has(words[k].lower)) continue;
    // "In the following account, …", "In our view, …": the adjunct names the text at hand or the outlet itself, so
    // the view is the outlet's own (voice 1.15.3).
    for (let m = 1; m < k; m++) if (SELF_PERSPECTIVE.has(words[m].lower)) return -1;
    const c = words[k + 1];
    if (!c) return -1;
    return c.commaBefore || r.rules.words.clauseOpeners.has(c.lower) ? k + 1 : -1;
  }
  return -1;
}
