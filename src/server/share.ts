/**
 * Shareable links for pasted comparisons that store nothing on the server: the texts travel in the link itself,
 * as JSON compressed with raw DEFLATE and written in base64url (`/analyze?share=…`). Opening the link analyzes the
 * texts again. Links are capped so that browsers and mail programs keep them whole.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PastedText } from './pasted.js';
import { MAX_TEXTS } from './pasted.js';
import { badRequest } from './http-error.js';

/** Longest `share` value accepted and offered: links of about 8 KB survive browsers, chat and mail. */
export const MAX_SHARE_CHARS = 8000;
/** Largest decompressed size: a small link must not unpack into a huge text. */
export const MAX_SHARE_BYTES = 256 * 1024;

/** The link value for these texts, or null when it would be longer than MAX_SHARE_CHARS. */
export function encodeShare(texts: PastedText[]): string | null {
  const compact = texts.filter((t) => t.text.trim() !== '').map((t) => [t.outlet ?? '', t.title ?? '', t.text]);
  const value = deflateRawSync(Buffer.from(JSON.stringify(compact), 'utf8'), { level: 9 }).toString('base64url');
  return value.length <= MAX_SHARE_CHARS ? value : null;
}

export function decodeShare(value: string): PastedText[] {
  if (value.length > MAX_SHARE_CHARS) throw badRequest(`the share link is too long: at most ${MAX_SHARE_CHARS} characters after "share=" (this one has ${value.length})`);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw badRequest('the share link is damaged: "share=" must be followed by letters, digits, "-" and "_" only (was it cut or changed when copied?)');
  let json: string;
  try {
    json = inflateRawSync(Buffer.from(value, 'base64url'), { maxOutputLength: MAX_SHARE_BYTES }).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw badRequest(`the share link unpacks to more than ${MAX_SHARE_BYTES / 1024} KB of text; framelens writes no such links`);
    throw badRequest('the share link is damaged and could not be unpacked (was it cut short when copied?)');
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw badRequest('the share link is damaged: its content is not the texts framelens writes');
  }
  const ok = Array.isArray(data) && data.length <= MAX_TEXTS
    && data.every((t) => Array.isArray(t) && t.length === 3 && t.every((x) => typeof x === 'string'));
  if (!ok) throw badRequest(`the share link does not hold 2 to ${MAX_TEXTS} texts in the form framelens writes`);
  return (data as string[][]).map(([outlet, title, text]) => ({ outlet, title, text }));
}
