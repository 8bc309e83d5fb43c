/**
 * Loads and validates framing lexicons (YAML, format "framelens.lexicon/1", see lexicons/README.md).
 * Validation collects every problem with file, line and column before failing, so a lexicon author fixes a file
 * in one pass instead of one error per run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type {
  DeviceEntry, DeviceType, LabelEntry, Lexicon, LexiconEntry, LexiconSource, NameEntry, NameType, PatternSpec, Referent,
  Theatre, WordClass,
} from '../types.js';
import { LexiconError, type LexiconProblem } from './errors.js';
import { CLASS_NAME_RE, checkPatternSyntax, parsePattern } from './pattern.js';

const TOP_KEYS = new Set(['lexicon', 'version', 'description', 'language', 'referents', 'variants', 'names', 'labels', 'devices', 'format', 'classes', 'theatres']);
const THEATRE_KEYS = new Set(['places', 'actors', 'demonyms', 'note', 'people']);
const CLASS_KEYS = new Set(['members', 'note']);
/**
 * Classes the analyzer reads word by word rather than through a pattern (src/analysis/analyze.ts, resolve.ts): a
 * member of several words, an alternation or a wildcard there would never match, so each member must be one word
 * (a final full stop allowed, as the tokenizer keeps it on "Gen.").
 */
export const WORD_LIST_CLASSES: ReadonlySet<string> = new Set([
  'act-noun', 'title-noun', 'topic-noun', 'military-thing-noun', 'tie-participle', 'event-noun', 'thing-noun',
  'outlet-noun', 'outlet-modifier', 'person-title-noun', 'of-title-noun', 'number-word', 'casualty-word',
  'side-word', 'unknown-word', 'opposing-word', 'phrase-noun', 'compass-word', 'spokesperson-noun', 'size-adjective',
  'agent-noun', 'adversary-noun', 'force-noun', 'adjective-title-noun', 'title-follower', 'framing-adjective', 'command-noun',
  'office-body-word', 'outside-people', 'elsewhere-word', 'list-noun',
]);
const ONE_WORD_RE = /^[a-z]+\.?$/i;
const REFERENT_KEYS = new Set(['id', 'label', 'description']);
const LABEL_KEYS = new Set(['id', 'referent', 'resolve', 'category', 'weight', 'patterns', 'case', 'rationale', 'sources', 'note', 'agentless', 'noun', 'first-person', 'metonym']);
const NAME_KEYS = new Set(['id', 'type', 'referent', 'patterns', 'case', 'note', 'rationale', 'sources', 'antecedent-of', 'side']);
const DEVICE_KEYS = new Set(['id', 'type', 'weight', 'patterns', 'case', 'rationale', 'sources', 'note']);
const DEVICE_TYPES: DeviceType[] = ['distancing', 'hedge', 'booster', 'attribution', 'negation'];
const NAME_TYPES: NameType[] = ['actor', 'place', 'incident', 'operation'];
const ID_RE = /^[a-z0-9][a-z0-9_.-]*$/;

type Path = Array<string | number>;

class Validator {
  readonly problems: LexiconProblem[] = [];
  /** Class references made by patterns, checked once every file's classes are known. */
  readonly classUses: Array<{ name: string; source: string; path: Path }> = [];
  constructor(readonly file: string, readonly doc: YamlDocument, readonly lines: LineCounter) {}

  private position(path: Path): { line?: number; column?: number } {
    // Walk up the path until a node with a source range is found: a missing key is reported at its parent.
    for (let k = path.length; k >= 0; k--) {
      const node = k === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, k), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        const { line, col } = this.lines.linePos(range[0]);
        return { line, column: col };
      }
    }
    return {};
  }

  error(path: Path, message: string): void {
    this.problems.push({ file: this.file, ...this.position(path), message });
  }

  line(path: Path): number | undefined {
    return this.position(path).line;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function unknownKeys(v: Validator, obj: Record<string, unknown>, allowed: Set<string>, path: Path, what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) {
      v.error([...path, key], `unknown field "${key}" in ${what}; allowed: ${[...allowed].join(', ')}`);
    }
  }
}

