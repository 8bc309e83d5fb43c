/**
 * Guards wink-nlp's tokenizer against long runs without whitespace.
 *
 * The tokenizer is quadratic in the length of a run of non-space characters (32k characters took about a second,
 * 1 MB did not finish in a minute). Natural-language words are short, so any run longer than `maxRun` is cut by
 * replacing one character every `maxRun` characters with a space. The replacement keeps the string's length, so
 * every offset into the guarded text is an offset into the original text too; hits are always sliced from the
 * original text, so nothing the user sees changes.
 */

export const DEFAULT_MAX_RUN = 100;

export interface GuardResult {
  text: string;
  /** How many runs were cut. */
  runsCut: number;
  /** The runs that were cut, in order (so that callers can count each as one word, not as its pieces). */
  runs: Array<{ start: number; end: number }>;
}

/** True when the text has a run of more than `maxRun` characters without a separator (one tight pass). */
function hasLongRun(text: string, maxRun: number): boolean {
  let run = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    // ASCII first: one or two comparisons for almost every character.
    if (c > 32 && c < 0x80) {
      if (++run > maxRun) return true;
    } else if (c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isSpaceCode(c))) {
      run = 0;
    } else if (++run > maxRun) {
      return true;
    }
  }
  return false;
}

function isSpaceCode(code: number): boolean {
  // ASCII whitespace plus the Unicode spaces wink treats as separators.
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x202f || code === 0x205f || code === 0x1680
  );
}

/**
 * True when no stretch between two plain spaces is longer than `maxRun`. Every separator hasLongRun knows includes
 * the plain space, so its runs are never longer than these stretches: true here means no long run. indexOf finds
 * the spaces far faster than a loop over every character, and prose has a space every few characters.
 */
function spacedWithin(text: string, maxRun: number): boolean {
  let previous = -1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
    if (at - previous - 1 > maxRun) return false;
    previous = at;
  }
  return text.length - previous - 1 <= maxRun;
}

export function guardLongRuns(text: string, maxRun = DEFAULT_MAX_RUN): GuardResult {
  // Almost every text has no long run: the space stretches settle it, else one tight pass over the characters.
  if (spacedWithin(text, maxRun) || !hasLongRun(text, maxRun)) return { text, runsCut: 0, runs: [] };
  let runStart = -1;
  let cuts: number[] | null = null;
  let runsCut = 0;
  const runs: GuardResult['runs'] = [];
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const inRun = i < n && !isSpaceCode(text.charCodeAt(i));
    if (inRun) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const len = i - runStart;
      if (len > maxRun) {
        cuts ??= [];
        runsCut++;
        runs.push({ start: runStart, end: i });
        for (let p = runStart + maxRun; p < i; p += maxRun) {
          // Never cut between the two halves of a surrogate pair: that would leave a lone surrogate.
          const c = text.charCodeAt(p);
          cuts.push(c >= 0xdc00 && c <= 0xdfff ? p - 1 : p);
        }
      }
      runStart = -1;
    }
  }
  if (!cuts) return { text, runsCut: 0, runs };
  const parts: string[] = [];
  let last = 0;
  for (const p of cuts) {
    parts.push(text.slice(last, p), ' ');
    last = p + 1;
    // A surrogate pair cut at its high half removes two code units: pad to keep the length.
    const code = text.charCodeAt(p);
    if (code >= 0xd800 && code <= 0xdbff) {
      parts.push(' ');
      last = p + 2;
    }
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), runsCut, runs };
}
