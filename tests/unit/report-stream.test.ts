import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocAnalysis, Document, Hit, Lexicon } from '../../src/types.js';
import { buildReport, documentHits } from '../../src/report/build.js';
import { hitsTable } from '../../src/report/csv.js';
import { writeHitsCsv, writeReportJson } from '../../src/report/stream-json.js';
import { stringSink, writeAtomic, writeAtomicSync } from '../../src/report/write-atomic.js';
import { tempDir } from '../helpers/temp.js';

const lexicon: Lexicon = {
  sources: [{ name: 't', version: '1', sha256: 'a'.repeat(64), file: 't.yml' }],
  referents: [{ id: 'israel', label: 'Israel' }],
  variants: [],
  entries: [],
};
const hit = (k: number): Hit => ({
  label: k % 2 ? 'zionist' : 'israel', referent: 'israel', category: 'actor-label', weight: k % 2 ? -2 : 0, start: k, end: k + 3,
  text: k % 3 ? 'a "quoted"\nline' : '=SUM(1)', sentence: 0, voice: 'author', distanced: false, negated: false, resolution: 'fixed',
});
const analyses: DocAnalysis[] = Array.from({ length: 6 }, (_, i) => ({
  id: `d${i}`, outlet: `o${i % 2}`, words: 50, tokens: 50, sentences: [], voiceSpans: [], hits: Array.from({ length: i }, (_, k) => hit(k)),
  names: [{ name: 'baghdad', type: 'place', referent: null, start: 0, end: 7, text: 'Baghdad', sentence: 0, voice: 'author', distanced: false }],
  devices: [], warnings: i === 2 ? ['guarded'] : [],
}));
const documents: Document[] = analyses.map((a) => ({ id: a.id, outlet: a.outlet, text: `text ${a.id}`, source: { file: `${a.id}.txt` }, meta: {} }));
const input = { documents, analyses, skipped: [], lexicon };

describe('streamed JSON report', () => {
  it('writes the same bytes as stringifying the whole report, from an iterator of hits', async () => {
    const full = buildReport(input, { resamples: 20 });
    const lean = buildReport(input, { resamples: 20, omitHits: true });
    const sink = stringSink();
    async function* fromStore() {
      for (const a of analyses) yield { id: a.id, ...documentHits(a) };
    }
    await writeReportJson(sink, lean, fromStore());
    expect(sink.text()).toBe(`${JSON.stringify(full, null, 2)}\n`);
  });

  it('writes the events from a walk where the report holds none, with the same bytes (and an empty walk as [])', async () => {
    const lean = buildReport(input, { resamples: 20, omitHits: true });
    expect(lean.events.length).toBeGreaterThan(0);
    function* walk() {
      yield* lean.events;
    }
    const sink = stringSink();
    await writeReportJson(sink, { ...lean, events: [] }, undefined, lean.documents, walk());
    expect(sink.text()).toBe(`${JSON.stringify(lean, null, 2)}\n`);
    const none = stringSink();
    await writeReportJson(none, lean, undefined, lean.documents, [][Symbol.iterator]());
    expect(none.text()).toBe(`${JSON.stringify({ ...lean, events: [] }, null, 2)}\n`);
  });

  it('writes a report without hits, and one without documents', async () => {
    const lean = buildReport(input, { resamples: 20, omitHits: true });
    const sink = stringSink();
    await writeReportJson(sink, lean);
    expect(sink.text()).toBe(`${JSON.stringify(lean, null, 2)}\n`);
    const empty = { ...lean, documents: [] };
    const none = stringSink();
    await writeReportJson(none, empty);
    expect(JSON.parse(none.text())).toEqual(empty);
  });

  it('writes the fields before the documents one by one, list elements one at a time, with JSON.stringify\'s bytes', async () => {
    const lean = buildReport(input, { resamples: 20, omitHits: true });
    // Lists of objects, of lists, empty lists, null, an undefined field (left out) and undefined in a list (null).
    const { documents: docs, ...rest } = lean;
    const odd = {
      ...rest,
      events: [...lean.events, { id: 'x', nested: [[1, 2], []], text: 'two\nlines "quoted"' }],
      timeline: null, dictionaries: [], extra: undefined, list: [undefined, 'a'], documents: docs,
    } as unknown as typeof lean;
    const chunks: string[] = [];
    await writeReportJson({ write: async (c) => { chunks.push(c); } }, odd);
    expect(chunks.join('')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
    // One write per event, not one string of the whole list.
    expect(chunks.length).toBeGreaterThan(odd.events.length);
    await expect(writeReportJson(stringSink(), { ...odd, documents: undefined, after: 1 } as unknown as typeof lean)).rejects.toThrow('"documents" must be the last field');
  });

  it('refuses hits out of order or missing, naming the document', async () => {
    const lean = buildReport(input, { resamples: 20, omitHits: true });
    const reversed = [...analyses].reverse().map((a) => ({ id: a.id, ...documentHits(a) }));
    await expect(writeReportJson(stringSink(), lean, reversed)).rejects.toThrow(/hits for d5 came where d0 was expected/);
    await expect(writeReportJson(stringSink(), lean, reversed.slice(3).reverse())).rejects.toThrow(/ran out before document d3/);
  });

  it('streams hits.csv equal to the in-memory table', async () => {
    const full = buildReport(input, { resamples: 20 });
    const sink = stringSink();
    await writeHitsCsv(sink, buildReport(input, { resamples: 20, omitHits: true }), analyses.map((a) => ({ id: a.id, ...documentHits(a) })));
    expect(sink.text()).toBe(hitsTable(full));
  });
});

describe('atomic writes', () => {
  const dir = tempDir('framelens-atomic-');

  it('replaces the destination only when the new text is complete', async () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, '{"old": true}\n');
    await expect(writeAtomic(out, async (sink) => {
      await sink.write('{"new": ');
      throw new Error('interrupted');
    })).rejects.toThrow('interrupted');
    expect(readFileSync(out, 'utf8')).toBe('{"old": true}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
    await writeAtomic(out, async (sink) => {
      for (let k = 0; k < 5000; k++) await sink.write(`${k === 0 ? '[' : ','}${k}`);
      await sink.write(']');
    });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(5000);
    writeAtomicSync(out, 'small\n');
    expect(readFileSync(out, 'utf8')).toBe('small\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the previous report whole when the writing process is killed', async () => {
    const out = join(dir, 'killed.json');
    writeFileSync(out, '{"previous": "complete"}\n');
    // A separate process needs compiled JavaScript: the build in dist/ (made by `npm test` / `npm run build`).
    const compiled = resolve('dist/src/report/write-atomic.js');
    expect(existsSync(compiled), 'dist/ is missing: run `npm run build` first').toBe(true);
    const module = pathToFileURL(compiled).href;
    // A writer that never finishes: it writes chunks forever until killed.
    const script = `const { writeAtomic } = await import(${JSON.stringify(module)});
      await writeAtomic(${JSON.stringify(out)}, async (sink) => { process.stdout.write('started\\n');
        for (;;) { await sink.write('{"x": "' + 'y'.repeat(70000) + '"},'); await new Promise((r) => setTimeout(r, 5)); } });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolveStarted) => child.stdout.once('data', () => resolveStarted()));
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readFileSync(out, 'utf8')).toBe('{"previous": "complete"}\n');
    // The stray temporary file is beside it, never at the destination.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length).toBeGreaterThanOrEqual(1);
    expect(existsSync(out)).toBe(true);
  }, 30_000);
});
