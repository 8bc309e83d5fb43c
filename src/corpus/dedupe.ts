/**
 * Exact duplicates: the same outlet publishing (or the corpus holding) the same text twice. They would double
 * that outlet's counts, so the later copy is skipped and reported. Near-duplicates across outlets (wire copy) are
 * a different question and are not handled here.
 */
import type { Document, SkippedDocument } from '../types.js';
import { createHash } from 'node:crypto';
import { textHash } from './hash.js';

/** Text as compared for exact duplicates: Unicode NFC, whitespace runs collapsed to one space, ends trimmed. */
export function normalizeForDedupe(text: string): string {
  return collapseWhitespace(text.normalize('NFC')).trim();
}

/** Whether the UTF-16 unit is one of JavaScript's whitespace characters (`\s`: space separators, tabs, line ends, BOM). */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s.replace(/\s+/gu, ' ')` by one scan that copies only around the runs to change: a plain single space stays as it
 * is, so a text rebuilds only at its line breaks and doubled spaces. Every document read pays this (the exact
 * duplicates' key), and the regular expression's replace was about a third of reading a JSONL corpus.
 */
export function collapseWhitespace(s: string): string {
  let out = '';
  let from = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
    if (j > i + 1 || c !== 0x20) {
      out += s.slice(from, i) + ' ';
      from = j;
    }
    i = j;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function dedupeKey(doc: Pick<Document, 'outlet' | 'text'>): string {
  return `${doc.outlet.trim()}\u0000${textHash(normalizeForDedupe(doc.text))}`;
}

/** The text half of dedupeKey as 32 raw bytes (the same sha256, not spelled in hex): for keys held per document. */
export function dedupeDigest(text: string): Buffer {
  return createHash('sha256').update(normalizeForDedupe(text), 'utf8').digest();
}

/** Keeps the first of each (outlet, normalised text) group, in input order; reports the others. */
export function dedupeExact(documents: Document[]): { documents: Document[]; skipped: SkippedDocument[] } {
  const firstByKey = new Map<string, Document>();
  const kept: Document[] = [];
  const skipped: SkippedDocument[] = [];
  for (const doc of documents) {
    const key = dedupeKey(doc);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, doc);
      kept.push(doc);
      continue;
    }
    const at = first.source.line === undefined ? first.source.file : `${first.source.file}:${first.source.line}`;
    skipped.push({
      file: doc.source.file,
      ...(doc.source.line === undefined ? {} : { line: doc.source.line }),
      id: doc.id,
      reason: `exact duplicate of ${first.id} (${at}): same outlet "${doc.outlet}" and the same text up to whitespace; remove one copy, or pass dedupe: false to keep both`,
    });
  }
  return { documents: kept, skipped };
}
