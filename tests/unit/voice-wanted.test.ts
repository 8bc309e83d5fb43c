import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read.js';
import { loadCompiled } from '../../src/cli/common.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { findMatches } from '../../src/analysis/match.js';
import { findVoiceSpans, voiceAt } from '../../src/analysis/voice.js';

describe('voice restricted to sentences with matches', () => {
  it('gives every match exactly the voice of a full reading, on the seeds and all test articles', async () => {
    const { documents } = await readCorpus(['corpus/seeds', 'tests/fixtures/articles']);
    const compiled = loadCompiled(undefined);
    let checked = 0;
    for (const doc of documents) {
      const tok = tokenize(doc.text);
      const matches = findMatches(doc.text, tok.units, compiled);
      const full = findVoiceSpans(doc.text, tok.sentences);
      const restricted = findVoiceSpans(doc.text, tok.sentences, matches);
      for (const m of matches) {
        expect(`${doc.id}@${m.start} ${voiceAt(restricted, m.start, m.end)}`).toBe(`${doc.id}@${m.start} ${voiceAt(full, m.start, m.end)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
