import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '../../src/types.js';
import { TermIndex } from '../../src/server/term-index.js';
import { ScratchFile } from '../../src/server/spill.js';
import { VoiceTable } from '../../src/server/voice-table.js';
import { createStoreState, indexStore, readVoicesBehind } from '../../src/server/store-state.js';
import { documentCount, recordAt } from '../../src/server/state.js';
import { termResults } from '../../src/server/term.js';
import { Store } from '../../src/store/index.js';
import { generateCorpus } from '../../bench/corpus.js';
import { runCli } from '../helpers/cli.js';
import { lexicon, seedsDir } from './server-fixture.js';

describe('a term index that spills its word postings a segment at a time', () => {
  const docs: Document[] = generateCorpus(seedsDir, 120 * 1024);
  const scratches: ScratchFile[] = [];
  afterAll(() => scratches.forEach((s) => s.close()));

  const build = (segmentBytes?: number) => {
    const scratch = new ScratchFile();
    scratches.push(scratch);
    const index = new TermIndex(segmentBytes === undefined ? {} : { spill: scratch, segmentBytes });
    let most = 0;
    docs.forEach((d, i) => {
      index.add(i, d, { hits: [] });
      most = Math.max(most, index.memoryBytes);
    });
    index.trim();
    return { index, scratch, most };
  };

  it('answers words, stems and phrases exactly as the index held in memory does', () => {
    const memory = build().index;
    const { index: spilled, scratch } = build(2048);
    expect(scratch.wordCount()).toBe(memory.size.words);
    expect(spilled.size).toEqual(memory.size);
    const words = ['the', 'said', 'militia', 'gaza', 'hezbollah', 'nonexistentword', '2024'];
    for (const w of words) expect(spilled.word(w), w).toEqual(memory.word(w));
    // Common words span every segment, so their postings are joined from many rows.
    expect((spilled.word('the')?.docs.length ?? 0)).toBeGreaterThan(docs.length / 2);
    for (const p of ['th', 'the', 'mil', 'a', 'zzz', 'gaz']) expect(spilled.prefix(p), p).toEqual(memory.prefix(p));
    for (const ph of [['the', 'israeli'], ['said', 'the'], ['of', 'the'], ['us', 'forces'], ['in', 'the', 'west']]) {
      expect(spilled.phrase(ph), ph.join(' ')).toEqual(memory.phrase(ph));
    }
  });

  it('holds at most about one segment of postings in memory while reading, none after', () => {
    const { index, most, scratch } = build(4096);
    // A segment is written once it reaches the budget: one document's postings more at most.
    expect(most).toBeLessThan(4096 + 16 * 1024);
    expect(index.memoryBytes).toBe(0);
    expect(scratch.wordCount()).toBeGreaterThan(500);
    const kept = build().index;
    expect(kept.memoryBytes).toBeGreaterThan(8 * 4096);
  });
});

describe('serve --db keeps the index and the voices on disk, not per document in memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-spill-'));
  const file = join(dir, 'gen.db');
  let store: Store;
  beforeAll(async () => {
    const corpus = join(dir, 'gen.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(corpus, generateCorpus(seedsDir, 400 * 1024).map((d) => JSON.stringify({ id: d.id, outlet: d.outlet, text: d.text, date: d.date, title: d.title })).join('\n'));
    const out = await runCli(['analyze', corpus, '--db', file, '--format', 'json', '--omit-hits', '--out', join(dir, 'report.json'), '--resamples', '20', '--quiet']);
    expect(out.code, out.stderr).toBe(0);
    store = Store.open(file, { readonly: true });
  }, 120_000);
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes in segments, reads voices into the scratch file, and term pages equal those of an index kept whole', async () => {
    const state = createStoreState(store, lexicon(), { segmentBytes: 16 * 1024 });
    let most = 0;
    await indexStore(state, () => {
      most = Math.max(most, state.termIndex.memoryBytes);
    });
    expect(documentCount(state)).toBeGreaterThan(100);
    // Several segments were written: the postings reached the budget and went out each time.
    expect(state.termIndex.spilledSegments).toBeGreaterThan(3);
    expect(most).toBeLessThan(16 * 1024 + 64 * 1024);
    expect(state.termIndex.memoryBytes).toBe(0);
    const reading = readVoicesBehind(state, { worker: false });
    await reading?.done;
    expect(state.scratch?.voiceCount()).toBe(documentCount(state));
    // The reading lands in the scratch file; an in-memory table would answer nothing here.
    expect(state.voiceTable.size).toBe(documentCount(state));
    expect(new VoiceTable().size).toBe(0);

    // The same store with the whole index in memory (the state of an in-memory corpus) gives the same pages.
    const whole = createStoreState(store, lexicon());
    whole.termIndex = new TermIndex();
    await indexStore(whole);
    for (const t of ['said', 'militia*', 'us forces', 'the', 'th*']) {
      expect(termResults(state, t, 1, 200, { budgetMs: Infinity }), t).toEqual(termResults(whole, t, 1, 200, { budgetMs: Infinity }));
    }
    const { document } = recordAt(state, 3);
    expect(state.voiceTable.get(document.id)).toBeDefined();
    state.scratch?.close();
    whole.scratch?.close();
  }, 120_000);
});
