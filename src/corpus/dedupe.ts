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
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
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
