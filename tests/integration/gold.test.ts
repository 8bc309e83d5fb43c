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
import type { Document } from '../../src/types.js';
import {
  confusionTable,
  describeFalsePositive,
  describeMiss,
  score,
  voiceScore,
  type GoldSpan,
  type Score,
  type Sign,
  type VoiceName,
  type VoiceScore,
} from '../../bench/gold-score.js';

const PRECISION_TARGET = 0.95;
const RECALL_TARGET = 0.9;
/** Share of matched hits (same overlap + referent rule as precision) whose voice equals the gold voice. */
const VOICE_AGREEMENT_TARGET = 0.9;

interface GoldSpanRaw {
  text: string;
  occurrence: number;
  referent: string;
  sign: Sign;
  voice: VoiceName;
  note?: string;
}

interface GoldFile {
  documents: Array<{ id: string; spans: GoldSpanRaw[] }>;
  doubtful?: string[];
}

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
    return { ...s, start, end: start + s.text.length, tag: `#${s.occurrence}` };
  });
}

const voiceScores = new Map<string, VoiceScore>();

async function evaluate(set: string, corpusPaths: string[], goldFile: string, compiled: CompiledLexicon): Promise<Score> {
  const gold = parse(readFileSync(goldFile, 'utf8')) as GoldFile;
  const { documents, skipped } = await readCorpus(corpusPaths, { dedupe: false });
  expect(skipped, `${set}: corpus files skipped`).toEqual([]);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const pairs = gold.documents.map((g) => {
    const doc = byId.get(g.id);
    if (!doc) throw new Error(`${set}: gold document ${g.id} is not in ${corpusPaths.join(', ')}`);
    return { id: doc.id, text: doc.text, gold: locate(doc, g.spans), hits: analyzeDocument(doc, compiled).hits };
  });
  // Every corpus document is annotated: a document without gold would silently drop out of the figures.
  expect(documents.map((d) => d.id).sort()).toEqual(gold.documents.map((g) => g.id).sort());
  const s = score(pairs);
  const pct = (x: number): string => x.toFixed(3);
  console.log(
    `[gold] ${set}: ${s.hits} evaluated hits, ${s.gold} gold spans | referent: precision ${pct(s.precision)} recall ${pct(s.recall)}` +
      ` | referent+sign: precision ${pct(s.strictPrecision)} recall ${pct(s.strictRecall)}`,
  );
  if (s.falsePositives.length) console.log(`[gold] ${set} false positives:\n  ${s.falsePositives.map(describeFalsePositive).join('\n  ')}`);
  const signDiffers = s.signDiffers.map((d) => `${d.id} "${d.hit.text}" weight ${d.hit.weight}; gold sign ${d.gold.sign}`);
  if (signDiffers.length) console.log(`[gold] ${set} right referent, other sign:\n  ${signDiffers.join('\n  ')}`);
  if (s.misses.length) console.log(`[gold] ${set} misses:\n  ${s.misses.map(describeMiss).join('\n  ')}`);
  const v = voiceScore(pairs);
  voiceScores.set(set, v);
  console.log(`[gold] ${set}: voice agreement ${pct(v.agreement)} on ${v.compared} matched hits\n  ${confusionTable(v.confusion)}`);
  const disagreements = v.disagreements.map((d) => `${d.id} "${d.hit.text}" @${d.hit.start}: gold ${d.gold.voice}, tool ${d.hit.voice}`);
  if (disagreements.length) console.log(`[gold] ${set} voice disagreements:\n  ${disagreements.join('\n  ')}`);
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

  it('seeds: voice agrees with the gold', async () => {
    if (!voiceScores.has('seeds')) await evaluate('seeds', ['corpus/seeds'], 'tests/fixtures/gold/seeds.yml', compiled);
    const v = voiceScores.get('seeds') as VoiceScore;
    expect(v.compared).toBeGreaterThan(50);
    expect(v.agreement).toBeGreaterThanOrEqual(VOICE_AGREEMENT_TARGET);
  });

  it('articles: precision and recall meet the targets', async () => {
    const s = await evaluate('articles', ['tests/fixtures/articles'], 'tests/fixtures/gold/articles.yml', compiled);
    expect(s.gold).toBeGreaterThan(100);
    expect(s.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
    expect(s.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });

  it('articles: voice agrees with the gold', async () => {
    if (!voiceScores.has('articles')) await evaluate('articles', ['tests/fixtures/articles'], 'tests/fixtures/gold/articles.yml', compiled);
    const v = voiceScores.get('articles') as VoiceScore;
    expect(v.compared).toBeGreaterThan(100);
    expect(v.agreement).toBeGreaterThanOrEqual(VOICE_AGREEMENT_TARGET);
  });
});
