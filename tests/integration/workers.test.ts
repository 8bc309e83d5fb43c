import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Worker threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const dist = new URL('../../dist/src/pipeline.js', import.meta.url);

describe('parallel analysis on worker threads', () => {
  it('defaults to one worker per core but at most two, so that the default run stays within its memory budget', async () => {
    const { availableParallelism } = await import('node:os');
    const { defaultWorkerCount, DEFAULT_MAX_WORKERS } = await import(new URL('../../dist/src/worker/pool.js', import.meta.url).href);
    expect(DEFAULT_MAX_WORKERS).toBe(2);
    expect(defaultWorkerCount()).toBe(Math.max(1, Math.min(2, availableParallelism())));
  });

  it('gives exactly the main-thread result, in input order', async () => {
    expect(existsSync(dist), 'dist/ is missing: run `npm run build` first').toBe(true);
    const pipeline = await import(dist.href);
    const { generateCorpus } = await import(new URL('../../dist/bench/corpus.js', import.meta.url).href);
    const { loadLexicons } = await import(new URL('../../dist/src/lexicon/load.js', import.meta.url).href);
    const { compileLexicon } = await import(new URL('../../dist/src/lexicon/compile.js', import.meta.url).href);
    const { defaultLexiconPath } = await import(new URL('../../dist/src/paths.js', import.meta.url).href);
    const docs = generateCorpus('corpus/seeds', 300 * 1024);
    const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
    const sequential = pipeline.analyzeCorpus(docs, compiled);
    const seen: number[] = [];
    const parallel = await pipeline.analyzeCorpusParallel(docs, compiled, { workers: 2, onProgress: (d: number) => seen.push(d) });
    expect(parallel.workers).toBe(2);
    expect(parallel.analyzed).toBe(docs.length);
    expect(JSON.stringify(parallel.analyses)).toBe(JSON.stringify(sequential.analyses));
    expect(seen.at(-1)).toBe(docs.length);
  });

  it('report features computed by the workers equal those the report builder computes from the text', async () => {
    const pipeline = await import(dist.href);
    const { generateCorpus } = await import(new URL('../../dist/bench/corpus.js', import.meta.url).href);
    const { loadLexicons } = await import(new URL('../../dist/src/lexicon/load.js', import.meta.url).href);
    const { compileLexicon } = await import(new URL('../../dist/src/lexicon/compile.js', import.meta.url).href);
    const { defaultLexiconPath } = await import(new URL('../../dist/src/paths.js', import.meta.url).href);
    const { documentFeatures } = await import(new URL('../../dist/src/report/features.js', import.meta.url).href);
    const { nearDuplicateSketch } = await import(new URL('../../dist/src/stats/duplicates.js', import.meta.url).href);
    const docs = generateCorpus('corpus/seeds', 300 * 1024); // enough documents for the pool to start
    const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
    const stopwords = ['the', 'and', 'of'];
    let withFeatures = 0;
    await pipeline.runPipeline(docs, compiled, {
      workers: 2,
      features: { stopwords, sketches: true },
      onDocument: (doc: { text: string }, analysis: { date?: string }, features: { sketch?: unknown } | undefined) => {
        if (features === undefined) return;
        withFeatures++;
        const { sketch, ...rest } = features;
        expect(rest).toEqual(JSON.parse(JSON.stringify(documentFeatures(doc.text, analysis.date, new Set(stopwords)))));
        // The sketch arrives as typed arrays (moved, not copied as JSON), equal to one made here.
        expect(sketch).toEqual(nearDuplicateSketch(doc.text));
      },
    });
    expect(withFeatures).toBe(docs.length);
  });
});

