/**
 * Cuts a text into plain pieces and marked pieces (label hits, names, device cues) from hit offsets. Every marked
 * piece is `text.slice(start, end)` of the original text, so what is highlighted is exactly what was counted.
 * Overlaps are resolved by priority (labels, then names, then cues), then by position: a span that overlaps one
 * already placed is left out rather than nested, so the output is flat and every character appears once.
 */
import type { DeviceHit, DocAnalysis, Hit, NameHit } from '../types.js';

export type MarkSpan =
  | { kind: 'label'; start: number; end: number; hit: Hit }
  | { kind: 'name'; start: number; end: number; name: NameHit }
  | { kind: 'cue'; start: number; end: number; device: DeviceHit };

export type Segment = { kind: 'text'; text: string } | (MarkSpan & { text: string });

const PRIORITY: Record<MarkSpan['kind'], number> = { label: 0, name: 1, cue: 2 };

/** Devices that explain a hit (distancing, negation) or a voice (attribution verbs, hedges): shown as cues. */
const CUE_TYPES = new Set(['distancing', 'negation', 'attribution', 'hedge', 'booster']);

export function markSpans(analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>): MarkSpan[] {
  const spans: MarkSpan[] = [];
  for (const hit of analysis.hits) spans.push({ kind: 'label', start: hit.start, end: hit.end, hit });
  for (const name of analysis.names) spans.push({ kind: 'name', start: name.start, end: name.end, name });
  for (const device of analysis.devices) {
    if (CUE_TYPES.has(device.type)) spans.push({ kind: 'cue', start: device.start, end: device.end, device });
  }
  return spans;
}

export function segmentText(text: string, spans: MarkSpan[]): Segment[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  // Place by priority first, so a label always wins over a name or cue it overlaps.
  const byPriority = [...valid].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  // `placed` stays sorted by start and non-overlapping, so only the neighbours of the insertion point can clash.
  const placed: MarkSpan[] = [];
  for (const s of byPriority) {
    let lo = 0;
    let hi = placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placed[mid].start < s.start) lo = mid + 1;
      else hi = mid;
    }
    const before = placed[lo - 1];
    const after = placed[lo];
    if ((before && before.end > s.start) || (after && after.start < s.end)) continue;
    placed.splice(lo, 0, s);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const s of placed) {
    if (s.start > pos) out.push({ kind: 'text', text: text.slice(pos, s.start) });
    out.push({ ...s, text: text.slice(s.start, s.end) });
    pos = s.end;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos) });
  return out;
}
