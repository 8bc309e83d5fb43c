/**
 * One reader per file format. Each turns the bytes of one file into candidate documents and skip entries;
 * `read.ts` walks the paths and applies the corpus-wide rules (size limit, unique ids, dedupe).
 */
import type { Document, SkippedDocument } from '../types.js';
import { parseCsv } from './csv.js';
import { decodeUtf8, firstInvalidUtf8 } from './decode.js';
import { FIELD_ALIASES, mapRecord, type MapContext, type MetaRecord, type OutletFrom } from './fields.js';
import { splitFrontMatter } from './frontmatter.js';

export type FormatKind = 'text' | 'jsonl' | 'csv' | 'json';

export const EXTENSION_KINDS: Readonly<Record<string, FormatKind>> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.json': 'json',
};

export interface Candidate {
  doc: Document;
  idWasDerived: boolean;
}

export interface FileReadResult {
  candidates: Candidate[];
  skipped: SkippedDocument[];
  warnings: { file: string; line?: number; id?: string; message: string }[];
}

export interface FileContext {
  /** Path as reported in sources and skip entries. */
  file: string;
  /** Relative path without extension, POSIX separators: the base of derived ids. */
  idBase: string;
  outletFrom?: OutletFrom;
  defaultOutlet?: string;
}

const INVALID_UTF8_ADVICE = 'save the file as UTF-8 (it may be in Windows-1252, Latin-1 or UTF-16)';

function newResult(): FileReadResult {
  return { candidates: [], skipped: [], warnings: [] };
}

function invalidUtf8Reason(line: number, byteOffset: number): string {
  return `invalid UTF-8 at line ${line} (byte offset ${byteOffset}): ${INVALID_UTF8_ADVICE}`;
}

function addMapped(out: FileReadResult, rec: MetaRecord, ctx: MapContext): void {
  const r = mapRecord(rec, ctx);
  const at = ctx.line === undefined ? {} : { line: ctx.line };
  if (!r.ok) {
    out.skipped.push({ file: ctx.file, ...at, ...(r.id === undefined ? {} : { id: r.id }), reason: r.reason });
    return;
  }
  out.candidates.push({ doc: r.doc, idWasDerived: r.idWasDerived });
  for (const message of r.warnings) out.warnings.push({ file: ctx.file, ...at, id: r.doc.id, message });
}

function outletHint(kind: FormatKind): string {
  switch (kind) {
    case 'text':
      return 'add an `outlet:` field to the front matter, or pass --outlet-from folder (outlet = folder name) or --default-outlet <name>';
    case 'csv':
      return 'add an outlet column (outlet, source or media_name), or pass --outlet-from field:<column> or --default-outlet <name>';
    default:
      return 'add an "outlet" field to each object, or pass --outlet-from field:<name> or --outlet-from folder, or --default-outlet <name>';
  }
}

const TEXT_FIELDS = FIELD_ALIASES.text.join(', ');

export function readTextFile(bytes: Uint8Array, fc: FileContext): FileReadResult {
  const out = newResult();
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    out.skipped.push({ file: fc.file, line: decoded.line, reason: invalidUtf8Reason(decoded.line, decoded.byteOffset) });
    return out;
  }
  const fm = splitFrontMatter(decoded.text);
  if (!fm.ok) {
    out.skipped.push({ file: fc.file, line: fm.line, reason: fm.reason });
    return out;
  }
  addMapped(out, fm.meta, {
    file: fc.file,
    line: 1,
    derivedId: fc.idBase,
    outletFrom: fc.outletFrom,
    defaultOutlet: fc.defaultOutlet,
    text: fm.body,
    outletHint: outletHint('text'),
    textHint: fm.hasFrontMatter
      ? 'nothing but whitespace after the front matter: add the article text below the closing `---` line'
      : 'the file is empty or whitespace only: add the article text or remove the file',
  });
  return out;
}

function describeJsonValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Byte offset of the first NUL byte, or -1. */
function firstNul(bytes: Uint8Array): number {
  return bytes.indexOf(0);
}

function nulReason(line: number, byteOffset: number): string {
  return `NUL byte at line ${line} (byte offset ${byteOffset}): this record holds binary data, or the file is UTF-16; save the file as UTF-8 text without NUL bytes`;
}

