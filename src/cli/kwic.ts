/** framelens kwic: every occurrence of a label (by id) or a word, with its sentence context, referent, weight and voice. */
import { writeFileSync } from 'node:fs';
import { analyzeDocument } from '../analysis/analyze.js';
import { keywordInContext, termProblem, type KwicLine } from '../analysis/kwic.js';
import { csvCell } from '../report/csv.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';
import { KWIC_HELP } from './kwic-help.js';

const FORMATS = ['tsv', 'csv'] as const;
export const KWIC_CSV_HEADER = ['outlet', 'document', 'start', 'end', 'left', 'match', 'right', 'label', 'referent', 'weight', 'voice'];

/** One line of the tab-separated view: outlet, document, referent (— for a plain word), weight, voice, context. */
export function kwicTsvLine(line: KwicLine): string {
  const weight = line.weight === undefined ? '' : line.weight > 0 ? `+${line.weight}` : String(line.weight);
  return `${line.outlet}\t${line.documentId}\t${line.referent ?? '—'}\t${weight}\t${line.voice}\t${line.left}[${line.match}]${line.right}\n`;
}

export function kwicCsvRow(line: KwicLine): Array<string | number | undefined | null> {
  return [line.outlet, line.documentId, line.start, line.end, line.left, line.match, line.right, line.label, line.referent, line.weight, line.voice];
}

export async function runKwic(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CORPUS_OPTIONS, width: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } });
  if (values.help) {
    process.stdout.write(KWIC_HELP);
    return 0;
  }
  const format = (values.format ?? 'tsv') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be tsv or csv, got "${values.format}"`);
  const [term, ...paths] = positionals;
  if (term === undefined) throw new UsageError('kwic needs a term (a label id such as "occupiers", or a word) and one or more paths');
  // Refused before the corpus is read: a bare * would print an empty match at every position of every document.
  const problem = termProblem(term);
  if (problem) throw new UsageError(`kwic: ${problem}`);
  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const corpus = await loadCorpus(paths, values);
  const width = intOption(values.width, 'width', 1) ?? 60;
  const csvRow = (cells: Array<string | number | undefined | null>) => `${cells.map(csvCell).join(',')}\n`;
  // With --out the lines are gathered (they are few: one per occurrence) and written once at the end.
  const gathered: string[] = [];
  const write = (s: string) => (values.out ? gathered.push(s) : process.stdout.write(s));
  if (format === 'csv') write(csvRow(KWIC_CSV_HEADER));
  let n = 0;
  for (const doc of corpus.documents) {
    const analysis = analyzeDocument(doc, compiled);
    for (const line of keywordInContext(doc, analysis, term, width)) {
      n++;
      write(format === 'csv' ? csvRow(kwicCsvRow(line)) : kwicTsvLine(line));
    }
  }
  if (values.out) {
    try {
      writeFileSync(values.out, gathered.join(''));
    } catch (err) {
      throw new UsageError(`cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    process.stderr.write(`wrote ${values.out}\n`);
  }
  process.stderr.write(`${n} occurrence(s) of "${term}"\n`);
  return 0;
}
