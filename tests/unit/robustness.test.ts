import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { loadCompiled } from '../../src/cli/common.js';
import { seededRandom } from '../../src/stats/rng.js';
import type { Document } from '../../src/types.js';

const compiled = loadCompiled(undefined);
const doc = (text: string): Document => ({ id: 'fuzz', outlet: 'o', text, source: { file: 'fuzz' }, meta: {} });

const PIECES = [
  'Iran-backed militias', 'US forces', 'the Zionist entity', 'so-called', '“', '”', '"', "'", '‘', '’', ' ', ' ', ' ',
  '\n', '\n\n', '\r\n', '—', '–', '-', 'said', 'that', 'according to', 'not', 'the regime', 'Islamic Resistance in Iraq',
  'Kata’ib', "Gaza's", 'occupiers', '.', ',', ':', '(', ')', '😀', 'é', 'ﬁ', '\u0000', '\u200b', 'x'.repeat(150),
  'martyrs', 'Hamas', 'terrorists', 'Israel', 'claimed responsibility', '<script>', '&amp;', '\t', '\u00a0', 'U.S.',
];

function randomText(seed: number, pieces: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  for (let i = 0; i < pieces; i++) parts.push(PIECES[Math.floor(random() * PIECES.length)]);
  return parts.join(random() < 0.5 ? '' : ' ');
}

function checkInvariants(text: string): void {
  const a = analyzeDocument(doc(text), compiled);
  for (const h of [...a.hits, ...a.names, ...a.devices]) {
    expect(h.start).toBeGreaterThanOrEqual(0);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(h.start, h.end)).toBe(h.text);
  }
  let last = 0;
  for (const v of a.voiceSpans) {
    expect(v.start).toBeGreaterThanOrEqual(last);
    expect(v.end).toBeGreaterThan(v.start);
    expect(v.end).toBeLessThanOrEqual(text.length);
    last = v.end;
  }
  for (const h of a.hits) expect(h.sentence).toBeLessThan(Math.max(1, a.sentences.length));
  expect(a.words).toBeGreaterThanOrEqual(0);
}

describe('analyzeDocument on hostile and random input', () => {
  it('handles empty, blank and punctuation-only texts', () => {
    for (const text of ['', ' ', '\n\n\n', '“”""‘’', '...', '-', '—', '\u0000\u0000']) checkInvariants(text);
  });

  it('keeps its invariants on 300 random texts', () => {
    for (let seed = 1; seed <= 300; seed++) checkInvariants(randomText(seed, 5 + (seed % 60)));
  });

  it('survives unbalanced quotes and a lone surrogate', () => {
    checkInvariants('“US forces said “the occupiers\n\n” are ‘terrorists');
    checkInvariants('Israel \ud800 the regime \udc00 said');
  });
});
