/**
 * The development/test set of real articles (tests/fixtures/devset): every annotation file is checked, and the
 * analyzer is measured on the texts committed under open/ (the licensed ones, always present). The full set,
 * with the texts kept out of the repository, is measured by `npm run eval:devset`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';
import { DevsetError, analyzeTexts, findTexts, loadDevset, sha256 } from '../../bench/devset.js';
import { describeFalsePositive, describeMiss, score, voiceScore } from '../../bench/gold-score.js';
import { evalDevset } from '../../bench/eval-devset.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'tests/fixtures/devset';
// Floors for the open texts under today's analyzer; raise them as the analyzer improves (issue 8 targets on the
// test split: precision 0.95, recall 0.90, voice 0.93, no split mentions).
const OPEN_PRECISION = 0.9;
const OPEN_RECALL = 0.8;
const OPEN_VOICE = 0.9;

describe('development set files', () => {
  it('every sources and annotation file is well formed and consistent', () => {
    const devset = loadDevset(DIR);
    expect(devset.articles.size).toBeGreaterThanOrEqual(20);
    expect(devset.annotations.size).toBeGreaterThanOrEqual(20);
    const outlets = new Set([...devset.articles.values()].map((a) => a.outlet));
    expect(outlets.size).toBeGreaterThanOrEqual(10);
    for (const a of devset.articles.values()) {
      expect(existsSync(join(DIR, 'open', `${a.id}.txt`)), `${a.id}: committed: ${a.committed}, so its text must ${a.committed ? '' : 'not '}be in open/`).toBe(a.committed);
    }
  });

  it('bad annotations are reported with file and line', () => {
    const dir = tempDir('devset-');
    writeFileSync(join(dir, 'sources-x.yml'), [
      'articles:',
      '  - { id: a-1, outlet: X, outlet_kind: wire, url: "https://x", title: T, licence: none, committed: false, sha256: "' + '0'.repeat(64) + '", chars: 10, split: dev }',
      '  - { id: a-2, outlet: X, outlet_kind: blog, url: "https://x", title: T, committed: false, sha256: "abc", chars: 10, split: dev }',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'test-x.yml'), [
      'documents:',
      '  - id: a-1',
      '    spans:',
      '      - { start: 0, end: 4, text: "Iran", referent: iran, sign: "+", voice: author }',
      '      - { start: 5, end: 9, text: "US f", referent: usa, sign: 1, voice: narrator }',
      '  - id: a-9',
      '',
    ].join('\n'));
    let err: unknown;
    try {
      loadDevset(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DevsetError);
    const problems = (err as DevsetError).problems.join('\n');
    expect(problems).toContain('sources-x.yml:3: article a-2: outlet_kind "blog"');
    expect(problems).toContain('sources-x.yml:3: article a-2: sha256 must be 64');
    expect(problems).toContain('test-x.yml:2: document a-1 is annotated in test-x.yml but its split');
    expect(problems).toContain('test-x.yml:5: document a-1 span 2: referent "usa"');
    expect(problems).toContain('span 2: sign "1"');
    expect(problems).toContain('span 2: voice "narrator"');
    expect(problems).toContain('test-x.yml:6: document a-9 is not listed');
  });

  it('texts are found in open/ then in the local folder, checked by sha256 and against the spans', () => {
    const dir = tempDir('devset-');
    const local = join(dir, 'elsewhere');
    mkdirSync(join(dir, 'open'));
    mkdirSync(local);
    const text = 'Title\n\nIran-backed militias struck US forces.\n';
    const entry = (id: string, hash: string): string => `  - { id: ${id}, outlet: X, outlet_kind: wire, url: "https://x", title: T, committed: false, sha256: "${hash}", chars: ${text.length}, split: dev }`;
    writeFileSync(join(dir, 'sources-x.yml'), ['articles:', entry('in-open', sha256(text)), entry('in-local', sha256(text)), entry('absent', sha256(text)), ''].join('\n'));
    const span = '{ start: 7, end: 27, text: "Iran-backed militias", referent: armed-groups, sign: "-", voice: author }';
    writeFileSync(join(dir, 'dev-x.yml'), ['documents:', ...['in-open', 'in-local', 'absent'].map((id) => `  - { id: ${id}, spans: [ ${span} ] }`), ''].join('\n'));
    writeFileSync(join(dir, 'open', 'in-open.txt'), text);
    writeFileSync(join(local, 'in-local.txt'), text);
    const devset = loadDevset(dir);
    const found = findTexts(devset, local);
    expect(found.present.map((p) => p.article.id).sort()).toEqual(['in-local', 'in-open']);
    expect(found.missing.map((a) => a.id)).toEqual(['absent']);
    expect(findTexts(devset).present.map((p) => p.article.id)).toEqual(['in-open']);

    writeFileSync(join(local, 'in-local.txt'), text.replace('struck', 'hit'));
    expect(() => findTexts(devset, local)).toThrow(/in-local\.txt: sha256 [0-9a-f]{64} differs/);
    writeFileSync(join(local, 'in-local.txt'), text);
    writeFileSync(join(dir, 'dev-x.yml'), ['documents:', `  - { id: in-open, spans: [ { start: 6, end: 26, text: "Iran-backed militias", referent: armed-groups, sign: "-", voice: author } ] }`, ''].join('\n'));
    expect(() => findTexts(loadDevset(dir), local)).toThrow(/in-open \[6, 26\) is "\\nIran-backed militia" in the text/);
  });
});

describe('development set: the committed open texts', () => {
  let compiled: CompiledLexicon;
  beforeAll(() => {
    compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
  });

  it('the analyzer meets the floors on the open texts', async () => {
    const devset = loadDevset(DIR);
    const { present } = findTexts(devset);
    expect(present.length, 'open/ holds at least one annotated licensed text').toBeGreaterThanOrEqual(1);
    for (const p of present) expect(p.article.committed, `${p.article.id} is in open/ but marked committed: false`).toBe(true);
    const docs = await analyzeTexts(present, compiled);
    const s = score(docs);
    const v = voiceScore(docs);
    console.log(
      `[devset open] ${docs.length} texts, ${s.gold} gold spans, ${s.hits} hits | precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}` +
        ` | P+sign ${s.strictPrecision.toFixed(3)} | voice ${v.agreement.toFixed(3)} on ${v.compared} | split mentions ${s.splitMentions.length}`,
    );
    // Errors are listed for the dev split only: the test split is held out from tuning.
    const dev = score(docs.filter((d) => d.article.split === 'dev'));
    if (dev.falsePositives.length) console.log(`[devset open, dev] false positives:\n  ${dev.falsePositives.map(describeFalsePositive).join('\n  ')}`);
    if (dev.misses.length) console.log(`[devset open, dev] misses:\n  ${dev.misses.map(describeMiss).join('\n  ')}`);
    expect(s.gold).toBeGreaterThan(0);
    expect(s.precision).toBeGreaterThanOrEqual(OPEN_PRECISION);
    expect(s.recall).toBeGreaterThanOrEqual(OPEN_RECALL);
    expect(v.agreement).toBeGreaterThanOrEqual(OPEN_VOICE);
  });
});

describe('npm run eval:devset', () => {
  it('without the local texts: measures the open texts, names the skipped ones and exits 0', async () => {
    const empty = tempDir('devset-local-');
    let out = '';
    const code = await evalDevset(['--brief'], { localDir: empty, out: (t) => void (out += `${t}\n`) });
    expect(code).toBe(0);
    const devset = loadDevset(DIR);
    const open = findTexts(devset).present.length;
    const skipped = devset.annotations.size - open;
    expect(out).toContain(`texts: ${open} present`);
    expect(out).toMatch(new RegExp(`skipped ${skipped} texts: not present locally`));
    const missingId = [...devset.articles.values()].find((a) => !a.committed)?.id ?? '';
    expect(out).toContain(`  ${missingId}`);
    expect(out).toMatch(/^dev +all +\d+ /m);
    expect(out).toMatch(/^test +all +\d+ /m);
    // Each split's headline figures with intervals from resampling its articles.
    expect(out).toMatch(/^\[dev\] 95% intervals, \d+ articles resampled \(2000 resamples, seed 42\): prec \d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\), recall /m);
    // A row per batch of the open texts (the batch is the sources file's letter), documents counted per batch.
    for (const split of ['dev', 'test'] as const) {
      const perBatch = new Map<string, number>();
      for (const t of findTexts(devset).present) if (t.article.split === split) perBatch.set(t.article.batch, (perBatch.get(t.article.batch) ?? 0) + 1);
      for (const [batch, n] of perBatch) expect(out).toMatch(new RegExp(`^${split} +batch ${batch} +${n} `, 'm'));
    }
  });

  it('lists the dev errors with their sentence, and the test errors only when asked for', async () => {
    let all = '';
    await evalDevset([], { localDir: tempDir('devset-local-'), out: (t) => void (all += `${t}\n`) });
    expect(all).toContain('[test] listings not shown (held-out split)');
    expect(all).not.toMatch(/^\[test\] (misses|false positives)/m);
    let test = '';
    await evalDevset(['--split', 'test'], { localDir: tempDir('devset-local-'), out: (t) => void (test += `${t}\n`) });
    expect(test).not.toMatch(/^dev /m);
    expect(test).not.toContain('listings not shown');
  });

  it('rejects an unknown option with a clear message', async () => {
    await expect(evalDevset(['--split', 'train'])).rejects.toThrow('--split takes dev or test, not "train"');
    await expect(evalDevset(['--verbose'])).rejects.toThrow('unknown option "--verbose"');
  });
});
