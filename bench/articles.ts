/**
 * Generated news articles for the scale benchmarks: about 2.5 KB each, recombined from the real paragraphs of
 * corpus/seeds and tests/fixtures/articles, spread over ten outlets and a year of dates; one in fifty is a wire copy
 * of an earlier article under another outlet (near-duplicates, as real corpora have).
 */
import { join } from 'node:path';
import type { Document } from '../src/types.js';
import { packageRoot } from '../src/paths.js';
import { seededRandom } from '../src/stats/rng.js';
import { seedParagraphs } from './corpus.js';

const OUTLETS = ['Wire A', 'Wire B', 'State TV', 'Pan-Arab Daily', 'Regional News', 'Aggregator', 'Capital Times', 'Border Post', 'Gulf Herald', 'Night Desk'];

export function generateArticles(count: number, seed = 11): Document[] {
  const root = packageRoot();
  const paragraphs = [...seedParagraphs(join(root, 'corpus', 'seeds')), ...seedParagraphs(join(root, 'tests', 'fixtures', 'articles'))];
  const random = seededRandom(seed);
  const docs: Document[] = [];
  for (let i = 0; i < count; i++) {
    const outlet = OUTLETS[i % OUTLETS.length];
    const date = `2024-${String(1 + Math.floor(i / 3000) % 12).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (i > 10 && random() < 0.02) {
      const original = docs[Math.floor(random() * docs.length)];
      docs.push({ ...original, id: `art-${i}`, outlet, date, title: `Copy ${i}` });
      continue;
    }
    const parts: string[] = [];
    let length = 0;
    while (length < 2500) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      parts.push(p);
      length += p.length + 2;
    }
    docs.push({ id: `art-${i}`, outlet, title: `Article ${i}`, date, text: parts.join('\n\n'), source: { file: 'generated' }, meta: {} });
  }
  return docs;
}

