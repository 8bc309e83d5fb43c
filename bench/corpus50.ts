/**
 * A generated corpus for the UI-at-scale tests and the UI section of the server bench: 52 outlets, 520 documents, recombined from the real paragraphs of
 * corpus/seeds, tests/fixtures/articles and tests/fixtures/devset/open. Each outlet draws mostly from its own
 * stretch of the paragraph list, so outlets differ in the labels they use (as real outlets do); a few outlets have
 * only one or two documents (small samples); dates spread over six months.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from '../src/types.js';
import { seededRandom } from '../src/stats/rng.js';
import { packageRoot } from '../src/paths.js';
import { seedParagraphs } from './corpus.js';

const PLACES = ['Gulf', 'Levant', 'Capital', 'Border', 'Harbour', 'River', 'Valley', 'Desert', 'Coast', 'Northern', 'Southern', 'Eastern', 'Western'];
const KINDS = ['Herald', 'Times', 'Post', 'Wire'];

export const OUTLET_COUNT = 52;

export function outletNames(): string[] {
  return Array.from({ length: OUTLET_COUNT }, (_, i) => `${PLACES[i % PLACES.length]} ${KINDS[Math.floor(i / PLACES.length) % KINDS.length]}`);
}

export function paragraphs(repo = packageRoot()): string[] {
  const open = path.join(repo, 'tests/fixtures/devset/open');
  const fromOpen = readdirSync(open).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => readFileSync(path.join(open, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80));
  return [...seedParagraphs(path.join(repo, 'corpus/seeds')), ...seedParagraphs(path.join(repo, 'tests/fixtures/articles')), ...fromOpen];
}

export function corpus50(total = 520, seed = 5, repo = packageRoot()): Document[] {
  const paras = paragraphs(repo);
  const outlets = outletNames();
  const random = seededRandom(seed);
  // Small samples: the last four outlets get one or two documents; the rest share the remainder.
  const counts = outlets.map((_, i) => (i >= OUTLET_COUNT - 4 ? 1 + (i % 2) : 0));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % (OUTLET_COUNT - 4), left--) counts[i]++;
  const docs: Document[] = [];
  outlets.forEach((outlet, k) => {
    const home = Math.floor((k / OUTLET_COUNT) * paras.length);
    for (let j = 0; j < counts[k]; j++) {
      const parts: string[] = [];
      for (let p = 0; p < 3; p++) {
        // Three in four paragraphs from the outlet's own stretch of the list, the rest from anywhere.
        const at = random() < 0.75 ? (home + Math.floor(random() * 40)) % paras.length : Math.floor(random() * paras.length);
        parts.push(paras[at]);
      }
      const n = docs.length;
      docs.push({
        id: `g${String(n).padStart(3, '0')}`,
        outlet,
        title: `${outlet} report ${j + 1}`,
        date: `2024-${String(1 + (n % 6)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`,
        text: parts.join('\n\n'),
        source: { file: 'generated' },
        meta: {},
      });
    }
  });
  return docs;
}
