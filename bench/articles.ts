/**
 * Generated corpora of any size for the scale benchmark and tests: articles of about 2.5 KB recombined from the real
 * paragraphs of the seed articles and the test fixtures (framing vocabulary, quotations and names at realistic
 * densities), deterministic for a seed, written as JSONL one line at a time so that generating 100k articles stays
 * in flat memory.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../src/corpus/frontmatter.js';
import { seededRandom } from '../src/stats/rng.js';

const OUTLETS = ['Wire A', 'Wire B', 'State TV', 'Pan-Arab Daily', 'Regional News', 'Aggregator', 'Evening Post', 'Border Radio'];

export function realParagraphs(root: string): string[] {
  const paragraphs: string[] = [];
  for (const dir of [join(root, 'corpus', 'seeds'), join(root, 'tests', 'fixtures', 'articles')]) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      const parsed = splitFrontMatter(readFileSync(join(dir, f), 'utf8'));
      const body = 'body' in parsed ? parsed.body : '';
      for (const p of body.split(/\n\s*\n/)) if (p.trim().length > 60) paragraphs.push(p.trim().replace(/\s+/g, ' '));
    }
  }
  return paragraphs;
}

export interface GeneratedArticle {
  id: string;
  outlet: string;
  date: string;
  title: string;
  text: string;
}

/** The `i`-th article of the generated corpus for `seed` (independent of how many are generated). */
export function* generateArticles(paragraphs: string[], count: number, seed = 11, targetBytes = 2200): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < targetBytes) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      parts.push(p);
      bytes += p.length + 2;
    }
    const day = 1 + Math.floor(random() * 360);
    const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
    yield { id: `art-${i}`, outlet: OUTLETS[i % OUTLETS.length], date, title: parts[0].slice(0, 60), text: parts.join('\n\n') };
  }
}

/** Writes `count` generated articles to a JSONL file; returns the file's size and the UTF-8 size of the texts. */
export function writeArticlesJsonl(file: string, root: string, count: number, seed = 11): { fileBytes: number; textBytes: number } {
  const fd = openSync(file, 'w');
  let size = 0;
  let textBytes = 0;
  let chunk: string[] = [];
  const flush = () => {
    const text = chunk.join('');
    size += writeSync(fd, text);
    chunk = [];
  };
  try {
    for (const a of generateArticles(realParagraphs(root), count, seed)) {
      textBytes += Buffer.byteLength(a.text);
      chunk.push(`${JSON.stringify(a)}\n`);
      if (chunk.length >= 500) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { fileBytes: size, textBytes };
}
