/** Shared shapes of the dictionary importers: each format parser turns text into categories and raw terms. */

export type DictionaryFormat = 'dic' | 'cat' | 'lc3' | 'yml';

export const FORMAT_NAMES: Record<DictionaryFormat, string> = {
  dic: 'LIWC .dic',
  cat: 'WordStat .cat',
  lc3: 'Lexicoder .lc3',
  yml: 'quanteda YAML',
};

/** One dictionary entry under one category, before it is checked against the framelens pattern rules. */
export interface RawTerm {
  /** Full category name; hierarchical categories joined with "/". */
  category: string;
  /** The entry as written in the source (for messages). */
  source: string;
  /** The entry converted to framelens pattern syntax (multiword joins as spaces, trimmed). */
  pattern: string;
  /** 1-based line in the source file. */
  line: number;
  /** A note to keep on the entry, e.g. the original WordStat weight. */
  note?: string;
}

/** An entry that the parser already knows it cannot convert (e.g. a LIWC conditional category). */
export interface RawSkip {
  category?: string;
  source: string;
  line: number;
  reason: string;
}

export interface ParsedDictionary {
  /** Category names in source order (including categories without entries). */
  categories: string[];
  terms: RawTerm[];
  skipped: RawSkip[];
}

/** Splits text into lines; LF, CRLF and CR-only line endings all count as one line break. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Trims and collapses runs of whitespace to one space. */
export function squash(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}
