/** framelens kwic: every occurrence of a label (by id) or a word, with its sentence context and voice. */
import { analyzeDocument } from '../analysis/analyze.js';
import { keywordInContext, termProblem } from '../analysis/kwic.js';
import { CORPUS_OPTIONS, loadCompiled, loadCorpus, parse, UsageError } from './common.js';

export async function runKwic(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CORPUS_OPTIONS, width: { type: 'string' } });
  const [term, ...paths] = positionals;
  if (term === undefined) throw new UsageError('kwic needs a term (a label id such as "occupiers", or a word) and one or more paths');
  // Refused before the corpus is read: a bare * would print an empty match at every position of every document.
  const problem = termProblem(term);
  if (problem) throw new UsageError(`kwic: ${problem}`);
  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const corpus = await loadCorpus(paths, values);
  const width = Number(values.width ?? 60);
  let n = 0;
  for (const doc of corpus.documents) {
    const analysis = analyzeDocument(doc, compiled);
    for (const line of keywordInContext(doc, analysis, term, width)) {
      n++;
      process.stdout.write(`${line.outlet}\t${line.documentId}\t${line.voice}\t${line.left}[${line.match}]${line.right}\n`);
    }
  }
  process.stderr.write(`${n} occurrence(s) of "${term}"\n`);
  return 0;
}
