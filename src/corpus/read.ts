/**
 * `readCorpus`: files and folders in, `Document`s out. Every file found is either read or listed in `skipped`
 * with a reason that says what to do; only hidden entries (".name") and node_modules inside folders are passed
 * over without a word. A path that does not exist or cannot be opened throws `InputError`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Document, SkippedDocument } from '../types.js';
import { looksBinary } from './decode.js';
import { SeenDocuments } from './seen.js';
import { InputError } from '../errors.js';
import { parseOutletFrom, type OutletFrom } from './fields.js';
import {
  EXTENSION_KINDS,
  readCsvFile,
  readJsonFile,
  readJsonlFile,
  readJsonlLine,
  readTextFile,
  type Candidate,
  type FileContext,
  type FileReadResult,
  type FormatKind,
} from './formats.js';

export const DEFAULT_MAX_DOC_BYTES = 5 * 1024 * 1024;
/** Front matter is small; a .txt/.md file larger than the text limit plus this cannot hold an acceptable text. */
const FRONT_MATTER_ALLOWANCE = 1024 * 1024;
/** Whole-file readers (CSV, JSON) need the file as one string; V8 strings stop a little above 512 MiB. */
const MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024;
/** fs.readFile refuses files of 2 GiB and more. */
const MAX_READ_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export interface ReadOptions {
  /**
   * Where the outlet comes from, overriding the usual outlet fields when it yields a value:
   * `'field:<name>'` a front-matter key / JSON key / CSV column (falls back to the usual fields when empty);
   * `'folder'` the name of the file's parent folder; `'filename'` the file stem up to its first `_`.
   */
  outletFrom?: string | OutletFrom;
  /** Outlet for documents that name none (after `outletFrom` and the outlet fields). */
  defaultOutlet?: string;
  /** Per-document limit on the UTF-8 size of the text; default 5 MiB. */
  maxDocBytes?: number;
  /** Skip exact duplicates (same outlet, same normalised text); default true. */
  dedupe?: boolean;
  /**
   * Documents whose ids and text keys the stream keeps in memory; earlier ones move to a scratch database in batches
   * of this size (default SEEN_BATCH, 8,192). Tests set it small to run that path on a few documents.
   */
  seenBatch?: number;
}

export interface CorpusWarning {
  file: string;
  line?: number;
  id?: string;
  message: string;
}

export interface ReadResult {
  documents: Document[];
  skipped: SkippedDocument[];
  /** Documents that were read but with something to know (e.g. an unrecognised date). */
  warnings: CorpusWarning[];
}

interface FoundFile {
  abs: string;
  /** Path as reported: the input path, joined with the path inside the folder. */
  file: string;
  /** Path relative to the input root (POSIX separators), or the basename for a file given directly. */
  rel: string;
}

function describeFsError(err: unknown, p: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such file or folder: ${p}`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${p}: permission denied`;
  if (code === 'ELOOP') return `cannot read ${p}: too many levels of symbolic links`;
  return `cannot read ${p}: ${err instanceof Error ? err.message : String(err)}`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function resolveOutletFrom(spec: ReadOptions['outletFrom']): OutletFrom | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec !== 'string') return spec;
  const parsed = parseOutletFrom(spec);
  if (!parsed) {
    throw new InputError(`invalid outlet source "${spec}": use field:<name>, folder or filename`);
  }
  return parsed;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

async function walk(root: string, dirAbs: string, relDir: string, visited: Set<string>, found: FoundFile[], skipped: SkippedDocument[]): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dirAbs);
  } catch (err) {
    skipped.push({ file: path.join(root, relDir), reason: `${describeFsError(err, path.join(root, relDir))}: fix the permissions or remove it` });
    return;
  }
  if (visited.has(real)) return; // a symlink loop or a folder reached twice
  visited.add(real);
  let entries: string[];
  try {
    entries = await fs.readdir(dirAbs);
  } catch (err) {
    skipped.push({ file: path.join(root, relDir), reason: `${describeFsError(err, path.join(root, relDir))}: fix the permissions or remove it` });
    return;
  }
  // Code-unit order, not locale order: the same corpus reads in the same order everywhere.
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of entries) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const abs = path.join(dirAbs, name);
    const rel = relDir === '' ? name : path.join(relDir, name);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (err) {
      skipped.push({ file: path.join(root, rel), reason: `${describeFsError(err, path.join(root, rel))}: fix or remove it (a broken symbolic link?)` });
      continue;
    }
    if (stat.isDirectory()) await walk(root, abs, rel, visited, found, skipped);
    else if (stat.isFile()) found.push({ abs, file: path.join(root, rel), rel: toPosix(rel) });
    else skipped.push({ file: path.join(root, rel), reason: 'not a regular file (a socket, FIFO or device): remove it from the corpus folder' });
  }
}

