import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { loadCompiled } from '../../src/cli/common.js';
import { contentHash } from '../../src/corpus/hash.js';
import { Store, StoreError } from '../../src/store/index.js';
import { mergeStores } from '../../src/store/merge.js';
import { storedAnalysisJson } from '../../src/store/analysis-json.js';
import Database from 'better-sqlite3';
import type { Document } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

const compiled = loadCompiled(undefined);
const doc = (id: string, text: string): Document => ({ id, outlet: 'Wire A', text, source: { file: `${id}.md` }, meta: {} });
const texts = [
  'Terrorists fired rockets at Israel, officials said.',
  'Occupation forces raided a village, the ministry claimed.',
  'US forces said the militias were Iran-backed.',
  'The so-called resistance fighters attacked a base.',
];

function part(dir: string, name: string, entries: Array<[number, Document]>, options: { key?: string; finish?: boolean } = {}): string {
  const file = join(dir, name);
  const store = Store.open(file);
  const key = options.key ?? 'k1';
  const run = store.beginRun(key, null);
  store.writeBatch(run, key, entries.map(([ord, d]) => {
    const analysis = analyzeDocument(d, compiled);
    return { kind: 'analyzed' as const, ord, document: d, hash: contentHash(d), analysisJson: storedAnalysisJson(analysis), analysis };
  }));
  if (options.finish !== false) store.finishRun(run, {});
  store.close();
  return file;
}

describe('mergeStores', () => {
  it('copies documents and hits of every part, keeping each document\'s place in the whole corpus', () => {
    const dir = tempDir('fl-merge-');
    const a = part(dir, 'a.db', [[0, doc('d0', texts[0])], [2, doc('d2', texts[2])]]);
    const b = part(dir, 'b.db', [[1, doc('d1', texts[1])], [3, doc('d3', texts[3])], [2, doc('d2', texts[2])]]);
    const result = mergeStores(join(dir, 'all.db'), [a, b], 'k1');
    expect(result).toEqual({ documents: 4, duplicates: 1 });
    const all = Store.open(join(dir, 'all.db'), { readonly: true });
    try {
      expect(all.listDocuments().map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3']);
      for (let i = 0; i < 4; i++) expect(all.hitsOf(`d${i}`).length).toBe(analyzeDocument(doc(`d${i}`, texts[i]), compiled).hits.length);
      expect(all.getDocument('d3')?.analysis).toEqual(analyzeDocument(doc('d3', texts[3]), compiled));
    } finally {
      all.close();
    }
  });

  it('refuses parts that did not finish, were analyzed under another key, or disagree on a document', () => {
    const dir = tempDir('fl-merge-bad-');
    const done = part(dir, 'done.db', [[0, doc('d0', texts[0])]]);
    const unfinished = part(dir, 'unfinished.db', [[1, doc('d1', texts[1])]], { finish: false });
    expect(() => mergeStores(join(dir, 'x.db'), [done, unfinished], 'k1')).toThrow(StoreError);
    expect(() => mergeStores(join(dir, 'x.db'), [done, unfinished], 'k1')).toThrow(`${unfinished}: its last analyze run did not finish`);
    const otherKey = part(dir, 'other.db', [[1, doc('d1', texts[1])]], { key: 'k2' });
    expect(() => mergeStores(join(dir, 'y.db'), [done, otherKey], 'k1')).toThrow(/analyzed under analysis key k2, not k1/);
    const clash = part(dir, 'clash.db', [[0, doc('d0', texts[3])]]);
    expect(() => mergeStores(join(dir, 'z.db'), [done, clash], 'k1')).toThrow(/document "d0" is also in another input with different content/);
    // A part written by the previous schema (hits inside each analysis) is refused with what to do.
    const old = part(dir, 'old.db', [[1, doc('d1', texts[1])]]);
    const db = new Database(old);
    db.prepare("UPDATE meta SET value = 'framelens.store/1' WHERE key = 'schema'").run();
    db.close();
    expect(() => mergeStores(join(dir, 'w.db'), [done, old], 'k1')).toThrow(`${old}: store schema "framelens.store/1" is older than framelens.store/2; run the same analyze command on it once`);
  });
});
