/**
 * npm run eval:devset [-- --split dev|test] [--brief] [--lexicon file.yml ...]
 *
 * Without --split both splits are measured but only the dev split's errors are listed (the test split is held out).
 * Rows per split: all, per outlet kind, per batch (the sources-X.yml the articles are listed in).
 *
 * Measures the analyzer on the development/test set of real articles (tests/fixtures/devset): label precision and
 * recall, sign-strict precision, context-resolved precision, voice agreement, split mentions, per split and per
 * outlet kind, then lists misses, false positives, sign and voice disagreements with their sentence.
 *
 * Texts: tests/fixtures/devset/open/<id>.txt (committed, licensed), then $FRAMELENS_DEVSET_DIR/<id>.txt
 * (default tests/fixtures/devset/local/, gitignored). Texts that are not present are skipped and named; the run
 * still exits 0, so a checkout without the local texts evaluates what it has.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath, packageRoot } from '../src/paths.js';
import { DevsetError, SPLITS, analyzeTexts, findTexts, loadDevset, type EvaluatedText, type Split } from './devset.js';
import { articleBootstrap, confusionTable, describeFalsePositive, describeMiss, score, trapHits, sentenceAround, voiceScore, type Interval, type Score, type VoiceScore } from './gold-score.js';

interface Options {
  splits: Split[];
  /** The split was asked for by name: only then are the test split's misses and false positives listed. */
  explicitSplit: boolean;
  brief: boolean;
  lexicons: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { splits: [...SPLITS], explicitSplit: false, brief: false, lexicons: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--brief') o.brief = true;
    else if (a === '--split') {
      const v = argv[++i];
      if (v !== 'dev' && v !== 'test') throw new Error(`--split takes dev or test, not "${v ?? ''}"`);
      o.splits = [v];
      o.explicitSplit = true;
    } else if (a === '--lexicon') {
      const v = argv[++i];
      if (!v) throw new Error('--lexicon takes a lexicon file');
      o.lexicons.push(v);
    } else throw new Error(`unknown option "${a}": use --split dev|test, --brief, --lexicon file.yml`);
  }
  return o;
}

const f3 = (x: number): string => x.toFixed(3);
const share = (num: number, den: number): string => (den === 0 ? '    -' : f3(num / den));

function row(split: string, group: string, docs: number, s: Score, v: VoiceScore): string {
  return [
    split.padEnd(5), group.padEnd(15), String(docs).padStart(4), String(s.gold).padStart(5), String(s.hits).padStart(5),
    share(s.truePositives, s.hits).padStart(6), share(s.found, s.gold).padStart(6), f3(s.strictPrecision).padStart(7),
    `${share(s.contextCorrect, s.contextHits)} (${s.contextHits})`.padStart(11), `${share(s.contextFound, s.contextGold)} (${s.contextGold})`.padStart(11),
    `${share(v.agreed, v.compared)} (${v.compared})`.padStart(12), String(s.splitMentions.length).padStart(6), `${s.trapHits}/${s.traps}`.padStart(6),
  ].join(' ');
}

const HEADER = [
  'split'.padEnd(5), 'group'.padEnd(15), 'docs'.padStart(4), 'gold'.padStart(5), 'hits'.padStart(5), 'prec'.padStart(6), 'recall'.padStart(6),
  'P+sign'.padStart(7), 'ctx-prec'.padStart(11), 'ctx-recall'.padStart(11), 'voice'.padStart(12), 'splits'.padStart(6), 'traps'.padStart(6),
].join(' ');

function listings(split: Split, docs: EvaluatedText[], s: Score, v: VoiceScore): string[] {
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const ctx = (id: string, span: { start: number; end: number }): string => sentenceAround(textOf.get(id) ?? '', span);
  const out: string[] = [];
  const section = (title: string, lines: string[]): void => {
    if (lines.length) out.push(`\n[${split}] ${title} (${lines.length}):`, ...lines.map((l) => `  ${l}`));
  };
  section('misses', s.misses.map((m) => `${describeMiss(m)}${m.gold.context ? ' [context]' : ''}\n      ${ctx(m.id, m.gold)}`));
  section('false positives', s.falsePositives.map((f) => `${describeFalsePositive(f)}\n      ${ctx(f.id, f.hit)}`));
  section('right referent, other sign', s.signDiffers.map((d) => `${d.id} "${d.hit.text}" weight ${d.hit.weight}, gold ${d.gold.sign}\n      ${ctx(d.id, d.hit)}`));
  section('voice disagreements', v.disagreements.map((d) => `${d.id} "${d.hit.text}": gold ${d.gold.voice}, tool ${d.hit.voice}\n      ${ctx(d.id, d.hit)}`));
  // Traps taken include hits left without a referent, which the false-positive list does not show.
  const trapsTaken = docs.flatMap((d) => trapHits(d)
    .map((h) => `${d.id} "${h.text}" → ${h.referent ?? 'no referent'} (${h.label}, ${h.resolution ?? 'fixed'})\n      ${ctx(d.id, h)}`));
  section('traps taken', trapsTaken);
  section('split mentions', s.splitMentions.map((m) => `${m.id} "${m.gold.text}" read as ${m.hits.map((h) => `"${h.text}"`).join(' + ')}\n      ${ctx(m.id, m.gold)}`));
  return out;
}

