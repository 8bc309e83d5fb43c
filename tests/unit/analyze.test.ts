import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import type { Document } from '../../src/types.js';
import { compileYaml } from '../helpers/lexicon.js';

const lexicon = compileYaml(`lexicon: t
version: 1
referents:
  - { id: israel, label: Israel }
  - { id: syria, label: Syrian government }
  - { id: armed-groups, label: Armed groups }
  - { id: us-forces, label: US forces }
  - { id: palestinians, label: Palestinians }
names:
  - { id: hezbollah, referent: armed-groups, patterns: [Hezbollah] }
  - { id: irq, referent: armed-groups, patterns: [Islamic Resistance in Iraq] }
  - { id: companions, referent: armed-groups, patterns: [Companions of the Cave] }
labels:
  - { id: tel-aviv-regime, referent: israel, category: actor-label, weight: -2, patterns: [Tel Aviv regime], rationale: r }
  - { id: israel, referent: israel, category: actor-label, weight: 0, patterns: [Israel], rationale: r }
  - { id: syrian-regime, referent: syria, category: actor-label, weight: -1, patterns: [Syrian regime], rationale: r }
  - { id: the-regime, resolve: [israel, syria], category: actor-label, weight: -1, patterns: [regime], rationale: r }
  - { id: terrorists, referent: armed-groups, category: actor-label, weight: -2, patterns: [terrorist], rationale: r }
  - { id: umbrella, resolve: [armed-groups], category: actor-label, weight: 0, patterns: [umbrella group], rationale: r }
  - { id: anti-terror, referent: armed-groups, category: actor-label, weight: 2, patterns: [anti-terror fighter], rationale: r }
  - { id: occupation, referent: us-forces, category: actor-label, weight: -2, patterns: [occupation], rationale: r }
  - { id: us-forces, referent: us-forces, category: actor-label, weight: 0, patterns: [US force], rationale: r }
  - { id: hamas, referent: palestinians, category: actor-label, weight: 0, patterns: [Hamas], rationale: r }
  - { id: fighters, resolve: [armed-groups, palestinians], category: actor-label, weight: 0, patterns: [fighter], rationale: r }
  - { id: iran-backed, resolve: [armed-groups, palestinians], category: actor-label, weight: -1, patterns: [Iran-backed], rationale: r }
devices:
  - { id: so-called, type: distancing, patterns: [so-called, self-styled, calling itself] }
  - { id: not, type: negation, patterns: [not, no longer, never] }
  - { id: said, type: attribution, weight: 0, patterns: [said] }
  - { id: claimed, type: attribution, weight: -1, patterns: [claimed] }
  - { id: reportedly, type: hedge, patterns: [reportedly] }
`);

const doc = (text: string): Document => ({ id: 'd', outlet: 'o', text, source: { file: 't' }, meta: {} });
const hitsOf = (text: string) => analyzeDocument(doc(text), lexicon).hits;

describe('analyzeDocument: context labels', () => {
  it('resolves "the regime" to the last named referent it may denote', () => {
    const hits = hitsOf('The Tel Aviv regime bombed Gaza. The regime said nothing.');
    expect(hits.map((h) => [h.label, h.referent, h.resolution])).toEqual([
      ['tel-aviv-regime', 'israel', 'fixed'],
      ['the-regime', 'israel', 'context'],
    ]);
  });

  it('follows the nearest antecedent: "the Syrian regime … the regime" is not Israel', () => {
    const hits = hitsOf('Israel struck. The Syrian regime protested. The regime said so.');
    expect(hits[2]).toMatchObject({ label: 'the-regime', referent: 'syria', resolution: 'context' });
  });

  it('leaves a context label unresolved when nothing is in reach or it is specified in place', () => {
    expect(hitsOf('The regime of the river was calm.')[0]).toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hitsOf('Israel struck. It rained. It rained again. It rained more. The regime was calm.')[1]).toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hitsOf('Israel struck. The Assad regime was calm.')[1]).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('resolves through an of-phrase that names the referent, and through a name', () => {
    expect(hitsOf('It is an umbrella group of Kataib Hezbollah and Nujaba.')[0]).toMatchObject({ label: 'umbrella', referent: 'armed-groups' });
    expect(hitsOf('The Islamic Resistance in Iraq, an umbrella group, struck.')[0]).toMatchObject({ label: 'umbrella', referent: 'armed-groups' });
  });
});