/**
 * One line of a .jsonl file (without its line break): a candidate, a skip entry, or nothing for a blank line.
 * `byteOffset` is where the line starts in the file, for messages.
 */
export function readJsonlLine(out: FileReadResult, lineBytes: Uint8Array, line: number, byteOffset: number, fc: FileContext): void {
  if (lineBytes.length > 0 && lineBytes[lineBytes.length - 1] === 0x0d) lineBytes = lineBytes.subarray(0, lineBytes.length - 1);
  // A NUL byte costs its own record only, and the message names its line (not the whole file from line 1).
  const nul = firstNul(lineBytes);
  if (nul >= 0) {
    out.skipped.push({ file: fc.file, line, reason: nulReason(line, byteOffset + nul) });
    return;
  }
  let text: string;
  try {
    text = jsonlDecoder.decode(lineBytes);
  } catch {
    const bad = firstInvalidUtf8(lineBytes);
    out.skipped.push({ file: fc.file, line, reason: invalidUtf8Reason(line, byteOffset + Math.max(bad, 0)) });
    return;
  }
  if (text.trim() === '') return; // blank lines separate nothing and hold nothing
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    out.skipped.push({
      file: fc.file,
      line,
      reason: `line is not valid JSON (${msg}): each line of a .jsonl file must be one complete JSON object; escape line breaks inside strings as \\n`,
    });
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.skipped.push({
      file: fc.file,
      line,
      reason: `line is ${describeJsonValue(value)}, not a JSON object: write one object per line, e.g. {"outlet": "...", "text": "..."}`,
    });
    return;
  }
  addMapped(out, { values: value as Record<string, unknown> }, {
    file: fc.file,
    line,
    derivedId: `${fc.idBase}:${line}`,
    outletFrom: fc.outletFrom,
    defaultOutlet: fc.defaultOutlet,
    outletHint: outletHint('jsonl'),
    textHint: `add a non-empty text field (${TEXT_FIELDS}) to this object`,
  });
}

const jsonlDecoder = new TextDecoder('utf-8', { fatal: true });

export function readJsonlFile(bytes: Uint8Array, fc: FileContext): FileReadResult {
  const out = newResult();
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line++;
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    readJsonlLine(out, bytes.subarray(start, end), line, start, fc);
    start = end + 1;
  }
  return out;
}

/** First NUL byte of each line that holds one: line → byte offset. */
function nulLines(bytes: Uint8Array): Map<number, number> {
  const found = new Map<number, number>();
  let at = bytes.indexOf(0);
  if (at < 0) return found;
  let line = 1;
  let counted = 0;
  while (at >= 0) {
    for (let i = counted; i < at; i++) if (bytes[i] === 0x0a) line++;
    counted = at;
    if (!found.has(line)) found.set(line, at);
    at = bytes.indexOf(0, at + 1);
  }
  return found;
}

/** Lines on which a byte sequence is not valid UTF-8. */
function invalidUtf8Lines(bytes: Uint8Array): Map<number, number> {
  const bad = new Map<number, number>();
  let from = 0;
  let line = 1;
  let counted = 0;
  while (from < bytes.length) {
    const rel = firstInvalidUtf8(bytes.subarray(from));
    if (rel < 0) break;
    const at = from + rel;
    for (let i = counted; i < at; i++) if (bytes[i] === 0x0a) line++;
    counted = at;
    if (!bad.has(line)) bad.set(line, at);
    from = at + 1;
  }
  return bad;
}

