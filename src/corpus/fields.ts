/**
 * Turns one metadata record (front matter, JSON object or CSV row) plus its text into a `Document`.
 * Field names are matched case-insensitively against the aliases below; the first alias with a non-empty value
 * wins. Fields that are not mapped pass through untouched in `meta`.
 */
import path from 'node:path';
import type { Document } from '../types.js';

/** Accepted field names per Document property, in priority order. */
export const FIELD_ALIASES = {
  text: ['text', 'content', 'body', 'full_text', 'story_text'],
  outlet: ['outlet', 'source', 'media_name', 'media', 'publisher', 'site'],
  date: ['date', 'publish_date', 'published', 'publication_date'],
  title: ['title', 'headline'],
  url: ['url', 'link'],
  id: ['id', 'stories_id', 'story_id', 'guid'],
  event: ['event', 'event_id'],
  language: ['language', 'lang'],
} as const satisfies Record<string, readonly string[]>;

export type MappedField = keyof typeof FIELD_ALIASES;

/** How to find a document's outlet when the metadata does not name it the usual way. */
export type OutletFrom = { kind: 'field'; field: string } | { kind: 'folder' } | { kind: 'filename' };

/** A metadata record: values as parsed, plus the literal source string of scalars where the format has one. */
export interface MetaRecord {
  values: Record<string, unknown>;
  /** Literal scalar text (YAML keeps `id: 007` as "007" here, while `values.id` is the number 7). */
  literals?: Record<string, string>;
}

export interface MapContext {
  /** Path of the file as reported (input path joined with the relative path inside a folder). */
  file: string;
  line?: number;
  /** Id to use when the metadata has none. */
  derivedId: string;
  outletFrom?: OutletFrom;
  defaultOutlet?: string;
  /** Text when it does not come from a field (the body of a .txt/.md file). */
  text?: string;
  /** Format-specific advice appended to a missing-outlet reason. */
  outletHint: string;
  textHint: string;
}

export type MapResult =
  | { ok: true; doc: Document; idWasDerived: boolean; warnings: string[] }
  | { ok: false; reason: string; id?: string };

export function parseOutletFrom(spec: string): OutletFrom | undefined {
  if (spec === 'folder') return { kind: 'folder' };
  if (spec === 'filename') return { kind: 'filename' };
  const m = /^field:(.+)$/.exec(spec);
  if (m && m[1].trim() !== '') return { kind: 'field', field: m[1].trim() };
  return undefined;
}

/** Outlet from a file's path: the parent folder's name, or the file stem up to the first underscore. */
export function outletFromPath(file: string, kind: 'folder' | 'filename'): string {
  if (kind === 'folder') return path.basename(path.dirname(path.resolve(file)));
  const stem = path.basename(file, path.extname(file));
  const cut = stem.indexOf('_');
  return cut > 0 ? stem.slice(0, cut) : stem;
}