describe('analyzeDocument: context chains', () => {
  it('takes the referent of a name glued before or after the label', () => {
    expect(hitsOf('Hamas struck. Hezbollah fighters fired.')[1]).toMatchObject({ label: 'fighters', referent: 'armed-groups' });
    expect(hitsOf('Hamas fired rockets. Iran-backed Hezbollah fired missiles.')[1]).toMatchObject({ label: 'iran-backed', referent: 'armed-groups' });
    // The actor's own name as a label before the noun is one mention with it (gold README C-NAMED).
    expect(hitsOf('Hezbollah struck. Hamas fighters fired.')).toMatchObject([{ label: 'fighters', referent: 'palestinians', text: 'Hamas fighters' }]);
  });

  it('prefers a clearly more salient referent over a single nearer mention', () => {
    // armed-groups: 1/4 (sentence 0) + 3 × 1/3 (sentence 1) = 1.25; palestinians: 1/2 (Hamas, sentence 2).
    const text = 'The Islamic Resistance in Iraq struck. Hezbollah and the Islamic Resistance in Iraq said so, and ' +
      'Hezbollah agreed. It fought Hamas. The fighters vowed more.';
    expect(hitsOf(text).at(-1)).toMatchObject({ label: 'fighters', referent: 'armed-groups', resolution: 'context' });
    // With one mention each, the nearest wins.
    expect(hitsOf('Hezbollah struck. Hamas struck. The fighters vowed more.').at(-1)).toMatchObject({ label: 'fighters', referent: 'palestinians' });
  });

  it('lets a resolved context label serve as antecedent for the next one', () => {
    const hits = hitsOf('The Tel Aviv regime struck. It rained. The regime said so. It rained again. The regime denied it.');
    expect(hits.map((h) => h.referent)).toEqual(['israel', 'israel', 'israel']);
  });

  it('looks back through a pointing of-phrase ("fighters of these groups")', () => {
    const hits = hitsOf('The Tel Aviv regime struck. An umbrella group of these regimes answered.');
    expect(hits[1]).toMatchObject({ label: 'umbrella', referent: null });
    const chained = hitsOf('The Islamic Resistance in Iraq struck. Strikes hit an umbrella group of these factions.');
    expect(chained[0]).toMatchObject({ label: 'umbrella', referent: 'armed-groups', resolution: 'context' });
  });
});

describe('analyzeDocument: devices', () => {
  it('marks distanced labels and names (so-called, calling itself)', () => {
    const a = analyzeDocument(doc('The so-called Iraqi Companions of the Cave group and the self-styled terrorists. An alliance calling itself the Islamic Resistance in Iraq.'), lexicon);
    expect(a.names.map((n) => [n.name, n.distanced])).toEqual([['companions', true], ['irq', true]]);
    expect(a.hits[0]).toMatchObject({ label: 'terrorists', distanced: true, cues: ['so-called'] });
  });

  it('marks negated labels only when the cue governs them', () => {
    expect(hitsOf('They are not terrorists.')[0]).toMatchObject({ negated: true });
    expect(hitsOf('This is no longer an occupation.')[0]).toMatchObject({ negated: true });
    expect(hitsOf('The truce will not extend to terrorists in the north.')[0]).toMatchObject({ negated: false });
    expect(hitsOf('They are terrorists.')[0]).toMatchObject({ negated: false });
  });

  it('treats a short quotation around a label in the outlet\'s voice as a scare quote', () => {
    const hit = hitsOf('The army struck the “terrorists” again.')[0];
    expect(hit).toMatchObject({ label: 'terrorists', distanced: true, voice: 'author', cues: ['scare-quotes'] });
  });

  it('keeps quoted speech as quoted, not as a scare quote', () => {
    const hit = hitsOf('A spokesman said: "Our operations against the occupation will continue until the last soldier leaves."')[0];
    expect(hit).toMatchObject({ label: 'occupation', voice: 'quoted', distanced: false });
  });

  it('attaches attribution verbs and hedges to the referent named before them', () => {
    const a = analyzeDocument(doc('US forces claimed the strike killed ten. The terrorists reportedly fled.'), lexicon);
    expect(a.devices.map((d) => [d.device, d.referent])).toEqual([['claimed', 'us-forces'], ['reportedly', 'armed-groups']]);
  });

  it('does not count the place of a dateline as a label', async () => {
    const { datelineSpans } = await import('../../src/analysis/analyze.js');
    const text = 'ISRAEL, Jan 5 (Reuters) - Israel struck again.\nJERUSALEM (AFP) — The Tel Aviv regime said so.';
    expect(datelineSpans(text).map((d) => text.slice(d.start, d.end))).toEqual(['ISRAEL, Jan 5 (Reuters)', 'JERUSALEM (AFP)']);
    expect(hitsOf(text).map((h) => h.text)).toEqual(['Israel', 'Tel Aviv regime']);
    expect(datelineSpans('US forces - and others - left.')).toEqual([]);
  });

  it('warns when the document is not in the lexicon language', () => {
    const en = compileYaml('lexicon: l\nversion: 1\nlanguage: en\nreferents: [{ id: x, label: X }]\n');
    const arabic = analyzeDocument({ ...doc('نص عربي'), language: 'ar' }, en);
    expect(arabic.warnings).toEqual([expect.stringMatching(/document language "ar" is not the lexicon language \(en\)/)]);
    expect(analyzeDocument({ ...doc('Text.'), language: 'en-GB' }, en).warnings).toEqual([]);
    expect(analyzeDocument(doc('Text.'), en).warnings).toEqual([]);
  });

  it('counts words and keeps offsets exact', () => {
    const text = 'US forces   left\n\nthe Tel Aviv regime’s base.';
    const a = analyzeDocument(doc(text), lexicon);
    expect(a.words).toBe(9);
    for (const h of a.hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });
});
