/** Keyword in context: occurrences of a label id or a word/phrase, with the sentence around it and its voice. */
import type { DocAnalysis, Document, Voice } from '../types.js';
import { findVoiceSpans, voiceAt } from './voice.js';

export interface KwicLine {
  documentId: string;
  outlet: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  voice: Voice;
  /** The label id when the occurrence is a lexicon hit. */
  label?: string;
  referent?: string | null;
  weight?: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sentenceAround(analysis: DocAnalysis, start: number, end: number): { start: number; end: number } {
  for (const s of analysis.sentences) if (s.start <= start && s.end >= end) return s;
  return { start, end };
}

function clip(text: string, width: number, fromLeft: boolean): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= width) return flat;
  return fromLeft ? `…${flat.slice(flat.length - width)}` : `${flat.slice(0, width)}…`;
}

/**
 * `term` is a label id of the lexicon (all its hits), or else a word or phrase matched case-insensitively at word
 * boundaries (a trailing * matches any ending).
 */
export function keywordInContext(doc: Document, analysis: DocAnalysis, term: string, width = 60): KwicLine[] {
  const text = doc.text;
  const spans: Array<{ start: number; end: number; label?: string; referent?: string | null; weight?: number }> = [];
  const byLabel = analysis.hits.filter((h) => h.label === term);
  if (byLabel.length) {
    for (const h of byLabel) spans.push({ start: h.start, end: h.end, label: h.label, referent: h.referent, weight: h.weight });
  } else {
    const trimmed = term.trim();
    if (!trimmed) return [];
    const wildcard = trimmed.endsWith('*');
    const body = trimmed.replace(/\*$/, '').split(/\s+/).map(escapeRegExp).join('[\\s\\-–]+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}${wildcard ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const hit = analysis.hits.find((h) => h.start <= start && h.end >= start + m[0].length);
      spans.push({ start, end: start + m[0].length, label: hit?.label, referent: hit?.referent, weight: hit?.weight });
    }
  }
  // The analysis holds reported speech only for sentences with lexicon matches; plain words need a full reading.
  const voiceSpans = byLabel.length ? analysis.voiceSpans : findVoiceSpans(text, analysis.sentences);
  return spans.map((s) => {
    const sent = sentenceAround(analysis, s.start, s.end);
    return {
      documentId: doc.id,
      outlet: doc.outlet,
      start: s.start,
      end: s.end,
      left: clip(text.slice(sent.start, s.start), width, true),
      match: text.slice(s.start, s.end),
      right: clip(text.slice(s.end, sent.end), width, false),
      voice: voiceAt(voiceSpans, s.start, s.end),
      label: s.label,
      referent: s.referent,
      weight: s.weight,
    };
  });
}
