/**
 * YAML front matter for .txt/.md documents.
 *
 * Rule: front matter exists only when the file (after an optional BOM) starts with a line that is exactly `---`
 * (trailing spaces allowed). It ends at the next line that is exactly `---`. The body is everything after the
 * closing line's line break, byte for byte: no trimming, no newline added or removed. A file without front
 * matter is all body.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { MetaRecord } from './fields.js';

export type FrontMatterResult =
  | { ok: true; meta: MetaRecord; body: string; hasFrontMatter: boolean; bodyLine: number }
  | { ok: false; line: number; reason: string };

const OPEN = /^---[ \t]*(\r?\n|$)/;
const CLOSE_LINE = /^---[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatterResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = OPEN.exec(src);
  if (!open) return { ok: true, meta: { values: {} }, body: src, hasFrontMatter: false, bodyLine: 1 };

  const yamlStart = open[0].length;
  let pos = yamlStart;
  let line = 2;
  let yamlEnd = -1;
  let bodyStart = -1;
  while (pos <= src.length) {
    const nl = src.indexOf('\n', pos);
    const lineEnd = nl === -1 ? src.length : nl;
    const content = src.slice(pos, lineEnd).replace(/\r$/, '');
    if (CLOSE_LINE.test(content)) {
      yamlEnd = pos;
      bodyStart = nl === -1 ? src.length : nl + 1;
      break;
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  if (yamlEnd < 0) {
    return {
      ok: false,
      line: 1,
      reason:
        'malformed front matter: the `---` on line 1 opens front matter that is never closed: add a line `---` after the metadata, or remove the first line if the file has no front matter',
    };
  }

  const yamlText = src.slice(yamlStart, yamlEnd);
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // Count lines up to the error offset ourselves: linePos is only filled in with prettyErrors.
    const offset = err.pos?.[0] ?? 0;
    let yamlLine = 1;
    for (let i = 0; i < offset && i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) yamlLine++;
    let firstLine = err.message.split('\n')[0].trim();
    if (err.code === 'MISSING_CHAR') firstLine += ` (found where the front matter ends; the opening quote is on an earlier line)`;
    return {
      ok: false,
      line: yamlLine + 1,
      reason: `malformed front matter: ${firstLine}: fix the YAML between the \`---\` lines (e.g. quote values that contain ": " or start with a quote)`,
    };
  }
  const contents = doc.contents;
  const values: Record<string, unknown> = {};
  const literals: Record<string, string> = {};
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    // Empty front matter: no metadata.
  } else if (isMap(contents)) {
    const js = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      values[key] = js[key];
      if (isScalar(pair.value) && typeof pair.value.source === 'string' && typeof pair.value.value !== 'string') {
        literals[key] = pair.value.source;
      }
    }
  } else {
    return {
      ok: false,
      line: 2,
      reason: 'malformed front matter: expected `key: value` lines (a YAML mapping) between the `---` lines',
    };
  }
  return { ok: true, meta: { values, literals }, body: src.slice(bodyStart), hasFrontMatter: true, bodyLine: line + 1 };
}