async function collectFiles(paths: string[]): Promise<{ found: FoundFile[]; skipped: SkippedDocument[] }> {
  const found: FoundFile[] = [];
  const skipped: SkippedDocument[] = [];
  const visited = new Set<string>();
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      throw new InputError(describeFsError(err, p), p, { cause: err });
    }
    if (stat.isDirectory()) {
      try {
        await fs.access(p, fs.constants?.R_OK ?? 4);
      } catch (err) {
        throw new InputError(describeFsError(err, p), p, { cause: err });
      }
      await walk(p, p, '', visited, found, skipped);
    } else if (stat.isFile()) {
      found.push({ abs: p, file: p, rel: path.basename(p) });
    } else {
      throw new InputError(`not a file or folder: ${p}`, p);
    }
  }
  // The same file named twice (directly and inside a folder, or via a symlink) is read once.
  const seen = new Set<string>();
  const unique: FoundFile[] = [];
  for (const f of found) {
    let key: string;
    try {
      key = await fs.realpath(f.abs);
    } catch {
      key = path.resolve(f.abs);
    }
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(f);
  }
  return { found: unique, skipped };
}

async function readOne(f: FoundFile, kind: FormatKind, fc: FileContext, maxDocBytes: number, topLevel: Set<string>): Promise<FileReadResult> {
  const empty: FileReadResult = { candidates: [], skipped: [], warnings: [] };
  const skip = (reason: string, line?: number): FileReadResult => ({ ...empty, skipped: [{ file: f.file, ...(line === undefined ? {} : { line }), reason }] });
  let size: number;
  try {
    size = (await fs.stat(f.abs)).size;
  } catch (err) {
    if (topLevel.has(f.abs)) throw new InputError(describeFsError(err, f.file), f.file, { cause: err });
    return skip(`${describeFsError(err, f.file)}: fix the permissions or remove it`);
  }
  if (kind === 'text' && size > maxDocBytes + FRONT_MATTER_ALLOWANCE) {
    return skip(`document too large: the file is ${formatBytes(size)}, over the ${formatBytes(maxDocBytes)} per-document limit: raise it with --max-doc-bytes <bytes> (option maxDocBytes) or split the file`);
  }
  if ((kind === 'csv' || kind === 'json') && size > MAX_WHOLE_FILE_BYTES) {
    return skip(`file too large to read in one piece (${formatBytes(size)}, limit ${formatBytes(MAX_WHOLE_FILE_BYTES)} for .${kind}): convert it to .jsonl (one object per line) or split it`);
  }
  if (size > MAX_READ_BYTES) {
    return skip(`file too large to read (${formatBytes(size)}, limit 2 GiB): split it into several files`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(f.abs);
  } catch (err) {
    if (topLevel.has(f.abs)) throw new InputError(describeFsError(err, f.file), f.file, { cause: err });
    return skip(`${describeFsError(err, f.file)}: fix the permissions or remove it`);
  }
  // Records of .jsonl and .csv files check their own bytes: a NUL byte costs its record only, at its own line.
  if ((kind === 'text' || kind === 'json') && looksBinary(bytes)) {
    return skip('binary file (NUL bytes in the first 8 KB): framelens reads UTF-8 text; convert it to .txt (UTF-16 text must be saved as UTF-8) or remove it', 1);
  }
  switch (kind) {
    case 'text':
      return readTextFile(bytes, fc);
    case 'jsonl':
      return readJsonlFile(bytes, fc);
    case 'csv':
      return readCsvFile(bytes, fc);
    case 'json':
      return readJsonFile(bytes, fc);
  }
}

/** One item of the corpus stream: a document, a skip entry (with the stage that decided it), or a warning. */
export type CorpusItem =
  | { type: 'document'; document: Document }
  | { type: 'skipped'; skipped: SkippedDocument; stage: 'file' | 'id' | 'duplicate' }
  | { type: 'warning'; warning: CorpusWarning };

/** A .jsonl line longer than this cannot hold an acceptable text: it is skipped without being held whole. */
function maxJsonlLineBytes(maxDocBytes: number): number {
  return maxDocBytes * 2 + FRONT_MATTER_ALLOWANCE;
}

/**
 * The lines of a file, read in chunks: memory holds one line, never the file. A line over `maxLineBytes` is
 * reported as `tooLong` (its length) and not kept.
 */
async function* fileLines(abs: string, maxLineBytes: number): AsyncGenerator<{ bytes: Uint8Array; line: number; offset: number; tooLong?: number }> {
  const handle = await fs.open(abs, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let parts: Buffer[] = [];
    let partLength = 0;
    let overflow = 0;
    let line = 1;
    let lineOffset = 0;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      let from = 0;
      while (from < bytesRead) {
        const nl = chunk.indexOf(0x0a, from);
        const end = nl === -1 || nl >= bytesRead ? bytesRead : nl;
        const piece = chunk.subarray(from, end);
        if (overflow > 0 || partLength + piece.length > maxLineBytes) {
          overflow += partLength + piece.length;
          parts = [];
          partLength = 0;
        } else {
          parts.push(Buffer.from(piece));
          partLength += piece.length;
        }
        if (end === bytesRead) break;
        const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, partLength);
        yield overflow > 0 ? { bytes: new Uint8Array(0), line, offset: lineOffset, tooLong: overflow } : { bytes, line, offset: lineOffset };
        parts = [];
        partLength = 0;
        overflow = 0;
        line++;
        lineOffset = position + end + 1;
        from = end + 1;
      }
      position += bytesRead;
    }
    if (overflow > 0) yield { bytes: new Uint8Array(0), line, offset: lineOffset, tooLong: overflow };
    else if (partLength > 0) yield { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts, partLength), line, offset: lineOffset };
  } finally {
    await handle.close();
  }
}