function findKey(values: Record<string, unknown>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(values)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

function scalarString(rec: MetaRecord, key: string): string | undefined {
  const literal = rec.literals?.[key];
  if (literal !== undefined) return literal;
  const v = rec.values[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  return undefined;
}

/** Picks the first alias present with a non-blank scalar value; returns the key it came from too. */
function pick(rec: MetaRecord, aliases: readonly string[]): { key: string; value: string } | undefined {
  for (const alias of aliases) {
    const key = findKey(rec.values, alias);
    if (key === undefined) continue;
    const value = scalarString(rec, key);
    if (value !== undefined && value.trim() !== '') return { key, value };
  }
  return undefined;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * Normalises a date to ISO: keeps YYYY, YYYY-MM, YYYY-MM-DD and ISO timestamps (a space separator, as in Media
 * Cloud's "2023-11-29 14:05:00", becomes "T"); other forms that `Date` understands become a UTC timestamp.
 */
export function normalizeDate(raw: string): string | undefined {
  const s = raw.trim();
  if (ISO_DATE.test(s)) return s;
  const m = ISO_DATETIME.exec(s);
  if (m) return `${m[1]}T${m[2]}${m[5] ?? ''}`;
  // Bare numbers are not dates we can trust (Date.parse would read "2023" fine but "17" as a year too).
  if (/^\d+$/.test(s)) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  // With an explicit zone the instant is known: give it in UTC. Without one, Date read the string in local time,
  // so the local calendar fields are the ones written; converting to UTC would shift dates across midnight.
  if (/(\bZ|GMT|UTC|[+-]\d{2}:?\d{2})\s*$/i.test(s)) return d.toISOString();
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (!s.includes(':')) return day;
  return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Removes bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) from a short
 * metadata label. They have no business in an outlet name or a title, and an unbalanced one reverses whatever is
 * displayed after it (a page title, a list of outlets). Document texts are never changed.
 */
export function withoutBidiControls(label: string): string {
  return label.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

export function mapRecord(rec: MetaRecord, ctx: MapContext): MapResult {
  const used = new Set<string>();
  const warnings: string[] = [];
  const take = (field: MappedField) => {
    const hit = pick(rec, FIELD_ALIASES[field]);
    if (hit) used.add(hit.key);
    return hit?.value;
  };

  const explicitRaw = take('id');
  const explicitId = explicitRaw === undefined ? undefined : withoutBidiControls(explicitRaw).trim() || undefined;
  const id = explicitId ?? ctx.derivedId;

  let text: string | undefined;
  if (ctx.text !== undefined) {
    text = ctx.text;
  } else {
    for (const alias of FIELD_ALIASES.text) {
      const key = findKey(rec.values, alias);
      if (key === undefined) continue;
      const v = rec.values[key];
      if (typeof v !== 'string') {
        if (v === null || v === undefined) continue;
        return { ok: false, id, reason: `text field "${key}" is a ${Array.isArray(v) ? 'list' : typeof v}, not a string: store the article text as one string` };
      }
      used.add(key);
      if (v.trim() !== '') {
        text = v;
        break;
      }
    }
  }
  if (text === undefined || text.trim() === '') {
    return { ok: false, id, reason: `empty text: ${ctx.textHint}` };
  }

  let outlet: string | undefined;
  if (ctx.outletFrom?.kind === 'field') {
    const key = findKey(rec.values, ctx.outletFrom.field);
    if (key !== undefined) {
      const v = scalarString(rec, key)?.trim();
      if (v) {
        outlet = v;
        used.add(key);
      }
    }
  } else if (ctx.outletFrom) {
    const v = outletFromPath(ctx.file, ctx.outletFrom.kind).trim();
    if (v) outlet = v;
  }
  if (outlet === undefined) outlet = take('outlet')?.trim();
  if (outlet === undefined && ctx.defaultOutlet?.trim()) outlet = ctx.defaultOutlet.trim();
  if (outlet !== undefined) outlet = withoutBidiControls(outlet).trim();
  if (!outlet) {
    const looked =
      ctx.outletFrom?.kind === 'field'
        ? `no value in field "${ctx.outletFrom.field}" nor in ${FIELD_ALIASES.outlet.join('/')}`
        : `looked for ${FIELD_ALIASES.outlet.join('/')}`;
    return { ok: false, id, reason: `missing outlet (${looked}): ${ctx.outletHint}` };
  }

  const doc: Document = { id, outlet, text, source: ctx.line === undefined ? { file: ctx.file } : { file: ctx.file, line: ctx.line }, meta: {} };

  const title = take('title');
  if (title !== undefined) doc.title = withoutBidiControls(title.trim());
  const url = take('url');
  if (url !== undefined) doc.url = url.trim();
  const language = take('language');
  if (language !== undefined) doc.language = language.trim();
  const event = take('event');
  if (event !== undefined) doc.event = withoutBidiControls(event).trim();

  const dateHit = pick(rec, FIELD_ALIASES.date);
  if (dateHit) {
    const iso = normalizeDate(dateHit.value);
    if (iso !== undefined) {
      doc.date = iso;
      used.add(dateHit.key);
    } else {
      // Kept in meta under its own key so nothing is lost; the document just has no usable date.
      warnings.push(`unrecognised date ${JSON.stringify(dateHit.value)} in field "${dateHit.key}": kept in meta, document has no date; use YYYY-MM-DD`);
    }
  }

  for (const [key, value] of Object.entries(rec.values)) {
    if (!used.has(key)) doc.meta[key] = value;
  }
  return { ok: true, doc, idWasDerived: explicitId === undefined, warnings };
}
