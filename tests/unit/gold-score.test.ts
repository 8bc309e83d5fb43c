import { describe, expect, it } from 'vitest';
import { articleBootstrap, score, sentenceAround, trapHits, voiceScore, type GoldSpan, type ScoredDocument } from '../../bench/gold-score.js';
import type { Hit } from '../../src/types.js';

const text = 'Iran-backed militias attacked US forces. The regime said the enemy drone came from Iraq.';
const at = (s: string, n = 1): { start: number; end: number } => {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(s, i + 1);
  return { start: i, end: i + s.length };
};
const gold = (s: string, referent: string, sign: GoldSpan['sign'], voice: GoldSpan['voice'], context = false): GoldSpan => ({ ...at(s), text: s, referent, sign, voice, context });
const hit = (s: string, referent: string | null, weight: number, voice: Hit['voice'], extra: Partial<Hit> = {}): Hit => ({
  ...at(s), text: s, label: s.toLowerCase().replace(/\W+/g, '-'), referent, category: 'actor-label', weight, sentence: 0, voice, distanced: false, negated: false, ...extra,
});

describe('scoring hits against hand annotation', () => {
  const doc: ScoredDocument = {
    id: 'd1',
    text,
    gold: [
      gold('Iran-backed militias', 'armed-groups', '-', 'author'),
      gold('US forces', 'us-forces', '0', 'author'),
      gold('The regime', 'iran', '-', 'attributed', true),
    ],
    notLabels: [at('the enemy')],
    hits: [
      // one phrase read as two mentions: both overlap the gold span, so both count as true positives and the span is split
      hit('Iran-backed', 'armed-groups', -1, 'author'),
      hit('militias', 'armed-groups', -1, 'author'),
      hit('US forces', 'us-forces', 0, 'attributed'),
      // context label resolved to the wrong referent: a false positive and a miss
      hit('The regime', 'israel', -2, 'author', { resolution: 'context' }),
      // a trap taken as a label
      hit('the enemy', 'us-forces', -2, 'author', { resolution: 'context' }),
      // hits without a referent or of another category are not evaluated
      hit('Iraq', null, 0, 'author'),
      hit('attacked', 'armed-groups', -1, 'author', { category: 'event' }),
    ],
  };

  it('counts precision, recall, sign, context precision, split mentions and traps', () => {
    const s = score([doc]);
    expect(s.hits).toBe(5);
    expect(s.gold).toBe(3);
    expect(s.truePositives).toBe(3);
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.found).toBe(2);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.strictPrecision).toBeCloseTo(3 / 5);
    expect(s.contextHits).toBe(2);
    expect(s.contextCorrect).toBe(0);
    expect(s.contextGold).toBe(1);
    expect(s.contextFound).toBe(0);
    expect(s.misses.map((m) => m.gold.text)).toEqual(['The regime']);
    expect(s.misses[0].other?.referent).toBe('israel');
    expect(s.falsePositives.map((f) => [f.hit.text, f.other?.referent ?? null, f.trap])).toEqual([
      ['The regime', 'iran', false],
      ['the enemy', null, true],
    ]);
    expect(s.splitMentions.map((m) => [m.gold.text, m.hits.length])).toEqual([['Iran-backed militias', 2]]);
    expect([s.trapHits, s.traps]).toEqual([1, 1]);
  });

  it('lists the traps taken, an unresolved label on a trap included (it is no false positive)', () => {
    const unresolved = hit('the enemy', null, -2, 'author', { resolution: 'unresolved' });
    const d = { ...doc, hits: [...doc.hits.filter((h) => h.text !== 'the enemy'), unresolved] };
    expect(trapHits(d)).toEqual([unresolved]);
    expect(score([d]).falsePositives.some((f) => f.trap)).toBe(false);
    expect(score([d]).trapHits).toBe(1);
    expect(trapHits({ ...d, notLabels: undefined })).toEqual([]);
  });

  it('the strict figure needs the gold sign', () => {
    const s = score([{ ...doc, hits: [hit('US forces', 'us-forces', 1, 'author')] }]);
    expect(s.precision).toBe(1);
    expect(s.strictPrecision).toBe(0);
    expect(s.signDiffers.map((d) => d.hit.text)).toEqual(['US forces']);
  });

  it('voice agreement compares matched hits only', () => {
    const v = voiceScore([doc]);
    expect(v.compared).toBe(3);
    expect(v.agreement).toBeCloseTo(2 / 3);
    expect(v.confusion.author.attributed).toBe(1);
    expect(v.disagreements.map((d) => d.hit.text)).toEqual(['US forces']);
  });

  it('empty input gives zeros, not NaN', () => {
    const s = score([]);
    expect([s.precision, s.recall, s.contextPrecision]).toEqual([0, 0, 0]);
    expect(voiceScore([]).agreement).toBe(0);
  });

  it('shows the sentence around a span', () => {
    expect(sentenceAround(text, at('the enemy'))).toBe('The regime said [the enemy] drone came from Iraq.');
    expect(sentenceAround(text, at('US forces'))).toBe('Iran-backed militias attacked [US forces].');
  });

  describe('intervals from resampling articles', () => {
    const right: ScoredDocument = { id: 'r', text, gold: [gold('US forces', 'us-forces', '0', 'author')], hits: [hit('US forces', 'us-forces', 0, 'author')] };
    const wrong: ScoredDocument = { id: 'w', text, gold: [gold('US forces', 'us-forces', '0', 'author')], hits: [hit('US forces', 'israel', 0, 'author')] };

    it('articles that all agree give a zero-width interval at the estimate', () => {
      const b = articleBootstrap([right, right, right], 200, 7);
      expect(b.precision).toEqual({ estimate: 1, low: 1, high: 1 });
      expect(b.voice).toEqual({ estimate: 1, low: 1, high: 1 });
      // no context hit anywhere: no figure rather than a made-up 0
      expect(b.contextPrecision).toBeNull();
    });

    it('articles that differ give an interval around the estimate, the same for the same seed', () => {
      const docs = [right, right, right, wrong, right, wrong, right, right, right, right];
      const b = articleBootstrap(docs, 500, 3);
      expect(b.precision?.estimate).toBeCloseTo(0.8);
      expect(b.precision!.low).toBeLessThan(0.8);
      expect(b.precision!.high).toBeGreaterThan(0.8);
      expect(b.precision!.low).toBeGreaterThanOrEqual(0.3);
      expect(articleBootstrap(docs, 500, 3)).toEqual(b);
      expect(articleBootstrap(docs, 500, 4).precision).not.toEqual(b.precision);
    });

    it('resamples whole articles: one article with many hits moves the figure as one unit', () => {
      const many: ScoredDocument = {
        id: 'm', text,
        gold: [gold('Iran-backed militias', 'armed-groups', '-', 'author'), gold('US forces', 'us-forces', '0', 'author')],
        hits: [hit('Iran-backed militias', 'israel', -2, 'author'), hit('US forces', 'israel', 0, 'author')],
      };
      // 2 of 6 hits wrong, all in one article: with that article left out (about a third of the resamples) precision is 1
      const b = articleBootstrap([right, right, right, right, many], 1000, 1);
      expect(b.precision?.estimate).toBeCloseTo(4 / 6);
      expect(b.precision!.high).toBe(1);
    });

    it('no articles, no intervals', () => {
      expect(articleBootstrap([]).precision).toBeNull();
    });
  });
});
