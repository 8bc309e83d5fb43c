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
      for (const p of body.split(/\n\s*\n/)) if (p.trim().length > 60) paragraphs.push(...paragraphSized(p.trim().replace(/\s+/g, ' ')));
    }
  }
  return paragraphs;
}

/** Longest paragraph kept whole: a few sources print a whole article without blank lines. */
const MAX_PARAGRAPH = 800;

/**
 * A block longer than MAX_PARAGRAPH split at sentence ends into paragraph-sized pieces. Kept whole, one such block
 * fills a generated article by itself, which every later article drawing the same block then contains: hundreds
 * of near-duplicate pairs that a real corpus does not have.
 */
function paragraphSized(block: string): string[] {
  if (block.length <= MAX_PARAGRAPH) return [block];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of block.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z])/)) {
    if (current && current.length + sentence.length + 1 > MAX_PARAGRAPH / 2) {
      pieces.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) pieces.push(current);
  return pieces;
}

export interface GeneratedArticle {
  id: string;
  outlet: string;
  date: string;
  title: string;
  text: string;
}

/** Share of generated articles that reprint a recent one (trimmed, sometimes with a new first paragraph), as wire copy is. */
const COPY_SHARE = 0.04;
/** How far back a reprint may reach: recent articles only, so generation stays in flat memory. */
const RECENT_ARTICLES = 200;

/** The `i`-th article of the generated corpus for `seed` (independent of how many are generated). */
export function* generateArticles(paragraphs: string[], count: number, seed = 11, targetBytes = 2200): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  const recent: string[][] = [];
  for (let i = 0; i < count; i++) {
    let parts: string[] = [];
    if (recent.length > 10 && random() < COPY_SHARE) {
      const source = recent[Math.floor(random() * recent.length)];
      parts = source.slice(0, Math.max(1, Math.ceil(source.length * (0.7 + random() * 0.3))));
      if (random() < 0.5) parts.unshift(paragraphs[Math.floor(random() * paragraphs.length)]);
    } else {
      let bytes = 0;
      while (bytes < targetBytes) {
        const p = paragraphs[Math.floor(random() * paragraphs.length)];
        parts.push(p);
        bytes += p.length + 2;
      }
    }
    recent.push(parts);
    if (recent.length > RECENT_ARTICLES) recent.shift();
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
