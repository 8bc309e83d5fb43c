/** framelens lexicon suggest: key terms no lexicon entry covers, as YAML ready to review. */
import { writeFileSync } from 'node:fs';
import { Document as YamlDocument } from 'yaml';
import { analyzeDocument } from '../analysis/analyze.js';
import { TermSuggester, type SuggestResult } from '../suggest/suggest.js';
import { loadStopwords } from '../text/stopwords.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse } from './common.js';

export const SUGGEST_HELP = `framelens lexicon suggest: words and phrases that set outlets apart and that the lexicon does not cover

Usage:
  framelens lexicon suggest <paths...> [--lexicon FILE] [--out suggestions.yml]

  --stopwords S      en (default) | none | FILE (one word per line): words a term may not start or end with
  --min-count N      times an outlet must use a term (default 5)
  --per-outlet N     suggestions per outlet (default 15)
  --max-words N      longest phrase in words (default 3)
  --examples N       context lines per suggestion (default 3)
  --out FILE         write the YAML there instead of stdout
  and the corpus options of analyze (--outlet-from, --default-outlet, --max-doc-bytes)

Each suggestion lists the outlets it is key for (Dunning G², log ratio ≥ 1, Benjamini–Hochberg adjusted p < 0.05,
against the rest of the corpus), its counts, a few lines in context, and a label skeleton to complete (referent,
weight, rationale) before it goes into a lexicon.
`;

export async function runSuggest(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CORPUS_OPTIONS,
    stopwords: { type: 'string' },
    'min-count': { type: 'string' },
    'per-outlet': { type: 'string' },
    'max-words': { type: 'string' },
    examples: { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(SUGGEST_HELP);
    return 0;
  }
  const compiled = loadCompiled(values.lexicon);
  const corpus = await loadCorpus(positionals, values);
  const suggester = new TermSuggester({
    stopwords: loadStopwords(values.stopwords ?? 'en'),
    minCount: intOption(values['min-count'], 'min-count', 1),
    perOutlet: intOption(values['per-outlet'], 'per-outlet', 1),
    maxWords: intOption(values['max-words'], 'max-words', 1),
    examples: intOption(values.examples, 'examples', 0),
  });
  // Analyses are kept only as their covered spans between the two passes: hits, names and devices.
  const covered = new Map<string, ReturnType<typeof analyzeDocument>>();
  for (const doc of corpus.documents) {
    const analysis = analyzeDocument(doc, compiled);
    suggester.add(doc, analysis);
    covered.set(doc.id, analysis);
  }
  const result = suggester.result();
  for (const doc of corpus.documents) suggester.collectExamples(result, doc, covered.get(doc.id)!);
  const yaml = suggestionsYaml(result, compiled.lexicon.sources.map((s) => `${s.name} ${s.version}`));
  if (values.out) writeFileSync(values.out, yaml);
  else process.stdout.write(yaml);
  process.stderr.write(`${result.suggestions.length} suggestion(s) from ${result.documents} documents of ${result.outlets} outlets${result.outlets < 2 ? ' (keyness needs at least two outlets)' : ''}${values.out ? `; wrote ${values.out}` : ''}\n`);
  return 0;
}

export function suggestionsYaml(result: SuggestResult, lexicons: string[]): string {
  const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const doc = new YamlDocument({
    suggestions: result.suggestions.map((s) => ({
      term: s.term,
      total: s.total,
      key_for: s.keyFor.map((k) => ({ outlet: k.outlet, count: k.count, rest_count: k.restCount, g2: k.g2, log_ratio: k.logRatio, p_adjusted: Number(k.pAdjusted.toPrecision(3)) })),
      examples: s.examples,
      label: { id: slug(s.term), referent: null, category: 'actor-label', weight: null, patterns: [s.term], rationale: null },
    })),
  });
  doc.commentBefore = [
    ` framelens lexicon suggest: ${result.suggestions.length} terms that set outlets apart and that ${lexicons.join(', ')} does not cover`,
    ` (${result.documents} documents, ${result.outlets} outlets${result.prunings ? `; rare terms were pruned ${result.prunings} time(s) to bound memory` : ''}).`,
    ' Read the examples; for a term that is a label, fill in referent, weight (-2..+2) and rationale, fix the category',
    ' (actor-label, event-label, casualty-label, …) and move the label into your lexicon\'s labels: section.',
    ' Not every key term is a framing choice: topics and places are key too.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