function readString(v: Validator, obj: Record<string, unknown>, key: string, path: Path, required: boolean): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) v.error(path, `missing "${key}"`);
    return undefined;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') {
    v.error([...path, key], `"${key}" must be a non-empty string, found ${describe(value)}`);
    return undefined;
  }
  return value.trim();
}

function readStringList(v: Validator, obj: Record<string, unknown>, key: string, path: Path): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    v.error([...path, key], `"${key}" must be a string or a list of strings, found ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
    else if (typeof item === 'number') out.push(String(item));
    else if (item !== null) v.error([...path, key, i], `item ${i + 1} of "${key}" must be a non-empty string, found ${describe(item)}`);
  });
  return out;
}

function readPatterns(v: Validator, obj: Record<string, unknown>, path: Path, caseSensitive: boolean): PatternSpec[] {
  const list = readStringList(v, obj, 'patterns', path);
  if (!list || list.length === 0) {
    if (list) v.error([...path, 'patterns'], '"patterns" is empty: give at least one pattern');
    else if (obj.patterns === undefined) v.error(path, 'missing "patterns": give a list of one or more patterns');
    return [];
  }
  const specs: PatternSpec[] = [];
  list.forEach((source, i) => {
    const parsed = parsePattern(source);
    if (typeof parsed === 'string') {
      v.error([...path, 'patterns', i], `pattern "${source}": ${parsed}`);
      return;
    }
    for (const name of parsed.classes) v.classUses.push({ name, source, path: [...path, 'patterns', i] });
    specs.push({ source, caseSensitive, file: v.file, line: v.line([...path, 'patterns', i]) });
  });
  return specs;
}

function readCase(v: Validator, obj: Record<string, unknown>, path: Path): boolean {
  const value = obj.case;
  if (value === undefined || value === 'insensitive') return false;
  if (value === 'sensitive') return true;
  v.error([...path, 'case'], `"case" must be "sensitive" or "insensitive", found ${describe(value)}`);
  return false;
}

function readWeight(v: Validator, obj: Record<string, unknown>, path: Path, required: boolean): number | undefined {
  const value = obj.weight;
  if (value === undefined || value === null) {
    if (required) v.error(path, 'missing "weight": a number from -2 (delegitimizing) to +2 (legitimizing)');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -2 || value > 2) {
    v.error([...path, 'weight'], `"weight" must be a number from -2 to +2, found ${describe(value)}`);
    return undefined;
  }
  return value;
}

function asList(v: Validator, data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    v.error([key], `"${key}" must be a list, found ${describe(value)}`);
    return [];
  }
  return value;
}

function asObject(v: Validator, item: unknown, path: Path, what: string): Record<string, unknown> | null {
  if (item && typeof item === 'object' && !Array.isArray(item)) return item as Record<string, unknown>;
  v.error(path, `each ${what} must be a mapping with an "id", found ${describe(item)}`);
  return null;
}

interface ParsedFile {
  source: LexiconSource;
  referents: Referent[];
  variants: string[][];
  entries: LexiconEntry[];
  problems: LexiconProblem[];
  /** Referent ids used by entries, with where, checked once all files are merged. */
  referentUses: Array<{ id: string; path: Path; validator: Validator }>;
  /** Label ids named by `antecedent-of`, checked once all files are merged (they must be context labels). */
  contextLabelUses: Array<{ id: string; path: Path; validator: Validator }>;
  classes: WordClass[];
  theatres: Theatre[];
  validator?: Validator;
}

function parseLexiconText(text: string, file: string, sha256: string): ParsedFile {
  const lines = new LineCounter();
  let doc: YamlDocument;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // The parser reports syntax problems in doc.errors; anything it throws instead is still the file's fault.
    throw new LexiconError([{ file, line: 1, column: 1, message: `YAML could not be read: ${(err as Error).message.split('\n')[0]}` }]);
  }
  const v = new Validator(file, doc, lines);
  const empty = (): ParsedFile => ({
    source: { name: '', version: '', sha256, file }, referents: [], variants: [], entries: [], problems: v.problems, referentUses: [],
    contextLabelUses: [], classes: [], theatres: [],
  });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      v.problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    }
    return empty();
  }
  if (!isMap(doc.contents)) {
    v.error([], 'a lexicon must be a YAML mapping with "lexicon", "version", "referents" and "labels"');
    return empty();
  }
  let data: Record<string, unknown>;
  try {
    // toJS refuses documents whose aliases expand past a limit (an "alias bomb") by throwing a ReferenceError.
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    const alias = /alias/i.test(message);
    v.problems.push({
      file, line: firstAliasLine(text) ?? 1, column: 1,
      message: alias
        ? `YAML aliases expand too far (${message}); write the repeated part out instead of using *aliases`
        : `YAML could not be read: ${message}`,
    });
    return empty();
  }
  unknownKeys(v, data, TOP_KEYS, [], 'the lexicon');
  const name = readString(v, data, 'lexicon', [], true) ?? '';
  if (name && !/^[A-Za-z0-9_-]+$/.test(name)) v.error(['lexicon'], `"lexicon" name "${name}" may only contain letters, digits, - and _`);
  const version = readString(v, data, 'version', [], true) ?? '';
  const description = readString(v, data, 'description', [], false);
  const language = readString(v, data, 'language', [], false);

  const referents: Referent[] = [];
  const seenReferents = new Set<string>();
  asList(v, data, 'referents').forEach((item, i) => {
    const path: Path = ['referents', i];
    const obj = asObject(v, item, path, 'referent');
    if (!obj) return;
    unknownKeys(v, obj, REFERENT_KEYS, path, 'a referent');
    const id = readString(v, obj, 'id', path, true);
    if (!id) return;
    if (!ID_RE.test(id)) v.error([...path, 'id'], `referent id "${id}" must be lowercase letters, digits, - _ or .`);
    if (seenReferents.has(id)) v.error([...path, 'id'], `referent id "${id}" is defined twice`);
    seenReferents.add(id);
    referents.push({ id, label: readString(v, obj, 'label', path, false) ?? id, description: readString(v, obj, 'description', path, false) });
  });

  const variants: string[][] = [];
  asList(v, data, 'variants').forEach((item, i) => {
    const path: Path = ['variants', i];
    if (!Array.isArray(item) || item.length < 2 || item.some((w) => typeof w !== 'string' || !w.trim())) {
      v.error(path, 'each variant group must be a list of two or more spellings, e.g. [hashd, hasd, hashed]');
      return;
    }
    const group = (item as string[]).map((w) => w.trim());
    const bad = group.find((w) => /\s/.test(w) || w.includes('*'));
    if (bad) {
      v.error(path, `variant "${bad}" must be a single word without spaces or wildcards`);
      return;
    }
    variants.push(group);
  });

  const classes = readClasses(v, data, name);
  const theatres: Theatre[] = [];

  const entries: LexiconEntry[] = [];
  const referentUses: ParsedFile['referentUses'] = [];
  const contextLabelUses: ParsedFile['contextLabelUses'] = [];
  const base = (obj: Record<string, unknown>, path: Path, id: string) => ({
    id,
    lexicon: name,
    file,
    line: v.line(path),
    rationale: readString(v, obj, 'rationale', path, false) ?? readString(v, obj, 'note', path, false),
    sources: readStringList(v, obj, 'sources', path),
    patterns: readPatterns(v, obj, path, readCase(v, obj, path)),
  });
  const entryId = (obj: Record<string, unknown>, path: Path): string | undefined => {
    const id = readString(v, obj, 'id', path, true);
    if (id && !ID_RE.test(id)) v.error([...path, 'id'], `id "${id}" must be lowercase letters, digits, - _ or .`);
    return id;
  };

  asList(v, data, 'names').forEach((item, i) => {
    const path: Path = ['names', i];
    const obj = asObject(v, item, path, 'name');
    if (!obj) return;
    unknownKeys(v, obj, NAME_KEYS, path, 'a name');
    const id = entryId(obj, path);
    const type = (obj.type ?? 'actor') as NameType;
    if (!NAME_TYPES.includes(type)) v.error([...path, 'type'], `name type must be one of ${NAME_TYPES.join(', ')}, found ${describe(obj.type)}`);
    const referent = readString(v, obj, 'referent', path, false);
    if (referent) referentUses.push({ id: referent, path: [...path, 'referent'], validator: v });
    const side = readString(v, obj, 'side', path, false);
    if (side) referentUses.push({ id: side, path: [...path, 'side'], validator: v });
    if (side && referent) v.error([...path, 'side'], '"side" is for speakers the lexicon does not track (no "referent"): a tracked name already speaks for its referent');
    const antecedentOf = readStringList(v, obj, 'antecedent-of', path);
    if (antecedentOf && referent) {
      v.error([...path, 'antecedent-of'], '"antecedent-of" is for actors the lexicon does not track (no "referent"): a tracked name is already an antecedent of every context label that may take its referent');
    }
    antecedentOf?.forEach((l, k) => contextLabelUses.push({ id: l, path: [...path, 'antecedent-of', k], validator: v }));
    if (!id) return;
    const entry: NameEntry = { kind: 'name', type, referent, ...base(obj, path, id) };
    if (antecedentOf) entry.antecedentOf = antecedentOf;
    if (side) entry.side = side;
    entries.push(entry);
  });

  asList(v, data, 'labels').forEach((item, i) => {
    const path: Path = ['labels', i];
    const obj = asObject(v, item, path, 'label');
    if (!obj) return;
    unknownKeys(v, obj, LABEL_KEYS, path, 'a label');
    const id = entryId(obj, path);
    const referent = readString(v, obj, 'referent', path, false);
    const resolve = readStringList(v, obj, 'resolve', path);
    if (referent && resolve) v.error([...path, 'resolve'], 'give either "referent" or "resolve", not both');
    if (resolve && resolve.length === 0) v.error([...path, 'resolve'], '"resolve" needs at least one referent id');
    if (referent) referentUses.push({ id: referent, path: [...path, 'referent'], validator: v });
    resolve?.forEach((r, k) => referentUses.push({ id: r, path: [...path, 'resolve', k], validator: v }));
    const category = readString(v, obj, 'category', path, true);
    const weight = readWeight(v, obj, path, true);
    const shared = id ? base(obj, path, id) : undefined;
    if (shared && !shared.rationale) v.error(path, `label "${id}" needs a "rationale": one line that says why the term frames`);
    if (!id || !shared || category === undefined || weight === undefined) return;
    const entry: LabelEntry = { kind: 'label', referent, resolve, weight, category, ...shared };
    if (obj.agentless !== undefined) {
      if (typeof obj.agentless !== 'boolean') v.error([...path, 'agentless'], `"agentless" must be true or false, found ${describe(obj.agentless)}`);
      else if (obj.agentless) entry.agentless = true;
    }
    if (obj.noun !== undefined) {
      if (typeof obj.noun !== 'boolean') v.error([...path, 'noun'], `"noun" must be true or false, found ${describe(obj.noun)}`);
      else if (obj.noun) entry.noun = true;
    }
    if (obj.metonym !== undefined) {
      if (typeof obj.metonym !== 'boolean') v.error([...path, 'metonym'], `"metonym" must be true or false, found ${describe(obj.metonym)}`);
      else if (obj.metonym) entry.metonym = true;
    }
    if (obj['first-person'] !== undefined) {
      if (typeof obj['first-person'] !== 'boolean') v.error([...path, 'first-person'], `"first-person" must be true or false, found ${describe(obj['first-person'])}`);
      else if (obj['first-person']) {
        if (!resolve) v.error([...path, 'first-person'], 'a first-person label takes its referent from the speaker: give it "resolve" with the sides it may name, not "referent"');
        entry.firstPerson = true;
      }
    }
    entries.push(entry);
  });

  asList(v, data, 'devices').forEach((item, i) => {
    const path: Path = ['devices', i];
    const obj = asObject(v, item, path, 'device');
    if (!obj) return;
    unknownKeys(v, obj, DEVICE_KEYS, path, 'a device');
    const id = entryId(obj, path);
    const type = obj.type as DeviceType;
    if (!DEVICE_TYPES.includes(type)) {
      v.error(obj.type === undefined ? path : [...path, 'type'], `device type must be one of ${DEVICE_TYPES.join(', ')}, found ${describe(obj.type)}`);
    }
    const weight = readWeight(v, obj, path, false);
    if (!id) return;
    const entry: DeviceEntry = { kind: 'device', type, weight, ...base(obj, path, id) };
    entries.push(entry);
  });

  asList(v, data, 'theatres').forEach((item, i) => {
    const path: Path = ['theatres', i];
    const obj = asObject(v, item, path, 'theatre');
    if (!obj) return;
    unknownKeys(v, obj, THEATRE_KEYS, path, 'a theatre');
    const places = readStringList(v, obj, 'places', path);
    const actors = readStringList(v, obj, 'actors', path);
    if (!places?.length) v.error([...path, 'places'], 'a theatre needs "places": a list of place names, e.g. [Gaza, Gaza Strip]');
    if (!actors?.length) v.error([...path, 'actors'], 'a theatre needs "actors": the referent ids of who acts there, e.g. [israel, palestinians]');
    actors?.forEach((r, k) => referentUses.push({ id: r, path: [...path, 'actors', k], validator: v }));
    const demonyms = readStringList(v, obj, 'demonyms', path);
    // The resolver reads a demonym as the one word right before a label or name, so a phrase could never match.
    demonyms?.forEach((d, k) => {
      if (/\s/.test(d)) v.error([...path, 'demonyms', k], `"${d}": a demonym is one word ("Yemeni"); write a phrase as a place under "places" instead`);
    });
    const people = readStringList(v, obj, 'people', path);
    people?.forEach((r, k) => {
      if (actors && !actors.includes(r)) v.error([...path, 'people', k], `"${r}": the people of a place are among its actors; add it to "actors" or leave it out here`);
    });
    if (people?.length && !demonyms?.length) v.error([...path, 'people'], '"people" says whom the demonyms name: it needs "demonyms"');
    if (!places?.length || !actors?.length) return;
    theatres.push({
      places, actors, ...(demonyms?.length ? { demonyms } : {}), ...(people?.length ? { people } : {}), note: readString(v, obj, 'note', path, false), lexicon: name, file, line: v.line(path),
    });
  });

  const seenIds = new Map<string, number>();
  entries.forEach((e) => {
    if (seenIds.has(e.id)) {
      v.problems.push({ file, line: e.line, column: 1, message: `id "${e.id}" is used twice (first on line ${seenIds.get(e.id)}); ids must be unique` });
    } else seenIds.set(e.id, e.line ?? 0);
  });

  return {
    source: { name, version, sha256, file, description, language }, referents, variants, entries, problems: v.problems, referentUses,
    contextLabelUses, classes, theatres, validator: v,
  };
}

/** The line of the first YAML alias (`*name`), where an alias bomb is best pointed at. */
function firstAliasLine(text: string): number | undefined {
  const lines = text.split('\n');
  const k = lines.findIndex((l) => /(^|[\s[{,:-])\*[A-Za-z0-9_-]/.test(l.replace(/#.*$/, '')));
  return k >= 0 ? k + 1 : undefined;
}

function readClasses(v: Validator, data: Record<string, unknown>, lexicon: string): WordClass[] {
  const value = data.classes;
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    v.error(['classes'], `"classes" must be a mapping from class name to a list of phrases, found ${describe(value)}`);
    return [];
  }
  const out: WordClass[] = [];
  for (const [name, body] of Object.entries(value as Record<string, unknown>)) {
    const path: Path = ['classes', name];
    if (!CLASS_NAME_RE.test(name)) {
      v.error(path, `class name "${name}" must be lowercase letters, digits and - (starting with a letter)`);
      continue;
    }
    let holder: Record<string, unknown>;
    let listPath: Path;
    let note: string | undefined;
    if (Array.isArray(body) || typeof body === 'string') {
      holder = { members: body };
      listPath = path;
    } else if (body && typeof body === 'object') {
      holder = body as Record<string, unknown>;
      unknownKeys(v, holder, CLASS_KEYS, path, 'a class');
      note = readString(v, holder, 'note', path, false);
      listPath = [...path, 'members'];
    } else {
      v.error(path, `class "${name}" must be a list of phrases (or a mapping with "members" and "note"), found ${describe(body)}`);
      continue;
    }
    const list = readStringList(v, holder, 'members', path) ?? [];
    if (list.length === 0) {
      v.error(path, `class "${name}" has no members: give a list of one or more phrases`);
      continue;
    }
    const members: PatternSpec[] = [];
    list.forEach((source, i) => {
      const problem = checkPatternSyntax(source, 'class-member');
      const at: Path = listPath === path ? [...path, i] : [...listPath, i];
      if (problem) v.error(at, `member "${source}" of class "${name}": ${problem}`);
      else if (WORD_LIST_CLASSES.has(name) && !ONE_WORD_RE.test(source.trim())) {
        v.error(at, `member "${source}" of class "${name}": the analyzer reads this class word by word, so each member must be one word of letters (a final full stop allowed, as in "Gen."); list each inflection and each word as its own member`);
      } else members.push({ source, caseSensitive: false, file: v.file, line: v.line(at) });
    });
    out.push({ name, members, note, lexicon, file: v.file, line: v.line(path) });
  }
  return out;
}

/** Parses one lexicon from text (for uploads and tests). Throws LexiconError listing every problem. */
export function parseLexicon(text: string, file = '<lexicon>'): Lexicon {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return merge([parseLexiconText(text, file, sha256)]);
}

/** Loads and merges lexicon files. Throws LexiconError (file:line:column for every problem). */
export function loadLexicons(paths: string[]): Lexicon {
  if (paths.length === 0) throw new LexiconError([{ file: '(none)', message: 'no lexicon given' }]);
  const parsed = paths.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : String((err as Error).message);
      throw new LexiconError([{ file, message: `cannot read lexicon: ${why}; check the --lexicon path` }]);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new LexiconError([{ file, message: 'not valid UTF-8: save the lexicon as UTF-8 text' }]);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return parseLexiconText(text.replace(/^\uFEFF/, ''), file, sha256);
  });
  return merge(parsed);
}

function merge(parsed: ParsedFile[]): Lexicon {
  const referents = new Map<string, Referent>();
  for (const p of parsed) for (const r of p.referents) if (!referents.has(r.id)) referents.set(r.id, r);
  for (const p of parsed) {
    for (const use of p.referentUses) {
      if (!referents.has(use.id)) {
        use.validator.error(use.path, `unknown referent "${use.id}"; define it under "referents" (known: ${[...referents.keys()].join(', ') || 'none'})`);
      }
    }
  }
  const contextLabels = new Set(parsed.flatMap((p) => p.entries).filter((e) => e.kind === 'label' && e.resolve).map((e) => e.id));
  for (const p of parsed) {
    for (const use of p.contextLabelUses) {
      if (!contextLabels.has(use.id)) {
        use.validator.error(use.path, `"${use.id}" is not a context label; "antecedent-of" lists ids of labels that have "resolve" (${[...contextLabels].slice(0, 8).join(', ') || 'none'}${contextLabels.size > 8 ? ', …' : ''})`);
      }
    }
  }
  const classes = new Map<string, WordClass>();
  for (const p of parsed) {
    for (const c of p.classes) {
      const first = classes.get(c.name);
      if (first) {
        p.problems.push({ file: p.source.file, line: c.line, column: 1, message: `class "${c.name}" is already declared in ${first.file}:${first.line}; class names must be unique across lexicons` });
      } else classes.set(c.name, c);
    }
  }
  for (const p of parsed) {
    for (const use of p.validator?.classUses ?? []) {
      if (!classes.has(use.name)) {
        p.validator!.error(use.path, `pattern "${use.source}" uses the class {${use.name}}, which is not declared; add it under "classes" (declared: ${[...classes.keys()].join(', ') || 'none'})`);
      }
    }
  }
  const seen = new Map<string, string>();
  for (const p of parsed) {
    for (const e of p.entries) {
      const first = seen.get(e.id);
      if (first && first !== p.source.file) {
        p.problems.push({ file: p.source.file, line: e.line, column: 1, message: `id "${e.id}" is already defined in ${first}; ids must be unique across lexicons` });
      }
      if (!first) seen.set(e.id, p.source.file);
    }
  }
  const all = parsed.flatMap((p) => p.problems);
  if (all.length) throw new LexiconError(all);
  return {
    sources: parsed.map((p) => p.source),
    referents: [...referents.values()],
    variants: parsed.flatMap((p) => p.variants),
    entries: parsed.flatMap((p) => p.entries),
    classes: [...classes.values()],
    theatres: parsed.flatMap((p) => p.theatres),
  };
}
