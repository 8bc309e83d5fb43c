/** framelens lexicon check|import */
import { writeFileSync } from 'node:fs';
import { loadLexicons } from '../lexicon/load.js';
import { compileLexicon } from '../lexicon/compile.js';
import { LexiconError } from '../lexicon/errors.js';
import { patternClashes } from '../analysis/clashes.js';
import { importDictionaryFile } from '../lexicon/import/index.js';
import { parse, UsageError } from './common.js';
import { runSuggest } from './suggest.js';
import { runExport } from './lexicon-export.js';

export const LEXICON_HELP = `framelens lexicon: check, import and extend lexicons

Usage:
  framelens lexicon check <files...>                 validate lexicons (errors name file:line); print counts
  framelens lexicon import <file> [--out FILE]       convert a LIWC .dic, WordStat .cat, Lexicoder .lc3 or quanteda
                                                     YAML dictionary into a framelens lexicon
      --name NAME        lexicon name (default: from the file name)
      --referent ID      referent the imported categories name
  framelens lexicon suggest <paths...>               terms the lexicon does not cover (framelens lexicon suggest --help)
  framelens lexicon export --format quanteda|liwc    the framing lexicon as a quanteda YAML or LIWC .dic dictionary
                                                     (framelens lexicon export --help)
`;

export async function runLexicon(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    process.stdout.write(LEXICON_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'suggest') return runSuggest(rest);
  if (sub === 'export') return runExport(rest);
  const { values, positionals } = parse(rest, { out: { type: 'string', short: 'o' }, name: { type: 'string' }, referent: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(LEXICON_HELP);
    return 0;
  }
  if (sub === 'check') {
    if (!positionals.length) throw new UsageError('lexicon check needs one or more lexicon files');
    const compiled = compileLexicon(loadLexicons(positionals));
    // One spelling in two labels: the matcher would silently count the first, so check refuses the lexicon.
    const clashes = [...compiled.conflicts, ...patternClashes(compiled)];
    if (clashes.length) throw new LexiconError(clashes);
    const lex = compiled.lexicon;
    const count = (kind: string) => lex.entries.filter((e) => e.kind === kind).length;
    for (const s of lex.sources) process.stdout.write(`${s.file}: ${s.name} ${s.version} sha256 ${s.sha256}\n`);
    process.stdout.write(`ok: ${lex.referents.length} referents, ${count('label')} labels, ${count('name')} names, ${count('device')} devices, ${compiled.patternCount} patterns, ${lex.classes?.length ?? 0} word classes, ${lex.variants.length} variant groups\n`);
    return 0;
  }
  if (sub === 'import') {
    const [file] = positionals;
    if (!file) throw new UsageError('lexicon import needs a dictionary file (.dic, .cat, .lc3, .yml)');
    const result = importDictionaryFile(file, { name: values.name, referent: values.referent });
    const yamlText = result.yaml;
    process.stderr.write(`imported ${result.labels.length} labels in ${result.categories.length} categories from ${file}\n`);
    for (const s of result.skipped) process.stderr.write(`not converted ${file}:${s.line}: "${s.source}": ${s.reason}\n`);
    if (values.out) {
      writeFileSync(values.out, yamlText);
      process.stderr.write(`wrote ${values.out}\n`);
    } else process.stdout.write(yamlText);
    return 0;
  }
  throw new UsageError('lexicon takes "check <files...>", "import <file> [--out FILE]", "suggest <paths...>" or "export --format quanteda|liwc"');
}
