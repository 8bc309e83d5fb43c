/**
 * Texts a user pastes or uploads on the Analyze page (or posts to /api/analyze): validated and turned into
 * Documents. Nothing here stores anything; the route decides whether the texts join the in-memory corpus.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../types.js';
import { decodeUtf8 } from '../corpus/decode.js';
import { splitFrontMatter } from '../corpus/frontmatter.js';
import { withoutBidiControls } from '../corpus/fields.js';
import { badRequest } from './http-error.js';

export const MIN_TEXTS = 2;
export const MAX_TEXTS = 4;
/** Per text; the whole request is capped by the body limit as well. */
export const MAX_TEXT_CHARS = 400_000;
export const MAX_OUTLET_CHARS = 100;
export const MAX_TITLE_CHARS = 300;
const UPLOAD_EXTENSIONS = /\.(txt|md|markdown)$/i;

export interface PastedText {
  outlet?: string;
  title?: string;
  text: string;
}

/** Reads an uploaded .txt/.md file: strict UTF-8; a Markdown file's front matter may name the outlet and title. */
export async function readUpload(file: File): Promise<PastedText> {
  if (!UPLOAD_EXTENSIONS.test(file.name)) throw badRequest(`"${file.name}" is not a .txt or .md file`);
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw badRequest(`"${file.name}" is not valid UTF-8 text (line ${decoded.line}): save it as UTF-8 (in most editors: Save As, encoding UTF-8) and upload it again`);
  const fm = splitFrontMatter(decoded.text);
  if (!fm.ok) throw badRequest(`"${file.name}": front matter could not be read (line ${fm.line}: ${fm.reason})`);
  const meta = fm.meta.values;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return { outlet: str(meta.outlet), title: str(meta.title), text: fm.body };
}

/**
 * Validates two to four texts and makes Documents with content-derived ids (the same submission gets the same ids).
 * Texts are numbered by their place in the submission (the form's slot), so messages and default outlet names
 * point at the box the user filled, even when a box before it was left empty.
 */
export function pastedDocuments(texts: PastedText[]): Document[] {
  const filled = texts.map((t, slot) => ({ t, n: slot + 1 })).filter(({ t }) => t.text.trim() !== '');
  if (filled.length < MIN_TEXTS || filled.length > MAX_TEXTS) {
    throw badRequest(`give ${MIN_TEXTS} to ${MAX_TEXTS} texts to compare (got ${filled.length} with text in them)`);
  }
  return filled.map(({ t, n }) => {
    const outlet = withoutBidiControls((t.outlet ?? '').trim()) || `Text ${n}`;
    const title = withoutBidiControls((t.title ?? '').trim()) || undefined;
    if (outlet.length > MAX_OUTLET_CHARS) throw badRequest(`outlet name ${n} is longer than ${MAX_OUTLET_CHARS} characters`);
    if (title && title.length > MAX_TITLE_CHARS) throw badRequest(`title ${n} is longer than ${MAX_TITLE_CHARS} characters`);
    if (t.text.length > MAX_TEXT_CHARS) throw badRequest(`text ${n} is longer than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters`);
    const hash = createHash('sha256').update(`${n}\0${outlet}\0${title ?? ''}\0${t.text}`).digest('hex').slice(0, 12);
    return {
      id: `pasted-${hash}`,
      outlet,
      title,
      text: t.text,
      source: { file: `(pasted text ${n})` },
      meta: { pasted: true },
    };
  });
}

/** The JSON body of POST /api/analyze: `{ texts: [{ outlet?, title?, text }], addToCorpus?: boolean }`. */
export function parseAnalyzeJson(body: unknown): { texts: PastedText[]; addToCorpus: boolean } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('expected a JSON object { "texts": [ { "outlet", "title", "text" } ] }');
  const { texts, addToCorpus } = body as { texts?: unknown; addToCorpus?: unknown };
  if (!Array.isArray(texts)) throw badRequest('"texts" must be an array of { "outlet", "title", "text" } objects');
  if (addToCorpus !== undefined && typeof addToCorpus !== 'boolean') throw badRequest('"addToCorpus" must be true or false');
  const parsed = texts.map((t, i): PastedText => {
    if (!t || typeof t !== 'object') throw badRequest(`texts[${i}] must be an object`);
    const { outlet, title, text } = t as Record<string, unknown>;
    if (typeof text !== 'string') throw badRequest(`texts[${i}].text must be a string`);
    if (outlet !== undefined && typeof outlet !== 'string') throw badRequest(`texts[${i}].outlet must be a string`);
    if (title !== undefined && typeof title !== 'string') throw badRequest(`texts[${i}].title must be a string`);
    return { outlet, title, text };
  });
  return { texts: parsed, addToCorpus: addToCorpus === true };
}
