/**
 * The development/test set of real articles (tests/fixtures/devset): loading and checking the source lists
 * (sources-*.yml) and the offset annotations (dev-*.yml, test-*.yml), finding the texts (open/ in the repository,
 * the others in a local folder, checked by sha256), and running the analyzer on them. Used by
 * `npm run eval:devset` (bench/eval-devset.ts) and by tests/integration/devset.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { readCorpus } from '../src/corpus/index.js';
import { analyzeDocument } from '../src/analysis/analyze.js';
import type { CompiledLexicon } from '../src/lexicon/compile.js';
import { REFERENTS, SIGNS, VOICES, type GoldSpan, type ScoredDocument, type Sign, type Span, type VoiceName } from './gold-score.js';

export type Split = 'dev' | 'test';
export const SPLITS: readonly Split[] = ['dev', 'test'];

export interface DevsetArticle {
  id: string;
  outlet: string;
  outletKind: string;
  url: string;
  title: string;
  date?: string;
  committed: boolean;
  sha256: string;
  chars: number;
  split: Split;
  /** The batch it was collected in: the name of its sources file without "sources-" and ".yml" ("a" … "e"). */
  batch: string;
  /** file:line of the entry, for messages. */
  where: string;
}

export interface AnnotatedSpan extends GoldSpan {
  note?: string;
  where: string;
}

export interface DevsetAnnotation {
  id: string;
  split: Split;
  spans: AnnotatedSpan[];
  notLabels: Array<Span & { text: string; why: string; where: string }>;
  where: string;
}

export interface Devset {
  dir: string;
  articles: Map<string, DevsetArticle>;
  annotations: Map<string, DevsetAnnotation>;
  /** Articles listed in a sources file but not (yet) annotated. */
  unannotated: DevsetArticle[];
}

