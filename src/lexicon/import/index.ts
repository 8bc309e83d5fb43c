/**
 * `framelens lexicon import`: converts a dictionary researchers already have (LIWC .dic, WordStat .cat, Lexicoder
 * .lc3, quanteda YAML) into a framelens lexicon. See docs/importing.md for the mapping rules.
 *
 * Structural problems (unknown category number, entry outside a category, bad encoding, YAML syntax) throw a
 * DictionaryImportError naming file and line. Entries that are valid in their format but cannot be expressed as a
 * framelens pattern (a "*" with fewer than 3 letters before it, a "*" mid-word, "?" globs, punctuation, LIWC
 * conditional categories) are never dropped silently: they are listed, with line and reason, in comments at the top
 * of the output and in `ImportResult.skipped`.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Document } from 'yaml';
import { parseLexicon } from '../load.js';
import { checkPatternSyntax } from '../pattern.js';
import { parseCat } from './cat.js';
import { decodeDictionary } from './decode.js';
import { parseDic } from './dic.js';
import { DictionaryImportError } from './errors.js';
import { parseLc3 } from './lc3.js';
import { FORMAT_NAMES, type DictionaryFormat, type ParsedDictionary } from './types.js';
import { parseYml } from './yml.js';

export { DictionaryImportError } from './errors.js';
export { decodeDictionary } from './decode.js';
export type { DictionaryFormat, ParsedDictionary, RawTerm } from './types.js';

export interface ImportOptions {
  /** Lexicon name; default: the file name without extension, reduced to letters, digits, - and _. */
  name?: string;
  /** Id of the single referent every imported label names; default "topic". */
  referent?: string;
  /** Source format; default: from the file extension. */
  format?: DictionaryFormat;
}

export interface ImportedLabel {
  id: string;
  category: string;
  pattern: string;
  line: number;
  note?: string;
}

export interface SkippedEntry {
  line: number;
  category?: string;
  source: string;
  reason: string;
}

export interface ImportResult {
  /** YAML text of a valid framelens lexicon. */
  yaml: string;
  format: DictionaryFormat;
  name: string;
  referent: string;
  /** Category names in source order, hierarchical ones joined with "/". */
  categories: string[];
  labels: ImportedLabel[];
  /** Entries that could not be converted (also listed as comments in `yaml`). */
  skipped: SkippedEntry[];
  /** Entries dropped because the same pattern already appeared under the same category. */
  duplicates: number;
}

const PARSERS: Record<DictionaryFormat, (text: string, file: string) => ParsedDictionary> = {
  dic: parseDic,
  cat: parseCat,
  lc3: parseLc3,
  yml: parseYml,
};

const EXTENSIONS: Record<string, DictionaryFormat> = { '.dic': 'dic', '.cat': 'cat', '.lc3': 'lc3', '.yml': 'yml', '.yaml': 'yml' };
const REFERENT_RE = /^[a-z0-9][a-z0-9_.-]*$/;
const NAME_RE = /^[A-Za-z0-9_-]+$/;
const MAX_SLUG = 48;

/** The format of a dictionary file from its extension; throws for anything else. */
export function formatOf(file: string): DictionaryFormat {
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (!format) {
    throw new DictionaryImportError(file, [{
      message: `cannot tell the dictionary format from the extension "${extname(file) || '(none)'}": use .dic (LIWC), .cat (WordStat), .lc3 (Lexicoder) or .yml/.yaml (quanteda)`,
    }]);
  }
  return format;
}

