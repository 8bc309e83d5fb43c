/**
 * `readCorpus`: files and folders in, `Document`s out. Every file found is either read or listed in `skipped`
 * with a reason that says what to do; only hidden entries (".name") and node_modules inside folders are passed
 * over without a word. A path that does not exist or cannot be opened throws `InputError`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Document, SkippedDocument } from '../types.js';
import { looksBinary } from './decode.js';
import { dedupeExact } from './dedupe.js';
import { InputError } from '../errors.js';
import { parseOutletFrom, type OutletFrom } from './fields.js';
import {
  EXTENSION_KINDS,
  readCsvFile,
  readJsonFile,
  readJsonlFile,
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
  if (looksBinary(bytes)) {
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

/**
 * Reads documents from files and folders (recursively). Supported: .txt/.md/.markdown (optional YAML front
 * matter), .jsonl/.ndjson, .csv with a header, .json (an array of objects).
 *
 * Ids: the metadata's id field, else the path relative to the input root without extension (plus `:<line>` for
 * JSONL/CSV records, `:<n>` for the n-th element of a JSON array). A derived id that is taken gets a suffix `~2`,
 * `~3`…; an explicit id that is taken skips the later document.
 */
export async function readCorpus(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  if (paths.length === 0) throw new InputError('no input paths given: name one or more files or folders');
  const outletFrom = resolveOutletFrom(options.outletFrom);
  const maxDocBytes = options.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES;
  if (!Number.isFinite(maxDocBytes) || maxDocBytes <= 0) {
    throw new InputError(`invalid maximum document size ${maxDocBytes}: give a positive number of bytes`);
  }

  const { found, skipped } = await collectFiles(paths);
  const warnings: CorpusWarning[] = [];
  const candidates: Candidate[] = [];
  const topLevel = new Set(paths);

  for (const f of found) {
    const ext = path.extname(f.rel).toLowerCase();
    const kind = EXTENSION_KINDS[ext];
    if (kind === undefined) {
      skipped.push({
        file: f.file,
        reason: `unsupported file type ${ext === '' ? '(no extension)' : `"${ext}"`}: framelens reads ${Object.keys(EXTENSION_KINDS).join(', ')}; convert the file or move it out of the corpus folder`,
      });
      continue;
    }
    const idBase = f.rel.slice(0, f.rel.length - ext.length);
    const result = await readOne(f, kind, { file: f.file, idBase, outletFrom, defaultOutlet: options.defaultOutlet }, maxDocBytes, topLevel);
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
    for (const c of result.candidates) {
      const bytes = Buffer.byteLength(c.doc.text, 'utf8');
      if (bytes > maxDocBytes) {
        skipped.push({
          file: c.doc.source.file,
          ...(c.doc.source.line === undefined ? {} : { line: c.doc.source.line }),
          id: c.doc.id,
          reason: `document too large: the text is ${formatBytes(bytes)}, over the ${formatBytes(maxDocBytes)} per-document limit: raise it with --max-doc-bytes <bytes> (option maxDocBytes) or split the document`,
        });
        continue;
      }
      candidates.push(c);
    }
  }

  const documents = assignUniqueIds(candidates, skipped);
  if (options.dedupe === false) return { documents, skipped, warnings };
  const deduped = dedupeExact(documents);
  return { documents: deduped.documents, skipped: [...skipped, ...deduped.skipped], warnings };
}

function where(doc: Document): string {
  return doc.source.line === undefined ? doc.source.file : `${doc.source.file}:${doc.source.line}`;
}

function assignUniqueIds(candidates: Candidate[], skipped: SkippedDocument[]): Document[] {
  const taken = new Map<string, Document>();
  const documents: Document[] = [];
  for (const { doc, idWasDerived } of candidates) {
    const first = taken.get(doc.id);
    if (first !== undefined) {
      if (!idWasDerived) {
        skipped.push({
          file: doc.source.file,
          ...(doc.source.line === undefined ? {} : { line: doc.source.line }),
          id: doc.id,
          reason: `duplicate id "${doc.id}" (first used at ${where(first)}): ids must be unique; change one, or remove the id field to derive ids from file paths`,
        });
        continue;
      }
      let n = 2;
      while (taken.has(`${doc.id}~${n}`)) n++;
      doc.id = `${doc.id}~${n}`;
    }
    taken.set(doc.id, doc);
    documents.push(doc);
  }
  return documents;
}