export interface EvalDevsetIo {
  /** Folder of the texts that are not committed; default $FRAMELENS_DEVSET_DIR or tests/fixtures/devset/local. */
  localDir?: string;
  /** Where the report goes, one call per block of lines; default stdout. */
  out?: (text: string) => void;
}

/** Runs the evaluation with command-line style arguments; returns the exit code (errors are thrown). */
export async function evalDevset(args: string[], io: EvalDevsetIo = {}): Promise<number> {
  const console = { log: io.out ?? ((text: string) => void process.stdout.write(`${text}\n`)) };
  const options = parseArgs(args);
  const root = packageRoot();
  const dir = join(root, 'tests', 'fixtures', 'devset');
  const localDir = io.localDir ?? (process.env.FRAMELENS_DEVSET_DIR || join(dir, 'local'));
  const devset = loadDevset(dir);
  const { present, missing } = findTexts(devset, localDir);
  const lexicons = options.lexicons.length ? options.lexicons : [defaultLexiconPath()];
  const compiled = compileLexicon(loadLexicons(lexicons));
  const wanted = present.filter((t) => options.splits.includes(t.article.split));
  const evaluated = await analyzeTexts(wanted, compiled);

  console.log(`development set: ${devset.annotations.size} annotated articles (${devset.articles.size} listed), lexicon ${lexicons.join(', ')}`);
  console.log(`texts: ${present.length} present (open/ and ${localDir}), ${missing.length} missing`);
  if (devset.unannotated.length) console.log(`not annotated yet (${devset.unannotated.length}): ${devset.unannotated.map((a) => a.id).join(', ')}`);
  console.log('\nprec/recall: actor-label hits with a referent vs gold spans (overlap, same referent); P+sign: same sign too;');
  console.log('ctx-prec: hits resolved from context; ctx-recall: gold spans marked context found; voice: agreement on matched hits;');
  console.log('splits: gold spans read as two or more hits; traps: label hits on annotated non-labels / traps annotated\n');
  console.log(HEADER);
  const bySplit = new Map<Split, { docs: EvaluatedText[]; s: Score; v: VoiceScore }>();
  for (const split of options.splits) {
    const docs = evaluated.filter((d) => d.article.split === split);
    const s = score(docs);
    const v = voiceScore(docs);
    bySplit.set(split, { docs, s, v });
    console.log(row(split, 'all', docs.length, s, v));
    const kinds = [...new Set(docs.map((d) => d.article.outletKind))].sort();
    for (const kind of kinds) {
      const part = docs.filter((d) => d.article.outletKind === kind);
      console.log(row(split, kind, part.length, score(part), voiceScore(part)));
    }
    // Per batch: a batch scored before any fix was made on it is the fair measure of text nobody tuned to.
    for (const batch of [...new Set(docs.map((d) => d.article.batch))].sort()) {
      const part = docs.filter((d) => d.article.batch === batch);
      console.log(row(split, `batch ${batch}`, part.length, score(part), voiceScore(part)));
    }
  }
  // How far the split's figures would move with other articles of the same kind: articles resampled (gold-score.ts).
  for (const [split, { docs }] of bySplit) {
    if (!docs.length) continue;
    const b = articleBootstrap(docs);
    const show = (name: string, i: Interval | null): string => `${name} ${i ? `${f3(i.estimate)} (${f3(i.low)}–${f3(i.high)})` : '-'}`;
    console.log(`\n[${split}] 95% intervals, ${docs.length} articles resampled (${b.resamples} resamples, seed ${b.seed}): ` +
      [show('prec', b.precision), show('recall', b.recall), show('ctx-prec', b.contextPrecision), show('voice', b.voice)].join(', '));
  }
  for (const [split, { s, v }] of bySplit) {
    if (!v.compared) continue;
    console.log(`\n[${split}] voice confusion (gold rows, tool columns):\n  ${confusionTable(v.confusion)}`);
    void s;
  }
  if (!options.brief) {
    for (const [split, { docs, s, v }] of bySplit) {
      // The test split is held out: its errors are listed only on request, so that nobody tunes on them by accident.
      if (split === 'test' && !options.explicitSplit) {
        console.log('\n[test] listings not shown (held-out split): run with --split test to see them for a report');
        continue;
      }
      console.log(listings(split, docs, s, v).join('\n'));
    }
  }
  if (missing.length) {
    console.log(`\nskipped ${missing.length} texts: not present locally (looked in ${join(dir, 'open')} and ${localDir}; set FRAMELENS_DEVSET_DIR to the folder that holds <id>.txt):`);
    console.log(`  ${missing.map((a) => a.id).join('\n  ')}`);
  }
  return 0;
}

// Run only when executed as a script (node dist/bench/eval-devset.js), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  evalDevset(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof DevsetError) console.error(`eval:devset: ${err.message}`);
      else console.error(`eval:devset: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
