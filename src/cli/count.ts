/** framelens count: category dictionaries (LIWC, WordStat, Lexicoder, quanteda) counted per document, as their home tools count. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { csvCell } from '../report/csv.js';
import { CategoryCounter, loadCategoryDictionary, type CountingSemantics } from '../dictionary/index.js';
import { CORPUS_OPTIONS, loadCorpus, parse, UsageError } from './common.js';

export const COUNT_HELP = `framelens count: category dictionaries counted per document, the way their home tools count

Usage:
  framelens count --dictionary FILE <paths...> [--format long|wide|json] [--out FILE]

  --dictionary FILE   LIWC .dic or .dicx, WordStat .cat, Lexicoder .lc3 or quanteda .yml (repeatable)
  --semantics S       liwc | quanteda | quanteda-dictionary (nested_scope = "dictionary"): how matches count
                      (default: liwc for .dic/.dicx, quanteda for the others)
  --format F          long (default: one row per document × category: count, per-1,000-word rate, percent)
                      wide (one row per document, one column per category, like LIWC's output)
                      json
  --rate R            wide columns hold: per1000 (default) | percent | count
  --out FILE          write there instead of stdout
  and the corpus options of analyze (--outlet-from, --default-outlet, --max-doc-bytes)

Semantics (docs/dictionaries.md): liwc looks each word up once — an exact entry before a wildcard stem, a longer stem
before a shorter one, a multi-word phrase before its words — and counts it in every category of that entry;
quanteda counts every match per category (a match nested inside a longer one of the same category once), as
tokens_lookup()/dfm_lookup() do. A word in two categories counts in both, in either.
`;

const FORMATS = ['long', 'wide', 'json'] as const;
const RATES = ['per1000', 'percent', 'count'] as const;

export async function runCount(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CORPUS_OPTIONS,
    dictionary: { type: 'string', multiple: true, short: 'd' },
    semantics: { type: 'string' },
    format: { type: 'string', short: 'f' },
    rate: { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(COUNT_HELP);
    return 0;
  }
  const files = values.dictionary ?? [];
  if (files.length === 0) throw new UsageError('count needs --dictionary FILE (a LIWC .dic/.dicx, WordStat .cat, Lexicoder .lc3 or quanteda .yml)');
  const format = (values.format ?? 'long') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}; got "${values.format}"`);
  const rate = (values.rate ?? 'per1000') as (typeof RATES)[number];
  if (!RATES.includes(rate)) throw new UsageError(`--rate must be ${RATES.join(', ')}; got "${values.rate}"`);
  const semantics = values.semantics as CountingSemantics | undefined;
  if (semantics !== undefined && semantics !== 'liwc' && semantics !== 'quanteda' && semantics !== 'quanteda-dictionary') {
    throw new UsageError(`--semantics must be liwc, quanteda or quanteda-dictionary; got "${semantics}"`);
  }

  const counters = files.map((f) => new CategoryCounter(loadCategoryDictionary(f, { semantics })));
  const corpus = await loadCorpus(positionals, values);
  const out: WriteStream | NodeJS.WriteStream = values.out ? createWriteStream(values.out) : process.stdout;
  const write = (s: string) => out.write(s);
  const multi = counters.length > 1;
  const columnName = (dict: string, category: string) => (multi ? `${dict}:${category}` : category);
  const dictName = (c: CategoryCounter) => c.dictionary.file.replace(/^.*[\\/]/, '');

  if (format === 'long') write('dictionary,document_id,outlet,date,category,count,words,per_1000,percent\n');
  if (format === 'wide') {
    const cats = counters.flatMap((c) => c.dictionary.categories.map((cat) => columnName(dictName(c), cat)));
    write(['document_id', 'outlet', 'date', 'WC', ...counters.map((c) => (multi ? `${dictName(c)}:Dic` : 'Dic')), ...cats].map(csvCell).join(',') + '\n');
  }
  if (format === 'json') {
    write(`{"schema":"framelens.categories/1","dictionaries":${JSON.stringify(counters.map((c) => ({ file: c.dictionary.file, format: c.dictionary.format, sha256: c.dictionary.sha256, semantics: c.dictionary.semantics, categories: c.dictionary.categories })))},"documents":[`);
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  corpus.documents.forEach((doc, n) => {
    const results = counters.map((c) => c.count(doc.text));
    const words = results[0].words;
    const per1000 = (k: number) => (words ? (1000 * k) / words : 0);
    if (format === 'long') {
      counters.forEach((c, d) => c.dictionary.categories.forEach((cat, i) => {
        const k = results[d].counts[i];
        write([dictName(c), doc.id, doc.outlet, doc.date ?? '', cat, k, words, round(per1000(k)), round(per1000(k) / 10)].map(csvCell).join(',') + '\n');
      }));
    } else if (format === 'wide') {
      const value = (k: number) => (rate === 'count' ? k : rate === 'percent' ? round(per1000(k) / 10) : round(per1000(k)));
      const cells = [doc.id, doc.outlet, doc.date ?? '', words, ...results.map((r) => round(per1000(r.matchedWords) / 10)), ...results.flatMap((r) => r.counts.map(value))];
      write(cells.map(csvCell).join(',') + '\n');
    } else {
      const entry = {
        id: doc.id, outlet: doc.outlet, date: doc.date ?? null, words,
        dictionaries: counters.map((c, d) => ({
          file: c.dictionary.file, matchedWords: results[d].matchedWords,
          categories: Object.fromEntries(c.dictionary.categories.map((cat, i) => [cat, { count: results[d].counts[i], per1000: round(per1000(results[d].counts[i])) }])),
        })),
      };
      write((n ? ',' : '') + JSON.stringify(entry));
    }
  });
  if (format === 'json') write(']}\n');
  if (values.out) await new Promise<void>((resolve, reject) => (out as WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
  process.stderr.write(`counted ${counters.map((c) => `${c.dictionary.categories.length} categories of ${dictName(c)} (${c.dictionary.semantics})`).join(', ')} in ${corpus.documents.length} documents${values.out ? `; wrote ${values.out}` : ''}\n`);
  return 0;
}
