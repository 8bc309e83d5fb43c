/** framelens lexicon export: the framing lexicon as a quanteda YAML or LIWC .dic dictionary. */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyzeDocument } from '../analysis/analyze.js';
import { attestedPhrases, DEFAULT_MAX_PHRASES, exportLexicon, exportSummary, formatLiwc, formatQuanteda } from '../lexicon/export.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';

export const EXPORT_HELP = `framelens lexicon export: the framing lexicon as a dictionary for quanteda or LIWC

Usage:
  framelens lexicon export --format quanteda|liwc [--lexicon FILE] [--out FILE] [--corpus PATH]...

  --format F         quanteda (YAML for dictionary(file = …)) or liwc (.dic); default from --out (.yml / .dic)
  --max-phrases N    spelled-out phrases per label at most (default ${DEFAULT_MAX_PHRASES}); the cheapest come first
  --corpus PATH      also write every phrase analyze finds in these files or folders (repeatable), so the
                     dictionary is complete on that corpus
  --no-names         leave out the "names" category (names take their words before labels, as in analyze)
  --out FILE         write there instead of stdout
  and --lexicon FILE, the corpus options of analyze for --corpus (--outlet-from, --default-outlet)

One category per label (named by its id), plus "names". Classes, optional parts, alternatives, inflections and
spelling variants are spelled out into plain phrases, cheapest first (docs/dictionaries.md "Exporting the framing
lexicon" says how, and what a dictionary tool cannot do that analyze does). What the cap left out is listed on stderr
and, for quanteda, in the file's comments.
`;

export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CORPUS_OPTIONS,
    format: { type: 'string', short: 'f' },
    'max-phrases': { type: 'string' },
    corpus: { type: 'string', multiple: true },
    'no-names': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`lexicon export takes no paths ("${positionals[0]}"): give the lexicon with --lexicon and a corpus with --corpus`);
  const ext = values.out ? extname(values.out).toLowerCase() : '';
  const format = values.format ?? (ext === '.dic' ? 'liwc' : ext === '.yml' || ext === '.yaml' ? 'quanteda' : undefined);
  if (format !== 'quanteda' && format !== 'liwc') {
    throw new UsageError(values.format === undefined
      ? 'lexicon export needs --format quanteda or --format liwc (or an --out file ending in .yml or .dic)'
      : `--format must be quanteda or liwc, got "${values.format}"`);
  }
  const compiled = loadCompiled(values.lexicon);
  let attested: Map<string, Set<string>> | undefined;
  if (values.corpus?.length) {
    attested = new Map();
    const corpus = await loadCorpus(values.corpus, values);
    for (const doc of corpus.documents) attestedPhrases(doc.text, analyzeDocument(doc, compiled).hits, attested);
    process.stderr.write(`read ${corpus.documents.length} documents for the phrases analyze finds in them\n`);
  }
  const exp = exportLexicon(compiled.lexicon, {
    maxPhrases: intOption(values['max-phrases'], 'max-phrases', 1),
    names: !values['no-names'],
    attested,
  });
  // The voice rules ride along in the sources (compile.ts); they are not part of what is exported.
  const lex = compiled.lexicon.sources.filter((s) => s !== compiled.voice.source);
  const header = [
    `framelens lexicon export of ${lex.map((s) => `${s.name} ${s.version} (sha256 ${s.sha256.slice(0, 12)})`).join(', ')}`,
    'One category per label; a word in two categories counts in both. Count with',
    '  dict <- dictionary(file = "this.yml"); tokens_lookup(tokens(corp), dict, nested_scope = "dictionary")',
    `At most ${exp.maxPhrases} spelled-out phrases per label, cheapest first${attested ? ', plus the phrases analyze found in the corpus' : ''}:`,
  ];
  const text = format === 'quanteda' ? formatQuanteda(exp, header) : formatLiwc(exp);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  const capped = exp.categories.filter((c) => c.notWritten > 0);
  const phrases = exp.categories.reduce((n, c) => n + c.phrases.length, 0);
  process.stderr.write(`${phrases} phrases in ${exp.categories.length} categories${values.out ? `; wrote ${values.out}` : ''}\n`);
  const cappedLines = exportSummary(exp).filter((_, i) => exp.categories[i].notWritten > 0);
  for (const line of cappedLines.slice(0, 20)) process.stderr.write(`capped: ${line}\n`);
  if (cappedLines.length > 20) process.stderr.write(`… and ${cappedLines.length - 20} more capped label(s)${format === 'quanteda' ? ' (all are listed in the file\'s comments)' : ''}\n`);
  if (capped.length) process.stderr.write(`${capped.length} label(s) capped at ${exp.maxPhrases} phrases; raise --max-phrases or add --corpus to write what a corpus holds\n`);
  return 0;
}
