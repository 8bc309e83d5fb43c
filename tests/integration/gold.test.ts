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
/** Share of matched hits (same overlap + referent rule as precision) whose voice equals the gold voice. */
const VOICE_AGREEMENT_TARGET = 0.9;

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

type VoiceName = GoldSpanRaw['voice'];
const VOICES: VoiceName[] = ['author', 'quoted', 'attributed'];

interface VoiceScore {
  agreement: number;
  compared: number;
  /** confusion[gold][tool] */
  confusion: Record<VoiceName, Record<VoiceName, number>>;
  disagreements: string[];
}

/**
 * Voice agreement: every evaluated hit that matches a gold span (overlap + same referent, as for precision) is
 * compared with that gold span's voice. A hit overlapping several matching gold spans is compared with the one it
 * overlaps most.
 */
function voiceScore(pairs: Array<{ doc: Document; gold: GoldSpan[]; hits: Hit[] }>): VoiceScore {
  const confusion = Object.fromEntries(VOICES.map((g) => [g, Object.fromEntries(VOICES.map((t) => [t, 0]))])) as VoiceScore['confusion'];
  const disagreements: string[] = [];
  let compared = 0, agree = 0;
  for (const { doc, gold, hits } of pairs) {
    for (const h of hits) {
      if (h.category !== 'actor-label' || h.referent === null) continue;
      const same = gold.filter((g) => overlaps(h, g) && g.referent === h.referent);
      if (!same.length) continue;
      const overlap = (g: GoldSpan): number => Math.min(h.end, g.end) - Math.max(h.start, g.start);
      const g = same.reduce((best, x) => (overlap(x) > overlap(best) ? x : best));
      compared++;
      confusion[g.voice][h.voice]++;
      if (g.voice === h.voice) agree++;
      else disagreements.push(`${doc.id} "${h.text}" @${h.start}: gold ${g.voice}, tool ${h.voice}`);
    }
  }
  return { agreement: compared === 0 ? 0 : agree / compared, compared, confusion, disagreements };
}

function confusionTable(c: VoiceScore['confusion']): string {
  const w = 11;
  const rows = [`${'gold \\ tool'.padEnd(w)}${VOICES.map((v) => v.padStart(w)).join('')}`];
  for (const g of VOICES) rows.push(`${g.padEnd(w)}${VOICES.map((t) => String(c[g][t]).padStart(w)).join('')}`);
  return rows.join('\n  ');
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
  const v = voiceScore(pairs);
  voiceScores.set(set, v);
  console.log(`[gold] ${set}: voice agreement ${pct(v.agreement)} on ${v.compared} matched hits\n  ${confusionTable(v.confusion)}`);
  if (v.disagreements.length) console.log(`[gold] ${set} voice disagreements:\n  ${v.disagreements.join('\n  ')}`);
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