/** Every problem found in the devset files, one per line, each naming the file and line. */
export class DevsetError extends Error {
  constructor(readonly problems: string[]) {
    super(`the development set has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'DevsetError';
  }
}

const OUTLET_KINDS = new Set([
  'wire', 'western', 'israeli', 'iranian-state', 'russian-state', 'chinese-state', 'turkish-state', 'arab', 'iraqi',
  'kurdish', 'us-government', 'us-state-media', 'partisan', 'aggregator', 'other',
]);

interface YamlFile {
  file: string;
  doc: YamlDocument;
  lines: LineCounter;
}

function readYaml(file: string, problems: string[]): YamlFile | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0]?.line ?? '?'}: YAML syntax: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  return { file, doc, lines };
}

function where(y: YamlFile, path: Array<string | number>): string {
  const node = y.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  return offset === undefined ? y.file : `${y.file}:${y.lines.linePos(offset).line}`;
}

function listOf(y: YamlFile, key: string, problems: string[]): unknown[] {
  const data = y.doc.toJS() as Record<string, unknown> | null;
  const list = data?.[key];
  // A file started but not yet filled ("documents: []" or an empty key) is fine.
  if (list === null || (data !== null && list === undefined && Object.keys(data).length === 0)) return [];
  if (!Array.isArray(list)) {
    problems.push(`${y.file}: expected a top-level "${key}:" list`);
    return [];
  }
  return list;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads and checks every sources-*.yml, dev-*.yml and test-*.yml in `dir`. Throws DevsetError listing all problems. */
export function loadDevset(dir: string): Devset {
  if (!existsSync(dir)) throw new DevsetError([`${dir}: no such folder (the development set lives in tests/fixtures/devset)`]);
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
  const articles = new Map<string, DevsetArticle>();
  for (const name of files.filter((f) => f.startsWith('sources-'))) {
    const batch = name.slice('sources-'.length, -'.yml'.length);
    const y = readYaml(join(dir, name), problems);
    if (!y) continue;
    listOf(y, 'articles', problems).forEach((raw, i) => {
      const at = where(y, ['articles', i]);
      if (!isObject(raw)) return void problems.push(`${at}: each article is a mapping with id, outlet, url, sha256, split ...`);
      const str = (k: string): string | undefined => (typeof raw[k] === 'string' && (raw[k] as string).trim() !== '' ? (raw[k] as string) : undefined);
      const need = (k: string): string => {
        const v = str(k);
        if (v === undefined) problems.push(`${where(y, ['articles', i, k]) === y.file ? at : where(y, ['articles', i, k])}: article ${String(raw.id ?? i)}: field "${k}" must be a non-empty string`);
        return v ?? '';
      };
      const id = need('id');
      if (id && !/^[a-z0-9-]+$/.test(id)) problems.push(`${at}: article id "${id}" must match [a-z0-9-]+`);
      if (id && articles.has(id)) problems.push(`${at}: article id "${id}" is listed twice (first at ${articles.get(id)?.where})`);
      const kind = need('outlet_kind');
      if (kind && !OUTLET_KINDS.has(kind)) problems.push(`${at}: article ${id}: outlet_kind "${kind}" is not one of ${[...OUTLET_KINDS].join(', ')}`);
      const sha = need('sha256');
      if (sha && !/^[0-9a-f]{64}$/.test(sha)) problems.push(`${at}: article ${id}: sha256 must be 64 lowercase hex digits`);
      const split = need('split');
      if (split && !SPLITS.includes(split as Split)) problems.push(`${at}: article ${id}: split must be dev or test, not "${split}"`);
      if (typeof raw.committed !== 'boolean') problems.push(`${at}: article ${id}: field "committed" must be true or false`);
      const chars = raw.chars;
      if (typeof chars !== 'number' || !Number.isInteger(chars) || chars <= 0) problems.push(`${at}: article ${id}: field "chars" must be a positive integer`);
      const date = raw.date instanceof Date ? raw.date.toISOString().slice(0, 10) : str('date');
      const article: DevsetArticle = {
        id, outlet: need('outlet'), outletKind: kind, url: need('url'), title: need('title'), date,
        committed: raw.committed === true, sha256: sha, chars: typeof chars === 'number' ? chars : 0, split: split as Split, batch, where: at,
      };
      if (id && !articles.has(id)) articles.set(id, article);
    });
  }
  const annotations = new Map<string, DevsetAnnotation>();
  for (const name of files.filter((f) => /^(dev|test)-/.test(f))) {
    const split: Split = name.startsWith('dev-') ? 'dev' : 'test';
    const y = readYaml(join(dir, name), problems);
    if (!y) continue;
    const data = y.doc.toJS() as Record<string, unknown> | null;
    if (data?.doubtful !== undefined && !Array.isArray(data.doubtful)) problems.push(`${y.file}: "doubtful:" must be a list of judgement calls`);
    listOf(y, 'documents', problems).forEach((raw, i) => {
      const at = where(y, ['documents', i]);
      if (!isObject(raw) || typeof raw.id !== 'string') return void problems.push(`${at}: each document needs an "id" naming an article of sources-*.yml`);
      const id = raw.id;
      const article = articles.get(id);
      if (!article) problems.push(`${at}: document ${id} is not listed in any sources-*.yml`);
      else if (article.split !== split) problems.push(`${at}: document ${id} is annotated in ${name} but its split in ${article.where} is ${article.split}`);
      if (annotations.has(id)) problems.push(`${at}: document ${id} is annotated twice (first at ${annotations.get(id)?.where})`);
      const spans: AnnotatedSpan[] = [];
      const rawSpans = raw.spans ?? [];
      if (!Array.isArray(rawSpans)) problems.push(`${at}: document ${id}: "spans" must be a list`);
      else rawSpans.forEach((s, k) => {
        const sat = where(y, ['documents', i, 'spans', k]);
        const bad = (msg: string): void => void problems.push(`${sat}: document ${id} span ${k + 1}: ${msg}`);
        if (!isObject(s)) return bad('each span is a mapping with start, end, text, referent, sign, voice, context');
        if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || (s.start as number) < 0 || (s.end as number) <= (s.start as number)) return bad('start and end must be integers with 0 <= start < end');
        if (typeof s.text !== 'string' || s.text.length !== (s.end as number) - (s.start as number)) return bad(`"text" must be the span's text (end - start = ${(s.end as number) - (s.start as number)} characters)`);
        if (!REFERENTS.includes(s.referent as (typeof REFERENTS)[number])) bad(`referent "${String(s.referent)}" is not one of ${REFERENTS.join(', ')}`);
        if (!SIGNS.includes(String(s.sign) as Sign)) bad(`sign "${String(s.sign)}" must be "+", "0" or "-" (quote it in YAML)`);
        if (!VOICES.includes(s.voice as VoiceName)) bad(`voice "${String(s.voice)}" must be author, quoted or attributed`);
        if (s.context !== undefined && typeof s.context !== 'boolean') bad('"context" must be true or false');
        spans.push({
          start: s.start as number, end: s.end as number, text: s.text, referent: String(s.referent), sign: String(s.sign) as Sign,
          voice: s.voice as VoiceName, context: s.context === true, note: typeof s.note === 'string' ? s.note : undefined, tag: `@${String(s.start)}`, where: sat,
        });
      });
      const notLabels: DevsetAnnotation['notLabels'] = [];
      const rawTraps = raw.not_labels ?? [];
      if (!Array.isArray(rawTraps)) problems.push(`${at}: document ${id}: "not_labels" must be a list`);
      else rawTraps.forEach((s, k) => {
        const sat = where(y, ['documents', i, 'not_labels', k]);
        if (!isObject(s) || !Number.isInteger(s.start) || !Number.isInteger(s.end) || typeof s.text !== 'string' || (s.end as number) - (s.start as number) !== s.text.length) {
          return void problems.push(`${sat}: document ${id} not_labels ${k + 1}: needs start, end and the text between them`);
        }
        notLabels.push({ start: s.start as number, end: s.end as number, text: s.text, why: typeof s.why === 'string' ? s.why : '', where: sat });
      });
      if (!annotations.has(id)) annotations.set(id, { id, split, spans, notLabels, where: at });
    });
  }
  if (problems.length) throw new DevsetError(problems);
  const unannotated = [...articles.values()].filter((a) => !annotations.has(a.id));
  return { dir, articles, annotations, unannotated };
}

