/**
 * The span toolkit of the voice rules: one definition each of "inside", "merge" and "voice at". Spans are character
 * ranges [start, end) into the unaltered text; lists are sorted by start.
 */
import type { Span, Voice, VoiceSpan } from '../../types.js';

/** A span with the id of the rule that made it (docs/voice.md), for explanations and the data-driven tests. */
export interface RuleSpan extends Span {
  rule: string;
}

/** Whether pos lies inside one of the sorted, non-overlapping spans (binary search). */
export function insideAny(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sorted copies of the spans, overlapping and touching spans merged into one. */
export function mergeSpans(...lists: ReadonlyArray<readonly Span[]>): Span[] {
  const all = lists.flat().sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * The voice of text[start, end): the voice that covers most of its characters (ties go to quoted, then attributed).
 * An empty range takes the voice at `start`. Binary search, then a walk over the few spans it touches.
 */
export function voiceAt(spans: readonly VoiceSpan[], start: number, end: number): Voice {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (end <= start) {
    const s = spans[lo];
    return s && s.start <= start && start < s.end ? s.voice : 'author';
  }
  let quoted = 0;
  let attributed = 0;
  for (let k = lo; k < spans.length && spans[k].start < end; k++) {
    const s = spans[k];
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap <= 0) continue;
    if (s.voice === 'quoted') quoted += overlap;
    else attributed += overlap;
  }
  const author = end - start - quoted - attributed;
  if (quoted >= attributed && quoted >= author && quoted > 0) return 'quoted';
  if (attributed >= author && attributed > 0) return 'attributed';
  return 'author';
}

/**
 * Voice spans from quoted and attributed spans (each sorted and merged): quoted wins where they overlap; touching
 * spans of the same voice are merged.
 */
export function combineVoices(quoted: readonly Span[], attributed: readonly Span[]): VoiceSpan[] {
  const out: VoiceSpan[] = [];
  const push = (start: number, end: number, voice: VoiceSpan['voice']): void => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.voice === voice && last.end >= start) last.end = Math.max(last.end, end);
    else out.push({ start, end, voice });
  };
  let q = 0;
  for (const a of attributed) {
    let cursor = a.start;
    // Emit the quotations that start before this attributed span ends, cutting the attributed span around them.
    while (q < quoted.length && quoted[q].start < a.end) {
      const s = quoted[q];
      if (s.end <= cursor) {
        push(s.start, s.end, 'quoted');
        q++;
        continue;
      }
      push(cursor, Math.min(s.start, a.end), 'attributed');
      push(s.start, s.end, 'quoted');
      cursor = Math.max(cursor, s.end);
      q++;
    }
    push(cursor, a.end, 'attributed');
  }
  while (q < quoted.length) {
    push(quoted[q].start, quoted[q].end, 'quoted');
    q++;
  }
  return out;
}
