import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.join(repo, 'corpus/seeds');
/** The shared seed texts sit beside the clone in CI; the recorded hashes guard the round trip when they do not. */
const sharedSeeds = path.resolve(repo, '../shared/seeds');

const SEED_SHA256: Record<string, string> = {
  '000_73b0047ece879f3f': 'a31f0ce0b17bde6f8ccef4d1b27f7dcac0852ca504000e13a1313a6622810574',
  '001_e5027b69a25009b3': '8cbb3ca900b14cc12a0c872ba632de32f30ed6c05b3e7b3330f018b7ddbdf629',
  '002_80f3a7a793f883fd': '6340a39de9b0185a042ea8b599b6de845fbc2c2fd66481fd4b86e2be8ba6f2b4',
  '003_74aaaff8d518f159': '3cbf50a34e26ea042e02a80919661e8bca8f0cf10e8c5701d226895f22de4ad9',
  '004_3dd804058064a703': 'fcef24ef7a71d11ebdde7d4b7ce9ba09f8dc85de44da371e024eab0b6e23fa10',
};

const EXPECTED = [
  { id: '000_73b0047ece879f3f', outlet: 'Al Jazeera Arabic', date: '2023-11-29', translatedFrom: 'ar' },
  { id: '001_e5027b69a25009b3', outlet: 'Press TV', date: '2023-11-24', translatedFrom: undefined },
  { id: '002_80f3a7a793f883fd', outlet: 'The World Monitor', date: '2024-01-07', translatedFrom: 'ar' },
  { id: '003_74aaaff8d518f159', outlet: 'ISWNews', date: '2024-01-31', translatedFrom: undefined },
  { id: '004_3dd804058064a703', outlet: 'AFP', date: '2023-12-11', translatedFrom: 'fr' },
];

describe('corpus/seeds', () => {
  it('reads the five seeds with their metadata and nothing skipped', async () => {
    const { documents, skipped, warnings } = await readCorpus([seedsDir]);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => ({ id: d.id, outlet: d.outlet, date: d.date, translatedFrom: d.meta['translated-from'] }))).toEqual(EXPECTED);
    for (const d of documents) {
      expect(d.language).toBe('en');
      expect(d.title).toBeTruthy();
      expect(d.url).toBeUndefined();
      expect(d.event).toBeUndefined();
      expect(typeof d.meta.provenance).toBe('string');
      expect(d.source).toEqual({ file: path.join(seedsDir, `${d.id}.md`), line: 1 });
    }
    expect(documents[3].title).toBe('A Review Of Actions Made By Axis Of Resistance Against US, Israel In Region: US Bases Struck 200 Times!');
  });

  it('gives back each seed text byte for byte (recorded sha256)', async () => {
    const { documents } = await readCorpus([seedsDir]);
    for (const d of documents) {
      const sha = createHash('sha256').update(Buffer.from(d.text, 'utf8')).digest('hex');
      expect(sha, d.id).toBe(SEED_SHA256[d.id]);
    }
  });

  it.skipIf(!existsSync(sharedSeeds))('gives back each seed text byte for byte (../shared/seeds)', async () => {
    const { documents } = await readCorpus([seedsDir]);
    expect(documents).toHaveLength(5);
    for (const d of documents) {
      const original = readFileSync(path.join(sharedSeeds, `${d.id}.txt`));
      expect(Buffer.from(d.text, 'utf8').equals(original), d.id).toBe(true);
    }
  });
});