/**
 * Reads documents from files and folders (recursively) as a stream: files are read one at a time, .jsonl files
 * line by line, and documents are yielded as they are read, so memory holds one file (one line of a .jsonl) and
 * the ids and text keys of the latest documents (for unique ids and exact duplicates; earlier ones are looked up in
 * a scratch database, src/corpus/seen.ts). Same rules,
 * skips and messages as `readCorpus`, which collects this stream. (.csv and .json files are parsed whole: a record
 * of those formats can only be told apart by parsing from the start.)
 */
export async function* readCorpusStream(paths: string[], options: ReadOptions = {}): AsyncGenerator<CorpusItem> {
  if (paths.length === 0) throw new InputError('no input paths given: name one or more files or folders');
  const outletFrom = resolveOutletFrom(options.outletFrom);
  const maxDocBytes = options.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES;
  if (!Number.isFinite(maxDocBytes) || maxDocBytes <= 0) {
    throw new InputError(`invalid maximum document size ${maxDocBytes}: give a positive number of bytes`);
  }
  const dedupe = options.dedupe !== false;

  const { found, skipped } = await collectFiles(paths);
  for (const s of skipped) yield { type: 'skipped', skipped: s, stage: 'file' };
  const topLevel = new Set(paths);
  const seen = new SeenDocuments(options.seenBatch);
  try {

    function* accept(c: Candidate): Generator<CorpusItem> {
      const bytes = Buffer.byteLength(c.doc.text, 'utf8');
      if (bytes > maxDocBytes) {
        yield {
          type: 'skipped',
          stage: 'file',
          skipped: {
            file: c.doc.source.file,
            ...(c.doc.source.line === undefined ? {} : { line: c.doc.source.line }),
            id: c.doc.id,
            reason: `document too large: the text is ${formatBytes(bytes)}, over the ${formatBytes(maxDocBytes)} per-document limit: raise it with --max-doc-bytes <bytes> (option maxDocBytes) or split the document`,
          },
        };
        return;
      }
      const idSkip = assignUniqueId(c, seen);
      if (idSkip) {
        yield { type: 'skipped', stage: 'id', skipped: idSkip };
        return;
      }
      if (dedupe) {
        const first = seen.firstWithText(c.doc);
        if (first >= 0) {
          const doc = c.doc;
          yield {
            type: 'skipped',
            stage: 'duplicate',
            skipped: {
              file: doc.source.file,
              ...(doc.source.line === undefined ? {} : { line: doc.source.line }),
              id: doc.id,
              reason: `exact duplicate of ${seen.id(first)} (${seen.where(first)}): same outlet "${doc.outlet}" and the same text up to whitespace; remove one copy, or pass dedupe: false to keep both`,
            },
          };
          return;
        }
      }
      yield { type: 'document', document: c.doc };
    }

    for (const f of found) {
      const ext = path.extname(f.rel).toLowerCase();
      const kind = EXTENSION_KINDS[ext];
      if (kind === undefined) {
        yield {
          type: 'skipped',
          stage: 'file',
          skipped: {
            file: f.file,
            reason: `unsupported file type ${ext === '' ? '(no extension)' : `"${ext}"`}: framelens reads ${Object.keys(EXTENSION_KINDS).join(', ')}; convert the file or move it out of the corpus folder`,
          },
        };
        continue;
      }
      const idBase = f.rel.slice(0, f.rel.length - ext.length);
      const fc: FileContext = { file: f.file, idBase, outletFrom, defaultOutlet: options.defaultOutlet };
      if (kind === 'jsonl') {
        let lines: AsyncGenerator<{ bytes: Uint8Array; line: number; offset: number; tooLong?: number }>;
        try {
          await fs.access(f.abs, fs.constants?.R_OK ?? 4);
          lines = fileLines(f.abs, maxJsonlLineBytes(maxDocBytes));
        } catch (err) {
          if (topLevel.has(f.abs)) throw new InputError(describeFsError(err, f.file), f.file, { cause: err });
          yield { type: 'skipped', stage: 'file', skipped: { file: f.file, reason: `${describeFsError(err, f.file)}: fix the permissions or remove it` } };
          continue;
        }
        for await (const l of lines) {
          const out: FileReadResult = { candidates: [], skipped: [], warnings: [] };
          if (l.tooLong !== undefined) {
            out.skipped.push({
              file: f.file,
              line: l.line,
              reason: `document too large: the line is ${formatBytes(l.tooLong)}, over the ${formatBytes(maxDocBytes)} per-document limit: raise it with --max-doc-bytes <bytes> (option maxDocBytes) or split the document`,
            });
          } else readJsonlLine(out, l.bytes, l.line, l.offset, fc);
          for (const s of out.skipped) yield { type: 'skipped', stage: 'file', skipped: s };
          for (const w of out.warnings) yield { type: 'warning', warning: w };
          for (const c of out.candidates) yield* accept(c);
        }
        continue;
      }
      const result = await readOne(f, kind, fc, maxDocBytes, topLevel);
      for (const s of result.skipped) yield { type: 'skipped', stage: 'file', skipped: s };
      for (const w of result.warnings) yield { type: 'warning', warning: w };
      for (const c of result.candidates) yield* accept(c);
    }
  } finally {
    seen.close();
  }
}