describe('worker heap limits', () => {
  it('pool workers get a young generation of 16 MB or more: at 8 MB they spent ~12% of their time collecting garbage', async () => {
    const { WORKER_LIMITS } = await import(new URL('../../dist/src/worker/pool.js', import.meta.url).href);
    expect(WORKER_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThanOrEqual(16);
    // Old generation: room for a 5 MB document (see WORKER_LIMITS).
    expect(WORKER_LIMITS.maxOldGenerationSizeMb).toBe(256);
  });

  it('a batch that runs a pool worker out of memory is analyzed again on a worker without limits, with the same result', async () => {
    const { WorkerPool } = await import(new URL('../../dist/src/worker/pool.js', import.meta.url).href);
    const { joinAnalysis } = await import(new URL('../../dist/src/store/analysis-json.js', import.meta.url).href);
    const { analyzeDocument } = await import(new URL('../../dist/src/analysis/analyze.js', import.meta.url).href);
    const { loadLexicons } = await import(new URL('../../dist/src/lexicon/load.js', import.meta.url).href);
    const { compileLexicon } = await import(new URL('../../dist/src/lexicon/compile.js', import.meta.url).href);
    const { defaultLexiconPath } = await import(new URL('../../dist/src/paths.js', import.meta.url).href);
    const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
    const sentence = 'Iran-backed militias attacked US forces near the base, the Pentagon said, and the occupiers answered with air strikes. ';
    const big = { id: 'big', outlet: 'o', text: sentence.repeat(8000) }; // ~1 MB: far more than 48 MB of heap allows
    const small = { id: 'small', outlet: 'o', text: sentence };
    // A limit this small is for the test: the default (WORKER_LIMITS) takes 5 MB documents.
    const pool = new WorkerPool(compiled, 1, { limits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 } });
    try {
      const { analyses: [bigJson], hits: [bigHits] } = await pool.analyze([big]);
      expect(JSON.stringify(joinAnalysis(bigJson, bigHits))).toBe(JSON.stringify(analyzeDocument({ ...big, meta: {} }, compiled)));
      // The pool goes on with a fresh limited worker.
      const { analyses: [smallJson], hits: [smallHits] } = await pool.analyze([small]);
      expect(JSON.stringify(joinAnalysis(smallJson, smallHits))).toBe(JSON.stringify(analyzeDocument({ ...small, meta: {} }, compiled)));
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('the outlets\' bootstrap on a thread of its own', () => {
  it('gives bootstrapStanceColumns\' estimates, and a clear error for bad input', async () => {
    const { bootstrapOffThread, bootstrapThreadAvailable } = await import(new URL('../../dist/src/worker/bootstrap.js', import.meta.url).href);
    const { bootstrapStanceColumns } = await import(new URL('../../dist/src/stats/bootstrap.js', import.meta.url).href);
    const { seededRandom } = await import(new URL('../../dist/src/stats/rng.js', import.meta.url).href);
    expect(bootstrapThreadAvailable()).toBe(true);
    const random = seededRandom(7);
    const column = (documents: number, every: number) => {
      const index: number[] = [];
      for (let k = 0; k < documents; k += every) index.push(k);
      return {
        index: Int32Array.from(index),
        sumOfScores: Float64Array.from(index, () => Math.round((random() * 4 - 2) * 4) / 4),
        mentions: Float64Array.from(index, () => 1 + Math.floor(random() * 3)),
      };
    };
    const jobs = [{ documents: 400, columns: [column(400, 3), column(400, 7)] }, { documents: 50, columns: [column(50, 2)] }, { documents: 0, columns: [] }];
    const options = { resamples: 500, seed: 11 };
    const here = jobs.map((job) => bootstrapStanceColumns(job.documents, job.columns.map((c) => ({ index: [...c.index], sumOfScores: [...c.sumOfScores], mentions: [...c.mentions] })), options));
    expect(here[0][0].ci95).not.toBeNull();
    expect(await bootstrapOffThread(jobs, options)).toEqual(here);
    const broken = { documents: 3, columns: [{ index: Int32Array.of(0), sumOfScores: Float64Array.of(Number.NaN), mentions: Float64Array.of(1) }] };
    await expect(bootstrapOffThread([broken], options)).rejects.toThrow(/bootstrap thread failed: .*sumOfScores must be finite/);
  });
});
