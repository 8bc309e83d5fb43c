import { describe, expect, it } from 'vitest';
import { analyzeDocument, buildReport, compileLexicon, loadLexicons, readCorpus, REPORT_SCHEMA } from '../../src/index.js';
import { defaultLexiconPath } from '../../src/paths.js';

describe('library entry', () => {
  it('runs the documented pipeline', async () => {
    const { documents } = await readCorpus(['corpus/seeds']);
    const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
    const analyses = documents.map((d) => analyzeDocument(d, compiled));
    const report = buildReport({ documents, analyses, skipped: [], lexicon: compiled.lexicon }, { resamples: 50 });
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.outlets).toHaveLength(5);
  });
});