/**
 * Reads documents from files and folders (recursively). Supported: .txt/.md/.markdown (optional YAML front
 * matter), .jsonl/.ndjson, .csv with a header, .json (an array of objects).
 *
 * Ids: the metadata's id field, else the path relative to the input root without extension (plus `:<line>` for
 * JSONL/CSV records, `:<n>` for the n-th element of a JSON array). A derived id that is taken gets a suffix `~2`,
 * `~3`…; an explicit id that is taken skips the later document.
 *
 * Everything in memory at once; large corpora use `readCorpusStream`.
 */
export async function readCorpus(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const documents: Document[] = [];
  const warnings: CorpusWarning[] = [];
  // Skips are listed as before the stream existed: file problems, then id clashes, then exact duplicates.
  const skippedBy: Record<'file' | 'id' | 'duplicate', SkippedDocument[]> = { file: [], id: [], duplicate: [] };
  for await (const item of readCorpusStream(paths, options)) {
    if (item.type === 'document') documents.push(item.document);
    else if (item.type === 'warning') warnings.push(item.warning);
    else skippedBy[item.stage].push(item.skipped);
  }
  return { documents, skipped: [...skippedBy.file, ...skippedBy.id, ...skippedBy.duplicate], warnings };
}

/** Gives a candidate an id no earlier document has; returns the skip entry when its explicit id is taken. */
function assignUniqueId({ doc, idWasDerived }: Candidate, seen: SeenDocuments): SkippedDocument | undefined {
  const first = seen.findId(doc.id);
  if (first >= 0) {
    if (!idWasDerived) {
      return {
        file: doc.source.file,
        ...(doc.source.line === undefined ? {} : { line: doc.source.line }),
        id: doc.id,
        reason: `duplicate id "${doc.id}" (first used at ${seen.where(first)}): ids must be unique; change one, or remove the id field to derive ids from file paths`,
      };
    }
    let n = 2;
    while (seen.findId(`${doc.id}~${n}`) >= 0) n++;
    doc.id = `${doc.id}~${n}`;
  }
  seen.add(doc);
  return undefined;
}
