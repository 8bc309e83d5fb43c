/**
 * One document's cost must grow linearly with its length (issue 11): context resolution used to weigh every mention
 * for every context label, so a 1 MB dense document took 43 s and a 5 MB one did not finish. The documents here are
 * built from the seed articles' own paragraphs (each copy numbered, so that none is a verbatim repeat), and a dense
 * text of labels without a single sentence end, the worst case for the look-back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import type { Document } from '../../src/types.js';

const lexicon = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
const doc = (text: string): Document => ({ id: 'big', outlet: 'o', text, source: { file: 'big' }, meta: {} });

function seedParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const file of readdirSync('corpus/seeds').sort()) {
    const body = readFileSync(`corpus/seeds/${file}`, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    paragraphs.push(...body.split(/\n+/).filter((p) => p.trim().length > 40));
  }
  return paragraphs;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('analysis time is linear in the document', () => {
  it('analyzes 2 MB of real paragraphs in seconds, every label counted', () => {
    const paragraphs = seedParagraphs();
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 2_000_000; i++) {
      const p = `${paragraphs[i % paragraphs.length]} (${i})`;
      parts.push(p);
      length += p.length + 2;
    }
    const { value: analysis, ms } = timed(() => analyzeDocument(doc(parts.join('\n\n')), lexicon));
    // About 1-2 s alone on one core; generous for a machine shared with other test runs.
    expect(ms).toBeLessThan(30_000);
    expect(analysis.collapsedBlocks).toBeUndefined();
    expect(analysis.hits.length).toBeGreaterThan(10_000);
    expect(analysis.hits.filter((h) => h.resolution === 'context').length).toBeGreaterThan(100);
  }, 60_000);

  it('resolves 2 MB of context labels without a sentence end in seconds (quadratic took minutes)', () => {
    const bits = ['Hezbollah fighters attacked', 'the regime said', 'Israel struck', 'the militants and the resistance',
      'ISIS and the terror organization', 'US forces and the occupation', 'the enemy drone', 'Al Mayadeen reported'];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 2_000_000; i++) {
      const p = `${bits[i % bits.length]} ${i},`;
      parts.push(p);
      length += p.length + 1;
    }
    const { value: analysis, ms } = timed(() => analyzeDocument(doc(parts.join(' ')), lexicon));
    expect(analysis.sentences.length).toBeLessThan(5);
    expect(ms).toBeLessThan(30_000);
    expect(analysis.hits.filter((h) => h.resolution === 'context').length).toBeGreaterThan(10_000);
  }, 60_000);
});
