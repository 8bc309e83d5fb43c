/**
 * A deterministic synthetic corpus for benchmarks: documents stitched from the sentences of the bundled seed
 * articles, so that the texts carry real framing vocabulary, quotations and names at realistic densities.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../src/types.js';
import { splitFrontMatter } from '../src/corpus/frontmatter.js';
import { seededRandom } from '../src/stats/rng.js';

export function seedParagraphs(seedDir: string): string[] {
  const paragraphs: string[] = [];
  for (const f of readdirSync(seedDir).filter((n) => n.endsWith('.md')).sort()) {
    const parsed = splitFrontMatter(readFileSync(join(seedDir, f), 'utf8'));
    const body = 'body' in parsed ? parsed.body : '';
    for (const p of body.split(/\n+/)) if (p.trim().length > 40) paragraphs.push(p.trim());
  }
  return paragraphs;
}

export function generateCorpus(seedDir: string, targetBytes: number, seed = 7): Document[] {
  const paragraphs = seedParagraphs(seedDir);
  const random = seededRandom(seed);
  const outlets = ['Wire A', 'Wire B', 'State TV', 'Pan-Arab Daily', 'Regional News', 'Aggregator'];
  const docs: Document[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const parts: string[] = [];
    const n = 6 + Math.floor(random() * 10);
    for (let k = 0; k < n; k++) parts.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    const text = parts.join('\n\n');
    const i = docs.length;
    docs.push({ id: `gen-${i}`, outlet: outlets[i % outlets.length], text, date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, source: { file: 'generated' }, meta: {} });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}
