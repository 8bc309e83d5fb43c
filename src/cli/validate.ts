/** framelens validate sample|score: hand-coding a sample of hits to measure a lexicon's precision on a corpus. */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeDocument } from '../analysis/analyze.js';
import { toCsv } from '../report/csv.js';
import { HitSampler, SAMPLE_COLUMNS, sampleRowCells } from '../validate/sample.js';
import { scoreCoded, type Proportion, type ScoreResult } from '../validate/score.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';

export const VALIDATE_HELP = `framelens validate: measure how often the lexicon's hits are right on your corpus

Usage:
  framelens validate sample <paths...> [--n 200] [--seed 42] [--out sample.csv]
      A stratified random sample of label hits (label × voice strata, equal turns so rare labels are coded too),
      as CSV with the sentence around each hit. Fill in label_correct (y/n: the words name this referent with
      this framing), voice_correct (y/n) and, where the voice is wrong, correct_voice; put your name in coder.
  framelens validate score <coded.csv> [second-coder.csv ...] [--format table|json] [--out FILE]
      Precision per label and per voice with Wilson 95% intervals, an estimate for all hits (strata weighted
      by their size), voice accuracy and confusion, and agreement between coders (Krippendorff's alpha) when
      two or more coders coded the same rows (one file per coder, or one file with a coder column).

Options for sample: --lexicon FILE (repeatable), --outlet-from RULE, --default-outlet NAME, --max-doc-bytes N,
  --scored-only (leave out hits that were not counted: unresolved context labels, labels without a referent)
`;

export async function runValidate(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    process.stdout.write(VALIDATE_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'sample') return runSample(rest);
  if (sub === 'score') return runScore(rest);
  throw new UsageError(`validate takes "sample <paths...>" or "score <coded.csv...>", not "${sub}"`);
}

async function runSample(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CORPUS_OPTIONS, n: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string', short: 'o' }, 'scored-only': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const n = intOption(values.n, 'n', 1) ?? 200;
  const seed = intOption(values.seed, 'seed', 0) ?? 42;
  const compiled = loadCompiled(values.lexicon);
  const corpus = await loadCorpus(positionals, values);
  const sampler = new HitSampler({
    n, seed, include: values['scored-only'] ? (h) => h.referent !== null : undefined,
  });
  for (const doc of corpus.documents) sampler.add(doc, analyzeDocument(doc, compiled));
  const rows = sampler.rows();
  const csv = toCsv([...SAMPLE_COLUMNS], rows.map(sampleRowCells));
  if (values.out) writeFileSync(values.out, csv);
  else process.stdout.write(csv);
  const strata = new Set(rows.map((r) => r.stratum)).size;
  process.stderr.write(`sampled ${rows.length} of ${sampler.population} hits in ${strata} label × voice strata from ${corpus.documents.length} documents${values.out ? `; wrote ${values.out}` : ''}\n`);
  if (corpus.skipped.length) process.stderr.write(`${corpus.skipped.length} input(s) skipped (run "framelens analyze" to see which and why)\n`);
  return 0;
}

async function runScore(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('validate score needs the coded CSV file(s) that "validate sample" wrote');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, got "${format}"`);
  const files = positionals.map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
  const result = scoreCoded(files);
  const out = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : scoreTable(result);
  if (values.out) writeFileSync(values.out, out);
  else process.stdout.write(out);
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  return 0;
}

const pct = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const ci = (p: { ci: [number, number] | null }) => (p.ci ? `[${p.ci[0].toFixed(3)}, ${p.ci[1].toFixed(3)}]` : '');
const line = (name: string, p: Proportion) => `  ${name.padEnd(34)} ${String(p.n).padStart(5)}  ${pct(p.precision)}  ${ci(p)}\n`;

export function scoreTable(r: ScoreResult): string {
  let s = `${r.rows} coded rows, coder${r.coders.length === 1 ? '' : 's'}: ${r.coders.join(', ')}\n\n`;
  s += `Label precision (share of hits a coder judged right; Wilson 95% interval)\n  ${'label'.padEnd(34)} ${'rows'.padStart(5)}  prec.  interval\n`;
  s += line('all coded rows', r.labelPrecision.overall);
  const est = r.labelPrecision.estimateAllHits;
  if (est.precision !== null) s += `  ${'estimate for all hits (weighted)'.padEnd(34)} ${''.padStart(5)}  ${pct(est.precision)}  ${ci(est)}\n`;
  for (const l of r.labelPrecision.byLabel) s += line(`${l.label}${l.referent ? ` (${l.referent})` : ''}`, l);
  s += '\nLabel precision per voice\n';
  for (const v of r.labelPrecision.byVoice) s += line(v.voice, v);
  s += '\nVoice accuracy (share of hits whose voice a coder judged right)\n';
  s += line('all coded rows', r.voiceAccuracy.overall);
  for (const v of r.voiceAccuracy.byVoice) s += line(v.voice, v);
  if (r.voiceAccuracy.confusion.length) {
    s += '  tool voice → coded voice: ' + r.voiceAccuracy.confusion.map((c) => `${c.tool}→${c.coded} ${c.count}`).join(', ') + '\n';
  }
  if (r.agreement) {
    const a = (x: { alpha: number | null; units: number; observedAgreement: number | null }) =>
      `alpha ${x.alpha === null ? 'undefined (no variation or too few rows)' : x.alpha.toFixed(3)} over ${x.units} rows coded by two or more coders, plain agreement ${pct(x.observedAgreement)}`;
    s += `\nAgreement between coders (Krippendorff's alpha, nominal; ≥ 0.8 is the usual bar, ≥ 0.667 for tentative conclusions)\n`;
    s += `  label_correct: ${a(r.agreement.labelCorrect)}\n  voice_correct: ${a(r.agreement.voiceCorrect)}\n`;
  }
  return s;
}