/** Lowercase ASCII slug for ids: accents removed, every other run of symbols becomes "-". */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/** Why a converted pattern cannot be used in framelens, with what to do; null when it is fine. */
function patternProblem(pattern: string): string | null {
  const problem = checkPatternSyntax(pattern);
  if (problem) {
    const advice = problem.includes('letters before')
      ? 'list the full words it should match instead'
      : problem.includes('may only end a word')
        ? 'framelens has only suffix wildcards: list the words it should match'
        : 'rewrite it by hand';
    return `${problem}; ${advice}`;
  }
  const bare = pattern.split(' ').find((w) => !/[\p{L}\p{N}]/u.test(w));
  if (bare !== undefined) return `"${bare}" has no letter or digit, so it can never match a word; rewrite it by hand`;
  return null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

/**
 * Parses dictionary text in its own format into categories and raw entries (no conversion to framelens patterns):
 * what counting with the dictionary's own semantics needs. Line endings and a byte-order mark are normalised first.
 */
export function parseDictionary(text: string, format: DictionaryFormat, file: string): ParsedDictionary {
  if (!(format in PARSERS)) throw new DictionaryImportError(file, [{ message: `unknown format "${String(format)}": use dic, cat, lc3 or yml` }]);
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') throw new DictionaryImportError(file, [{ line: 1, message: 'the file is empty: export the dictionary again' }]);
  return PARSERS[format](source, file);
}

/** Converts dictionary text; `file` names the source in messages and rationales. */
export function convertDictionary(text: string, format: DictionaryFormat, file: string, options: Omit<ImportOptions, 'format'> = {}): ImportResult {
  const referent = options.referent ?? 'topic';
  if (!REFERENT_RE.test(referent)) {
    throw new DictionaryImportError(file, [{ message: `--referent "${referent}" must be lowercase letters, digits, - _ or . (starting with a letter or digit)` }]);
  }
  const base = basename(file);
  const name = options.name ?? (slug(base.replace(/\.[^.]*$/, '')) || 'imported');
  if (!NAME_RE.test(name)) throw new DictionaryImportError(file, [{ message: `--name "${name}" may only contain letters, digits, - and _` }]);
  // One line-break convention for every parser (LF, CRLF and CR-only files); line numbers are unchanged.
  const parsed = parseDictionary(text, format, file);
  const skipped: SkippedEntry[] = parsed.skipped.map((s) => ({ ...s }));
  const labels: ImportedLabel[] = [];
  const usedIds = new Set<string>();
  const seen = new Set<string>();
  let duplicates = 0;
  for (const term of parsed.terms) {
    const problem = patternProblem(term.pattern);
    if (problem) {
      skipped.push({ line: term.line, category: term.category, source: term.source, reason: problem });
      continue;
    }
    const key = `${term.category}\u0000${term.pattern.toLowerCase()}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const stem = `${slug(term.category) || 'category'}-${slug(term.pattern) || 'entry'}`;
    let id = stem;
    for (let n = 2; usedIds.has(id); n++) id = `${stem}-${n}`;
    usedIds.add(id);
    labels.push({ id, category: term.category, pattern: term.pattern, line: term.line, note: term.note });
  }
  if (parsed.categories.length === 0) throw new DictionaryImportError(file, [{ line: 1, message: 'no categories found' }]);
  if (labels.length === 0) {
    const why = skipped.length ? `; none of its ${skipped.length} entries could be converted (first: line ${skipped[0].line}, ${skipped[0].reason})` : '';
    throw new DictionaryImportError(file, [{ line: skipped[0]?.line ?? 1, message: `no entries to import: the categories (${parsed.categories.slice(0, 5).join(', ')}) have no words${why}` }]);
  }
  skipped.sort((a, b) => a.line - b.line);

  const yaml = render({ base, format, name, referent, labels, skipped, duplicates, categories: parsed.categories });
  // Self-check: the output must load. A failure here is an importer bug, reported with the generated text's line.
  parseLexicon(yaml, `${base} (imported)`);
  return { yaml, format, name, referent, categories: parsed.categories, labels, skipped, duplicates };
}

function render(r: {
  base: string; format: DictionaryFormat; name: string; referent: string; labels: ImportedLabel[];
  skipped: SkippedEntry[]; duplicates: number; categories: string[];
}): string {
  const header = [
    ` Imported from ${r.base} (${FORMAT_NAMES[r.format]}) by "framelens lexicon import".`,
    ` ${r.labels.length} labels from ${r.categories.length} categories. Every weight is 0: dictionary categories say what`,
    ' a word is about, not how it frames; set weights (-2..+2), referents and rationales by hand before scoring.',
  ];
  if (r.duplicates) header.push(` ${plural(r.duplicates, 'repeated entry', 'repeated entries')} (same word, same category) merged.`);
  if (r.skipped.length) {
    header.push('', ` NOT CONVERTED: ${plural(r.skipped.length, 'entry', 'entries')} of ${r.base} could not be expressed as framelens patterns:`);
    for (const s of r.skipped) {
      const cat = s.category !== undefined ? `, category "${s.category}"` : '';
      header.push(oneLine(`   line ${s.line}${cat}: "${s.source}": ${s.reason}`));
    }
  }
  const doc = new Document({
    lexicon: r.name,
    version: '1.0.0',
    description: `Imported from ${r.base} (${FORMAT_NAMES[r.format]})`,
    referents: [{ id: r.referent, label: r.referent, description: `Placeholder referent for every label imported from ${r.base}` }],
    labels: r.labels.map((l) => ({
      id: l.id,
      referent: r.referent,
      category: l.category,
      weight: 0,
      patterns: [l.pattern],
      rationale: `Imported from ${r.base}, category ${l.category}`,
      ...(l.note ? { note: l.note } : {}),
    })),
  });
  doc.commentBefore = header.join('\n');
  r.labels.forEach((_, i) => {
    const seq = doc.getIn(['labels', i, 'patterns'], true) as { flow?: boolean } | undefined;
    if (seq) seq.flow = true;
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Converts dictionary text (for tests and uploads). */
export function importDictionaryText(text: string, format: DictionaryFormat, options: Omit<ImportOptions, 'format'> & { file?: string } = {}): string {
  const { file, ...rest } = options;
  return convertDictionary(text, format, file ?? `dictionary.${format}`, rest).yaml;
}

/** A dictionary file's bytes, or a DictionaryImportError that says why it cannot be read. */
export function readDictionaryBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : (err as Error).message;
    throw new DictionaryImportError(file, [{ message: `cannot read the dictionary: ${why}` }]);
  }
}

/** Reads a dictionary file and returns the conversion with what was skipped. */
export function importDictionaryFile(file: string, options: ImportOptions = {}): ImportResult {
  const format = options.format ?? formatOf(file);
  return convertDictionary(decodeDictionary(readDictionaryBytes(file), file), format, file, options);
}

/** Reads a dictionary file and returns the YAML text of a framelens lexicon (used by `framelens lexicon import`). */
export function importDictionary(file: string, options: ImportOptions = {}): string {
  return importDictionaryFile(file, options).yaml;
}
