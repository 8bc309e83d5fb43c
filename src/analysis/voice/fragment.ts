/**
 * Rule Q-FRAGMENT (docs/voice.md): a short quotation is a quoted fragment of a named speaker, not the outlet's scare
 * quotes, when a speaker's verb stands before it in the same clause: 'Kataib Hezbollah called the troops
 * "occupiers"', 'the group threatened the "occupiers"', 'He said, "occupiers"'. Without one ('the so-called
 * "resistance"', 'Iran's "proxies" struck') the marks are the outlet's distancing. Cost: a bounded look back.
 */
import type { VoiceRules } from '../../lexicon/voice-rules.js';
import { scanWords } from './words.js';

/** Whether a speaker's verb stands within `windows.fragment` words before the quotation opening at `quoteStart`. */
export function quotedFragment(text: string, quoteStart: number, rules: VoiceRules): boolean {
  let from = Math.max(0, quoteStart - rules.windows.fragmentChars);
  // The clause ends at the previous sentence end or line break.
  for (let i = quoteStart - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x3b || ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(i + 1) === 0x20)) {
      from = i + 1;
      break;
    }
  }
  const words = scanWords(text, from, quoteStart);
  const v = rules.words;
  const stop = Math.max(0, words.length - rules.windows.fragment);
  for (let k = words.length - 1; k >= stop; k--) {
    const w = words[k].lower;
    if (v.reporting.has(w) || v.tag.has(w) || v.call.has(w) || v.asVerbs.has(w) || v.condemn.has(w) || v.blame.has(w)
      || v.accuse.has(w) || v.directive.has(w) || v.vow.has(w) || v.demand.has(w)) {
      // The speaker is named before the verb: "Kataib Hezbollah called …", not a sentence that opens with the verb.
      return k > 0;
    }
    // A comma before this word ends the clause, unless it introduces the quotation ('He said, "…"').
    if (words[k].commaBefore && k < words.length - 1) return false;
  }
  return false;
}