export function readCsvFile(bytes: Uint8Array, fc: FileContext): FileReadResult {
  const out = newResult();
  // Bad bytes cost only the rows they sit in: decode leniently, then skip the rows whose lines hold bad bytes.
  const badLines = invalidUtf8Lines(bytes);
  const nuls = nulLines(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const { records, errors } = parseCsv(text, { header: true });
  for (const e of errors) out.skipped.push({ file: fc.file, line: e.line, reason: `broken CSV row: ${e.reason}` });
  // The reason a record's lines cannot be trusted (a NUL byte or invalid UTF-8), naming the line; undefined if none.
  const badIn = (from: number, to: number): string | undefined => {
    if (badLines.size === 0 && nuls.size === 0) return undefined;
    for (let l = from; l <= to; l++) {
      const nul = nuls.get(l);
      if (nul !== undefined) return nulReason(l, nul);
      const offset = badLines.get(l);
      if (offset !== undefined) return invalidUtf8Reason(l, offset);
    }
    return undefined;
  };

  const header = records[0];
  if (header === undefined) {
    if (errors.length === 0) out.skipped.push({ file: fc.file, line: 1, reason: 'empty CSV file: add a header row and one row per article, or remove the file' });
    return out;
  }
  const headerBad = badIn(header.line, header.endLine);
  if (headerBad) {
    out.skipped.push({ file: fc.file, line: header.line, reason: `header row: ${headerBad}` });
    return out;
  }
  const columns = header.fields.map((name) => name.trim());
  const lower = columns.map((c) => c.toLowerCase());
  const textAliases: readonly string[] = FIELD_ALIASES.text;
  if (!lower.some((c) => textAliases.includes(c))) {
    out.skipped.push({
      file: fc.file,
      line: header.line,
      reason: `no text column (looked for ${TEXT_FIELDS}; found ${columns.join(', ')}): add the article text in a "text" column (a Media Cloud story list without text needs the texts fetched first)`,
    });
    return out;
  }
  const seenColumns = new Set<string>();
  for (const c of lower) {
    if (seenColumns.has(c)) {
      out.warnings.push({ file: fc.file, line: header.line, message: `column "${c}" appears more than once in the header: only the first is used` });
    }
    seenColumns.add(c);
  }

  for (const rec of records.slice(1)) {
    const bad = badIn(rec.line, rec.endLine);
    if (bad) {
      out.skipped.push({ file: fc.file, line: rec.line, reason: `broken CSV row: ${bad}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((name, i) => {
      if (!(name in values)) values[name] = rec.fields[i];
    });
    addMapped(out, { values }, {
      file: fc.file,
      line: rec.line,
      derivedId: `${fc.idBase}:${rec.line}`,
      outletFrom: fc.outletFrom,
      defaultOutlet: fc.defaultOutlet,
      outletHint: outletHint('csv'),
      textHint: "this row's text column is empty: fill it or remove the row",
    });
  }
  out.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}

/** Start offsets of the top-level elements of a JSON array (the text is known to parse). */
function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (depth === 1 && expectValue && c !== ']') {
      offsets.push(i);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return offsets;
}

function lineAtChar(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function readJsonFile(bytes: Uint8Array, fc: FileContext): FileReadResult {
  const out = newResult();
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    out.skipped.push({ file: fc.file, line: decoded.line, reason: invalidUtf8Reason(decoded.line, decoded.byteOffset) });
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? lineAtChar(decoded.text, Number(pos[1])) : 1;
    out.skipped.push({ file: fc.file, line, reason: `not valid JSON (${msg}): fix the syntax, or use .jsonl with one object per line so one bad record does not cost the file` });
    return out;
  }
  if (!Array.isArray(value)) {
    out.skipped.push({
      file: fc.file,
      line: 1,
      reason: `a .json file must hold an array of article objects, this one holds ${describeJsonValue(value)}: wrap the objects in [ ... ] or use .jsonl (one object per line)`,
    });
    return out;
  }
  const offsets = topLevelElementOffsets(decoded.text);
  // Line counting is incremental: offsets are increasing.
  let line = 1;
  let counted = 0;
  value.forEach((item, index) => {
    const offset = offsets[index] ?? counted;
    for (let i = counted; i < offset; i++) if (decoded.text.charCodeAt(i) === 10) line++;
    counted = offset;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.skipped.push({
        file: fc.file,
        line,
        reason: `array element ${index + 1} is ${describeJsonValue(item)}, not an object: each element must be an object like {"outlet": "...", "text": "..."}`,
      });
      return;
    }
    addMapped(out, { values: item as Record<string, unknown> }, {
      file: fc.file,
      line,
      derivedId: `${fc.idBase}:${index + 1}`,
      outletFrom: fc.outletFrom,
      defaultOutlet: fc.defaultOutlet,
      outletHint: outletHint('json'),
      textHint: `add a non-empty text field (${TEXT_FIELDS}) to this object`,
    });
  });
  return out;
}

