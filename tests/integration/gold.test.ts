/**
 * Measures framelens against the hand-annotated gold standard (tests/fixtures/gold): precision and recall of
 * actor-label hits on the five seed articles and on the test articles, printed and asserted.
 *
 * A hit is a true positive when it overlaps a gold span and names the same referent; the stricter figure also
 * requires the same sign (sign of the weight against the gold "+", "0", "-"). Only hits with
 * category 'actor-label' and a resolved referent are evaluated.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { readCorpus } from '../../src/corpus/read.js';
import type { Document, Hit } from '../../src/types.js';

const PRECISION_TARGET = 0.95;
const RECALL_TARGET = 0.9;

type Sign = '+' | '0' | '-';

interface GoldSpanRaw {
  text: string;
  occurrence: number;
  referent: string;
  sign: Sign;
  voice: 'author' | 'quoted' | 'attributed';
  note?: string;
}

interface GoldFile {
  documents: Array<{ id: string; spans: GoldSpanRaw[] }>;
  doubtful?: string[];
}

interface GoldSpan extends GoldSpanRaw {
  start: number;
  end: number;
}

interface Score {
  precision: number;
  recall: number;
  strictPrecision: number;
  strictRecall: number;
  hits: number;
  gold: number;
  falsePositives: string[];
  misses: string[];
  /** Hits with the right referent but another sign than the gold span. */
  signDiffers: string[];
}

const signOf = (weight: number): Sign => (weight > 0 ? '+' : weight < 0 ? '-' : '0');

/** Start offset of the n-th (1-based) occurrence of `text`, counting every occurrence, overlapping ones included. */
function nthOccurrence(haystack: string, text: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = haystack.indexOf(text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function locate(doc: Document, spans: GoldSpanRaw[]): GoldSpan[] {
  return spans.map((s) => {
    const start = nthOccurrence(doc.text, s.text, s.occurrence);
    if (start < 0) throw new Error(`gold ${doc.id}: occurrence ${s.occurrence} of "${s.text}" is not in the text`);
    return { ...s, start, end: start + s.text.length };
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function score(pairs: Array<{ doc: Document; gold: GoldSpan[]; hits: Hit[] }>): Score {
  let tp = 0, strictTp = 0, hitCount = 0, goldCount = 0, found = 0, strictFound = 0;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  const signDiffers: string[] = [];
  for (const { doc, gold, hits } of pairs) {
    const evaluated = hits.filter((h) => h.category === 'actor-label' && h.referent !== null);
    hitCount += evaluated.length;
    goldCount += gold.length;
    for (const h of evaluated) {
      const same = gold.filter((g) => overlaps(h, g) && g.referent === h.referent);
      if (same.length) tp++;
      else {
        const other = gold.find((g) => overlaps(h, g));
        falsePositives.push(`${doc.id} "${h.text}" → ${h.referent} (${h.label}, ${h.resolution ?? 'fixed'})${other ? `; gold says ${other.referent}` : ''}`);
      }
      if (same.some((g) => g.sign === signOf(h.weight))) strictTp++;
      else if (same.length) signDiffers.push(`${doc.id} "${h.text}" weight ${h.weight}; gold sign ${same[0].sign}`);
    }
    for (const g of gold) {
      const same = evaluated.filter((h) => overlaps(h, g) && h.referent === g.referent);
      if (same.length) found++;
      else {
        const other = evaluated.find((h) => overlaps(h, g));
        misses.push(`${doc.id} "${g.text}"#${g.occurrence} ${g.referent}${other ? `; tool says ${other.referent} (${other.label})` : ''}`);
      }
      if (same.some((h) => signOf(h.weight) === g.sign)) strictFound++;
    }
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    precision: ratio(tp, hitCount),
    recall: ratio(found, goldCount),
    strictPrecision: ratio(strictTp, hitCount),
    strictRecall: ratio(strictFound, goldCount),
    hits: hitCount,
    gold: goldCount,
    falsePositives,
    misses,
    signDiffers,
  };
}

async function evaluate(set: string, corpusPaths: string[], goldFile: string, compiled: CompiledLexicon): Promise<Score> {
  const gold = parse(readFileSync(goldFile, 'utf8')) as GoldFile;
  const { documents, skipped } = await readCorpus(corpusPaths, { dedupe: false });
  expect(skipped, `${set}: corpus files skipped`).toEqual([]);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const pairs = gold.documents.map((g) => {
    const doc = byId.get(g.id);
    if (!doc) throw new Error(`${set}: gold document ${g.id} is not in ${corpusPaths.join(', ')}`);
    return { doc, gold: locate(doc, g.spans), hits: analyzeDocument(doc, compiled).hits };
  });
  // Every corpus document is annotated: a document without gold would silently drop out of the figures.
  expect(documents.map((d) => d.id).sort()).toEqual(gold.documents.map((g) => g.id).sort());
  const s = score(pairs);
  const pct = (x: number): string => x.toFixed(3);
  console.log(
    `[gold] ${set}: ${s.hits} evaluated hits, ${s.gold} gold spans | referent: precision ${pct(s.precision)} recall ${pct(s.recall)}` +
      ` | referent+sign: precision ${pct(s.strictPrecision)} recall ${pct(s.strictRecall)}`,
  );
  if (s.falsePositives.length) console.log(`[gold] ${set} false positives:\n  ${s.falsePositives.join('\n  ')}`);
  if (s.signDiffers.length) console.log(`[gold] ${set} right referent, other sign:\n  ${s.signDiffers.join('\n  ')}`);
  if (s.misses.length) console.log(`[gold] ${set} misses:\n  ${s.misses.join('\n  ')}`);
  return s;
}

describe('gold standard: actor labels against hand annotation', () => {
  let compiled: CompiledLexicon;
  beforeAll(() => {
    compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
  });

  it('gold files are well formed', () => {
    for (const file of ['tests/fixtures/gold/seeds.yml', 'tests/fixtures/gold/articles.yml']) {
      const gold = parse(readFileSync(file, 'utf8')) as GoldFile;
      expect(gold.documents.length).toBeGreaterThanOrEqual(5);
      for (const d of gold.documents) {
        for (const s of d.spans) {
          expect(['armed-groups', 'us-forces', 'israel', 'iran', 'palestinians'], `${d.id} ${s.text}`).toContain(s.referent);
          expect(['+', '0', '-']).toContain(s.sign);
          expect(['author', 'quoted', 'attributed']).toContain(s.voice);
          expect(Number.isInteger(s.occurrence) && s.occurrence >= 1, `${d.id} ${s.text}`).toBe(true);
        }
      }
      expect(gold.doubtful?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('seeds: precision and recall meet the targets', async () => {
    const s = await evaluate('seeds', ['corpus/seeds'], 'tests/fixtures/gold/seeds.yml', compiled);
    expect(s.gold).toBeGreaterThan(50);
    expect(s.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
    expect(s.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });

  it('articles: precision and recall meet the targets', async () => {
    const s = await evaluate('articles', ['tests/fixtures/articles'], 'tests/fixtures/gold/articles.yml', compiled);
    expect(s.gold).toBeGreaterThan(100);
    expect(s.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
    expect(s.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });
});