export interface PresentText {
  article: DevsetArticle;
  annotation: DevsetAnnotation;
  path: string;
  text: string;
}

export interface TextSearch {
  present: PresentText[];
  /** Annotated articles whose text is in none of the folders. */
  missing: DevsetArticle[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Finds the text of every annotated article: `<dir>/open/<id>.txt` first, then `<localDir>/<id>.txt` (when given).
 * A text that is found but differs from the annotated one (sha256), or whose spans do not match it, is an error:
 * the offsets would point at other words.
 */
export function findTexts(devset: Devset, localDir?: string): TextSearch {
  const present: PresentText[] = [];
  const missing: DevsetArticle[] = [];
  const problems: string[] = [];
  for (const annotation of devset.annotations.values()) {
    const article = devset.articles.get(annotation.id) as DevsetArticle;
    const candidates = [join(devset.dir, 'open', `${article.id}.txt`), ...(localDir ? [join(localDir, `${article.id}.txt`)] : [])];
    const path = candidates.find((p) => existsSync(p));
    if (!path) {
      missing.push(article);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const hash = sha256(text);
    if (hash !== article.sha256) {
      problems.push(`${path}: sha256 ${hash} differs from ${article.sha256} in ${article.where}: this is not the annotated text (restore the original file; do not edit texts)`);
      continue;
    }
    for (const s of [...annotation.spans, ...annotation.notLabels]) {
      const actual = text.slice(s.start, s.end);
      if (actual !== s.text) problems.push(`${s.where}: ${article.id} [${s.start}, ${s.end}) is ${JSON.stringify(actual)} in the text, not ${JSON.stringify(s.text)}`);
    }
    present.push({ article, annotation, path, text });
  }
  if (problems.length) throw new DevsetError(problems);
  return { present, missing };
}

export interface EvaluatedText extends ScoredDocument {
  article: DevsetArticle;
}

/** Runs the analyzer on the present texts, read through the library's own corpus reader like any user file. */
export async function analyzeTexts(texts: PresentText[], compiled: CompiledLexicon): Promise<EvaluatedText[]> {
  if (texts.length === 0) return [];
  const { documents, skipped } = await readCorpus(texts.map((t) => t.path), { dedupe: false, defaultOutlet: 'devset' });
  if (skipped.length) throw new DevsetError(skipped.map((s) => `${s.file}: the corpus reader skipped it: ${s.reason}`));
  const byFile = new Map(documents.map((d) => [d.source.file, d]));
  return texts.map((t) => {
    const doc = byFile.get(t.path) ?? documents.find((d) => d.source.file.endsWith(`${t.article.id}.txt`));
    if (!doc) throw new DevsetError([`${t.path}: the corpus reader returned no document for it`]);
    // Offsets are into the file as stored; a reader that changed the text would shift every span.
    if (doc.text !== t.text) throw new DevsetError([`${t.path}: the corpus reader changed the text (front matter or encoding?): offsets would not match`]);
    const analysed = analyzeDocument({ ...doc, id: t.article.id, outlet: t.article.outlet, title: t.article.title, url: t.article.url, date: t.article.date }, compiled);
    return {
      id: t.article.id, text: t.text, gold: t.annotation.spans, hits: analysed.hits, notLabels: t.annotation.notLabels, article: t.article,
    };
  });
}
