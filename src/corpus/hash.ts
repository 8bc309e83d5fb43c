/**
 * Content hashes for incremental re-runs: a document whose hash is unchanged need not be analysed again.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../types.js';

/** Bump when the set of hashed fields changes, so old stored hashes stop matching. */
const HASH_VERSION = 'framelens-doc-v1';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 (hex) of everything that goes into a document's analysis: id, outlet, text, and the metadata that
 * `DocAnalysis` carries or that groups documents (title, date, url, language, event). `source` and `meta` are left
 * out: moving a file or adding a note does not change the analysis. JSON encoding keeps field boundaries
 * unambiguous ("ab" + "c" differs from "a" + "bc").
 */
export function contentHash(doc: Pick<Document, 'id' | 'outlet' | 'text'> & Partial<Pick<Document, 'title' | 'date' | 'url' | 'language' | 'event'>>): string {
  const fields = [
    HASH_VERSION,
    doc.id,
    doc.outlet,
    doc.text,
    doc.title ?? null,
    doc.date ?? null,
    doc.url ?? null,
    doc.language ?? null,
    doc.event ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}
