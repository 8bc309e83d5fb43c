/**
 * Category dictionaries (LIWC .dic / .dicx, WordStat .cat, Lexicoder .lc3, quanteda YAML) loaded for counting with
 * their own semantics — a separate layer from the framing lexicon: category counts never take tokens away from
 * framing labels, and the framing lexicon never changes a category count.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { decodeDictionary, DictionaryImportError, parseDictionary, readDictionaryBytes, type DictionaryFormat, type ParsedDictionary } from '../lexicon/import/index.js';
import { parseDicx } from './dicx.js';
import { normalizeWord } from '../text/words.js';

export type CategoryFormat = DictionaryFormat | 'dicx';

/**
 * How a dictionary counts, as its home tool does:
 * - `liwc`: each word (or multi-word phrase) is looked up once; an exact entry wins over wildcard entries, a longer
 *   wildcard stem over a shorter one, a multi-word phrase over its words; the word then counts once in every
 *   category of that one entry.
 * - `quanteda`: `tokens_lookup()` / `dfm_lookup()` with glob patterns, case-insensitive, nested_scope "key": longer
 *   spans first, then left to right; for each category separately a match counts unless one of its words was already
 *   taken by a match of that category (one span matched by two patterns of a category counts once).
 * - `quanteda-dictionary`: the same with nested_scope "dictionary": a match whose words were all taken already, by
 *   any category, does not count either.
 */
export type CountingSemantics = 'liwc' | 'quanteda' | 'quanteda-dictionary';

export interface DictionaryEntry {
  /** The entry as written. */
  source: string;
  /** Lowercased words of the entry; each may hold `*` (any characters) and `?` (one character). */
  parts: string[];
  /** Indexes into `categories`. */
  categories: number[];
  /** First line it was found on. */
  line: number;
}

export interface CategoryDictionary {
  file: string;
  format: CategoryFormat;
  sha256: string;
  /** Category names; hierarchical ones (WordStat, nested YAML) joined with "/". */
  categories: string[];
  /** One entry per distinct pattern; an entry listed under several categories (or lines) holds them all. */
  entries: DictionaryEntry[];
  /** The home tool's semantics, chosen from the format unless asked otherwise. */
  semantics: CountingSemantics;
}

const EXTENSIONS: Record<string, CategoryFormat> = { '.dic': 'dic', '.dicx': 'dicx', '.cat': 'cat', '.lc3': 'lc3', '.yml': 'yml', '.yaml': 'yml' };

/** LIWC's formats count the LIWC way; the others are quanteda's dictionary formats, counted the quanteda way. */
export function defaultSemantics(format: CategoryFormat): CountingSemantics {
  return format === 'dic' || format === 'dicx' ? 'liwc' : 'quanteda';
}

export function categoryFormatOf(file: string, text?: string): CategoryFormat {
  const byExtension = EXTENSIONS[extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  // No telling extension: look at the content.
  const head = (text ?? '').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('%')) return 'dic';
  if (/^DicTerm\s*,/i.test(head)) return 'dicx';
  if (head.startsWith('+')) return 'lc3';
  throw new DictionaryImportError(file, [{
    message: `cannot tell the dictionary format of "${file}": name it .dic or .dicx (LIWC), .cat (WordStat), .lc3 (Lexicoder) or .yml (quanteda)`,
  }]);
}

export function buildCategoryDictionary(parsed: ParsedDictionary, file: string, format: CategoryFormat, sha256: string, semantics?: CountingSemantics): CategoryDictionary {
  const categories = [...parsed.categories];
  const index = new Map(categories.map((c, i) => [c, i]));
  const byPattern = new Map<string, DictionaryEntry>();
  for (const term of parsed.terms) {
    let cat = index.get(term.category);
    if (cat === undefined) {
      cat = categories.push(term.category) - 1;
      index.set(term.category, cat);
    }
    const parts = term.pattern.split(/\s+/).filter(Boolean).map(normalizeWord);
    if (parts.length === 0) continue;
    const key = parts.join(' ');
    const entry = byPattern.get(key);
    if (entry) {
      if (!entry.categories.includes(cat)) entry.categories.push(cat);
    } else byPattern.set(key, { source: term.source, parts, categories: [cat], line: term.line });
  }
  if (byPattern.size === 0) throw new DictionaryImportError(file, [{ line: 1, message: 'the dictionary has no entries to count' }]);
  return { file, format, sha256, categories, entries: [...byPattern.values()], semantics: semantics ?? defaultSemantics(format) };
}

/** Reads a category dictionary in any supported format (from the extension, else the content). */
export function loadCategoryDictionary(file: string, options: { semantics?: CountingSemantics; format?: CategoryFormat } = {}): CategoryDictionary {
  const bytes = readDictionaryBytes(file);
  const text = decodeDictionary(bytes, file);
  const format = options.format ?? categoryFormatOf(file, text);
  const parsed = format === 'dicx' ? parseDicx(text, file) : parseDictionary(text, format, file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return buildCategoryDictionary(parsed, file, format, sha256, options.semantics);
}
