/**
 * Rule D-DATELINE, the one dateline rule (docs/voice.md): "BAGHDAD (Reuters) - …", "JERUSALEM, Jan 5 (AFP) — …",
 * "Tehran (IRNA) - …", "TEHRAN, IRNA - …", "Tehran – IRNA – …", "ERBIL, Kurdistan Region - …". A dateline says where a story was filed:
 * its words are the outlet's, never a label of the place's government, and the sentence after it is read from the
 * dash on. Both the voice rules and the label matcher (analyze.ts) use this rule.
 */
import type { Span } from '../../types.js';

/** En dash, em dash and horizontal bar (U+2013–U+2015): a range test, since every character of a line start passes it. */
function isDash(c: number): boolean {
  return c >= 0x2013 && c <= 0x2015;
}

/**
 * Where a dateline that starts at `start` ends: the offset after its dash (and the spaces after it), or `start` when
 * there is none. The dash follows within `maxChars` characters; every word before it is capitalised or a number; the
 * first word is a place in capitals ("BAGHDAD") or the prefix ends with an agency ("(Reuters)", ", IRNA").
 */
export function datelineEnd(text: string, start: number, end: number, maxChars: number): number {
  const dash = datelineDash(text, start, end, maxChars);
  if (dash < 0) return start;
  let after = dash + 1;
  while (after < end && (text[after] === '-' || text[after] === ' ' || text[after] === '\u00A0')) after++;
  return after;
}

/** The dash of a dateline starting at `start`, or -1. */
function datelineDash(text: string, start: number, end: number, maxChars: number): number {
  const limit = Math.min(end, start + maxChars);
  let dash = -1;
  for (let i = start + 2; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return -1;
    if (isDash(c) || (c === 0x2d && text.charCodeAt(i - 1) === 0x20 && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x2d))) {
      dash = i;
      break;
    }
  }
  if (dash < 0) return -1;
  const prefix = text.slice(start, dash).trim();
  const tokens = prefix.split(/[\s,/()]+/).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return -1;
  for (const t of tokens) if (!/^[\p{Lu}\p{N}]/u.test(t)) return -1;
  const allCaps = (t: string, min: number): boolean => {
    const letters = t.replace(/[^\p{L}]/gu, '');
    return letters.length >= min && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  };
  const placeInCapitals = allCaps(tokens[0], 3);
  // An agency in brackets, or an acronym after a comma: "Tehran (IRNA)", "Tehran, IRNA".
  const last = tokens[tokens.length - 1];
  const agency = prefix.endsWith(')') || (tokens.length > 1 && /,\s*\S+$/.test(prefix) && last.length <= 6 && allCaps(last, 2));
  if (placeInCapitals || agency) return dash;
  // "Tehran – IRNA – …", "Beirut - NNA - …": an agency acronym between two dashes after a one-word place.
  if (tokens.length !== 1) return -1;
  let second = -1;
  for (let i = dash + 2; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return -1;
    if (isDash(c) || (c === 0x2d && text.charCodeAt(i - 1) === 0x20 && text.charCodeAt(i + 1) === 0x20)) {
      second = i;
      break;
    }
  }
  if (second < 0) return -1;
  const between = text.slice(dash + 1, second).trim();
  return /^\S{2,6}$/.test(between) && allCaps(between, 2) ? second : -1;
}

/**
 * The datelines of a text: at its start and at the start of every line. Each span runs from the place to the dash
 * (place, date and agency), so no word in it is read as a label. Linear in the text length.
 */
export function datelineSpans(text: string, maxChars: number): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    while (s < lineEnd && (text[s] === ' ' || text[s] === '\t')) s++;
    const dash = datelineDash(text, s, lineEnd, maxChars);
    if (dash > s) {
      let e = dash;
      while (e > s && text[e - 1] === ' ') e--;
      spans.push({ start: s, end: e });
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}
