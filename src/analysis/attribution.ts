/**
 * Reported speech: the parts of a sentence the outlet passes on as someone else's claim ("the group said that …").
 *
 * The rules live in src/analysis/voice/, one file per rule family, and are specified with their rule ids in
 * docs/voice.md; the words and windows they read are data (lexicons/voice.yml). This module is their entry point.
 * Everything works on words found by a linear character scan of each sentence unit, with cue windows bounded by the
 * windows of the voice rules, so the cost is linear in the text length.
 */
import type { Span } from '../types.js';
import { defaultVoiceRules, type VoiceRules } from '../lexicon/voice-rules.js';
import { attributionSpans as spansOfUnits } from './voice/unit.js';
import { datelineEnd as datelineEndOf } from './voice/dateline.js';

export { isWordChar, scanWords, type Word } from './voice/words.js';
export { containsReportingCue } from './voice/tags.js';

/**
 * Attributed (reported-speech) spans of a text. `units` are sentence spans already cut at paragraph breaks, in
 * order; `quoted` are the top-level quotations, sorted (cues inside them are ignored). Returns sorted, merged spans
 * that may overlap quotations (the caller gives quoted voice precedence). Colon-introduced quotations without marks
 * ("The group said: We will …", a paragraph after "The statement read:") are pushed onto `quotedOut` when given.
 */
export function attributionSpans(
  text: string, units: Span[], quoted: Span[], quotedOut: Span[] = [], wanted?: Span[], rules: VoiceRules = defaultVoiceRules(),
): Span[] {
  return spansOfUnits(text, units, quoted, quotedOut, wanted, rules);
}

/** Where a dateline starting at `start` ends (rule D-DATELINE); `start` when there is none. */
export function datelineEnd(text: string, start: number, end: number, rules: VoiceRules = defaultVoiceRules()): number {
  return datelineEndOf(text, start, end, rules.windows.datelineChars);
}
