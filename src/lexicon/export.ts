/**
 * Exports a framing lexicon as a category dictionary (quanteda YAML, LIWC .dic) so the same phrases can be counted in
 * the researcher's own tools. Dictionary tools know words, `*` and `?` only: no classes, optional parts, alternatives,
 * inflections or spelling variants. Every pattern is therefore spelled out into plain phrases, and because classes
 * multiply (the default lexicon has about 5·10^8 spellings), a label gets its cheapest spellings up to a cap:
 *
 *   cost of a spelling = optional parts filled + class repetitions beyond the minimum + words not in their base form
 *                        (an inflection or a spelling variant)
 *
 * Spellings are written in order of cost, then of the order their words and class members are listed in the
 * lexicon (authors list the common ones first), so a capped label keeps "Iran-backed militia" before "Tehran-funded
 * hardline paramilitary". Phrases that analyze actually matched in a corpus can be added beforehand (attested), so
 * an export for one corpus is complete on that corpus. docs/dictionaries.md "Exporting the framing lexicon" says
 * what a dictionary tool cannot reproduce.
 */
import type { Lexicon, LexiconEntry } from '../types.js';
import { dictionaryWords, normalizeWord } from '../text/words.js';
import { inflections } from './inflect.js';
import { parsePattern, type PatternPiece } from './pattern.js';

export const DEFAULT_MAX_PHRASES = 5000;
/** The category that holds the names, so that LIWC's longest match lets a name take its words as analyze does. */
export const NAMES_CATEGORY = 'names';

export interface ExportOptions {
  /** Spelled-out phrases per category at most (attested phrases come on top). */
  maxPhrases?: number;
  /** Export names as one more category (default true). */
  names?: boolean;
  /** Phrases analyze matched, per label id, in dictionary form (attestedPhrases); always written. */
  attested?: Map<string, Iterable<string>>;
}

export interface ExportedCategory {
  name: string;
  kind: 'label' | 'names';
  referent?: string;
  resolve?: string[];
  weight?: number;
  /** Distinct phrases, in dictionary form (lowercase, words split as dictionary tools split them). */
  phrases: string[];
  /** Spellings the patterns have in all (with the repeats between patterns). */
  spellings: number;
  /** Spellings not written because of the cap; 0 when the label is complete. */
  notWritten: number;
  /** Every spelling up to this cost was written (Infinity when complete). */
  completeToCost: number;
  /** Phrases added from a corpus that the spelled-out ones did not already hold. */
  attestedAdded: number;
}

export interface LexiconExport {
  categories: ExportedCategory[];
  maxPhrases: number;
}

interface Option {
  words: string[];
  cost: number;
}

interface Slot {
  options: Option[];
  /** Written against the slot before it without a space ("iran" + "-" + "backed"). */
  glue?: string;
}

interface Shape {
  slots: Slot[];
  cost: number;
}

/**
 * A word as dictionary tools see it: lowercase, straight apostrophes, no trailing period ("U.S." → "u.s"). A word
 * glued to the one before keeps its leading apostrophe ("{patron}'s" → "iran's").
 */
function dictionaryForm(word: string, glued = false): string {
  const star = word.endsWith('*');
  const core = normalizeWord(star ? word.slice(0, -1) : word).replace(glued ? /['.]+$/g : /^['.]+|['.]+$/g, '');
  return star ? `${core}*` : core;
}

/**
 * A pattern word that is already a past form, a participle or a plural ("backed", "fighting", "fighters"): the matcher
 * inflects it too ("backeds"), harmlessly since such forms never occur in text, but the export leaves them out so they
 * take no room under the cap.
 */
function looksInflected(word: string): boolean {
  return (word.length > 4 && /(?<!e)ed$|ing$/.test(word)) || (word.length > 3 && /[^siu]s$/.test(word));
}

function product(lists: Option[][]): Option[] {
  let out: Option[] = [{ words: [], cost: 0 }];
  for (const list of lists) {
    const next: Option[] = [];
    for (const a of out) for (const b of list) next.push({ words: [...a.words, ...b.words], cost: a.cost + b.cost });
    out = next;
  }
  return out;
}

const byCost = (a: Option, b: Option) => a.cost - b.cost;

class Speller {
  private readonly variants = new Map<string, string[]>();
  private readonly classOptions = new Map<string, Option[]>();
  private readonly classes: Map<string, NonNullable<Lexicon['classes']>[number]>;

  constructor(lexicon: Lexicon) {
    for (const group of lexicon.variants) {
      const lower = group.map((w) => w.toLowerCase());
      for (const w of lower) this.variants.set(w, lower.filter((o) => o !== w));
    }
    this.classes = new Map((lexicon.classes ?? []).map((c) => [c.name, c]));
  }

  /**
   * One word of a pattern (it may hold hyphens: each part is a token to the matcher, with its own variants and, when
   * written in lowercase, inflections), as the dictionary words it can be written as.
   */
  word(raw: string, glued = false): Option[] {
    if (raw.endsWith('*')) return [{ words: [dictionaryForm(raw, glued)], cost: 0 }];
    const parts = raw.split(/[-‐‑]/).filter(Boolean);
    const perPart = parts.map((part): Option[] => {
      const lower = part.toLowerCase();
      const forms: Option[] = [{ words: [lower], cost: 0 }];
      for (const v of this.variants.get(lower) ?? []) forms.push({ words: [v], cost: 1 });
      // Only lowercase pattern words inflect (see compile.ts): capitalised ones are names, matched as written. The
      // first inflection is the plural (or third person), as common in news text as the base form, so it costs
      // nothing: "Tehran-aligned militias" comes before "Tehran-aligned hardline militia".
      if (/^[a-z]/.test(part) && !looksInflected(lower)) inflections(lower).forEach((f, i) => forms.push({ words: [f], cost: i === 0 ? 0 : 1 }));
      return forms;
    });
    const seen = new Set<string>();
    const out: Option[] = [];
    for (const o of product(perPart).sort(byCost)) {
      // Rejoined with hyphens, as a dictionary tool keeps "iran-backed" one word; then put in dictionary form.
      const word = o.words.join('-').split(/\s+/).map((w, i) => dictionaryForm(w, glued && i === 0)).filter(Boolean).join(' ');
      if (!word || seen.has(word)) continue;
      seen.add(word);
      out.push({ words: word.split(' '), cost: o.cost });
    }
    return out;
  }

  /** A run of words separated by spaces ("backed by", an optional "(also the)"). */
  words(text: string, glued = false): Option[] {
    return product(text.trim().split(/\s+/).map((w, i) => this.word(w, glued && i === 0))).sort(byCost);
  }

  /** Every spelling of every member of a class, cheapest first, members in their listed order. */
  members(name: string): Option[] {
    const cached = this.classOptions.get(name);
    if (cached) return cached;
    const cls = this.classes.get(name);
    const out: Option[] = [];
    for (const member of cls?.members ?? []) {
      const parsed = parsePattern(member.source, false);
      if (typeof parsed === 'string') continue; // the loader has already refused such a lexicon
      for (const shape of this.shapes(parsed.pieces)) out.push(...flatten(shape));
    }
    out.sort(byCost);
    this.classOptions.set(name, out);
    return out;
  }

  /** A pattern's shapes: one per choice of optional parts and class repetitions, each a list of slots. */
  shapes(pieces: PatternPiece[]): Shape[] {
    let shapes: Shape[] = [{ slots: [], cost: 0 }];
    for (const piece of pieces) {
      const next: Shape[] = [];
      if (piece.kind === 'class') {
        const options = this.members(piece.name);
        for (const shape of shapes) {
          for (let r = piece.min; r <= piece.max; r++) {
            const slots = [...shape.slots];
            for (let k = 0; k < r; k++) slots.push(k === 0 && piece.glue !== undefined ? { options, glue: piece.glue } : { options });
            next.push({ slots, cost: shape.cost + (r - piece.min) });
          }
        }
      } else {
        const options = piece.alternatives.flatMap((alt) => this.words(alt, piece.glue !== undefined)).sort(byCost);
        const slot: Slot = piece.glue !== undefined ? { options, glue: piece.glue } : { options };
        for (const shape of shapes) {
          if (piece.optional) next.push(shape);
          next.push({ slots: [...shape.slots, slot], cost: shape.cost + (piece.optional ? 1 : 0) });
        }
      }
      shapes = next;
    }
    return shapes;
  }
}

function render(slots: Slot[], choice: Option[]): string {
  const words: string[] = [];
  choice.forEach((opt, k) => {
    const glue = slots[k].glue;
    if (glue !== undefined && words.length > 0 && opt.words.length > 0) {
      words.push(`${words.pop()}${glue}${opt.words[0]}`, ...opt.words.slice(1));
    } else words.push(...opt.words);
  });
  return words.join(' ');
}

/** All spellings of a (small) shape, for class members (which cannot glue: they hold no class references). */
function flatten(shape: Shape): Option[] {
  return product(shape.slots.map((s) => s.options)).map((o) => ({ words: o.words, cost: o.cost + shape.cost }));
}

interface HeapItem {
  shape: number;
  idx: number[];
  /** Coordinates from here on may be advanced (each index vector is reached exactly once). */
  from: number;
  cost: number;
  rank: number;
  seq: number;
}

const before = (a: HeapItem, b: HeapItem) =>
  a.cost !== b.cost ? a.cost < b.cost : a.rank !== b.rank ? a.rank < b.rank : a.seq < b.seq;

class Heap {
  private readonly items: HeapItem[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: HeapItem): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): HeapItem | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l], a[m])) m = l;
        if (r < a.length && before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Writes the cheapest spellings of the shapes into `phrases` until it holds `cap` spelled-out phrases. Options are
 * sorted by cost, so advancing one coordinate never makes a spelling cheaper and the heap yields them in cost order.
 */
function spellCheapest(shapes: Shape[], phrases: Set<string>, cap: number): { generated: number; completeToCost: number } {
  const heap = new Heap();
  let seq = 0;
  shapes.forEach((shape, s) => {
    if (shape.slots.some((slot) => slot.options.length === 0)) return;
    const idx = shape.slots.map(() => 0);
    const cost = shape.cost + shape.slots.reduce((sum, slot) => sum + slot.options[0].cost, 0);
    heap.push({ shape: s, idx, from: 0, cost, rank: 0, seq: seq++ });
  });
  let generated = 0;
  let written = 0;
  while (heap.size > 0) {
    const top = heap.pop()!;
    const shape = shapes[top.shape];
    if (written >= cap) return { generated, completeToCost: top.cost - 1 };
    generated++;
    const phrase = render(shape.slots, top.idx.map((i, k) => shape.slots[k].options[i]));
    // Its possessive too: analyze matches "Israel" in "Israel's", a dictionary tool sees the one word "israel's".
    for (const p of /[\p{L}\p{N}]$/u.test(phrase) && !/'s$/.test(phrase) ? [phrase, `${phrase}'s`] : [phrase]) {
      if (phrases.has(p)) continue;
      phrases.add(p);
      written++;
    }
    for (let j = top.from; j < shape.slots.length; j++) {
      const options = shape.slots[j].options;
      const i = top.idx[j];
      if (i + 1 >= options.length) continue;
      const idx = [...top.idx];
      idx[j] = i + 1;
      heap.push({ shape: top.shape, idx, from: j, cost: top.cost - options[i].cost + options[i + 1].cost, rank: top.rank + 1, seq: seq++ });
    }
  }
  return { generated, completeToCost: Infinity };
}

function countSpellings(shapes: Shape[]): number {
  return shapes.reduce((sum, shape) => sum + shape.slots.reduce((p, slot) => p * slot.options.length, 1), 0);
}

/**
 * The phrases a dictionary tool sees where analyze found labels: the dictionary words that overlap each hit, so a hit
 * on "Israel" in "Israel's" becomes "israel's" and one on "escalation" in "de-escalation" becomes "de-escalation" (a
 * dictionary tool keeps such words whole). Linear in the text.
 */
export function attestedPhrases(text: string, hits: ReadonlyArray<{ label: string; start: number; end: number }>, into: Map<string, Set<string>>): void {
  if (hits.length === 0) return;
  const { words, start, end } = dictionaryWords(text);
  for (const hit of hits) {
    // First word that ends after the hit starts.
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (end[mid] <= hit.start) lo = mid + 1;
      else hi = mid;
    }
    const covered: string[] = [];
    for (let k = lo; k < words.length && start[k] < hit.end; k++) covered.push(words[k]);
    if (covered.length === 0) continue;
    // A set per label: a corpus repeats its phrases, and memory should grow with the distinct ones only.
    const set = into.get(hit.label);
    if (set) set.add(covered.join(' '));
    else into.set(hit.label, new Set([covered.join(' ')]));
  }
}

function exportCategory(speller: Speller, name: string, entries: LexiconEntry[], cap: number, attested: Iterable<string> | undefined): Omit<ExportedCategory, 'kind'> {
  const shapes: Shape[] = [];
  for (const entry of entries) {
    for (const pattern of entry.patterns) {
      const parsed = parsePattern(pattern.source, true);
      if (typeof parsed === 'string') continue; // refused by the loader already
      shapes.push(...speller.shapes(parsed.pieces));
    }
  }
  const phrases = new Set<string>();
  const { generated, completeToCost } = spellCheapest(shapes, phrases, cap);
  const spellings = countSpellings(shapes);
  let attestedAdded = 0;
  for (const phrase of attested ?? []) {
    if (phrase && !phrases.has(phrase)) {
      phrases.add(phrase);
      attestedAdded++;
    }
  }
  return { name, phrases: [...phrases], spellings, notWritten: Math.max(0, spellings - generated), completeToCost, attestedAdded };
}

export function exportLexicon(lexicon: Lexicon, options: ExportOptions = {}): LexiconExport {
  const cap = options.maxPhrases ?? DEFAULT_MAX_PHRASES;
  const speller = new Speller(lexicon);
  const categories: ExportedCategory[] = [];
  for (const entry of lexicon.entries) {
    if (entry.kind !== 'label') continue;
    const cat = exportCategory(speller, entry.id, [entry], cap, options.attested?.get(entry.id));
    categories.push({ ...cat, kind: 'label', referent: entry.referent, resolve: entry.resolve, weight: entry.weight });
  }
  if (options.names ?? true) {
    const names = lexicon.entries.filter((e) => e.kind === 'name');
    if (names.length && !categories.some((c) => c.name === NAMES_CATEGORY)) {
      // Names get one cap per name, so that a long list of names is never cut.
      const all = new Set<string>();
      let spellings = 0;
      let notWritten = 0;
      let completeToCost = Infinity;
      for (const name of names) {
        const cat = exportCategory(speller, name.id, [name], cap, undefined);
        for (const p of cat.phrases) all.add(p);
        spellings += cat.spellings;
        notWritten += cat.notWritten;
        completeToCost = Math.min(completeToCost, cat.completeToCost);
      }
      categories.push({ name: NAMES_CATEGORY, kind: 'names', phrases: [...all], spellings, notWritten, completeToCost, attestedAdded: 0 });
    }
  }
  return { categories, maxPhrases: cap };
}

function describe(c: ExportedCategory): string {
  const what = c.kind === 'names'
    ? 'names (never scored; listed so that a name takes its words before a label, as in analyze)'
    : `${c.referent ? `referent ${c.referent}` : c.resolve?.length ? `referent from context (${c.resolve.join(', ')})` : 'no referent (an event word)'}, weight ${c.weight}`;
  const complete = c.completeToCost >= 0 ? `every spelling of cost ${c.completeToCost} or less` : 'not even every spelling of cost 0';
  const extent = c.notWritten === 0
    ? `all ${c.phrases.length - c.attestedAdded} spellings`
    : `the ${c.phrases.length - c.attestedAdded} cheapest of ${c.spellings} spellings (${complete}; ${c.notWritten} not written)`;
  const attested = c.attestedAdded ? `, ${c.attestedAdded} more found in the corpus` : '';
  return `${c.name}: ${what}; ${extent}${attested}`;
}

/** One line per category saying what it holds and what the cap left out (for the YAML comments and stderr). */
export function exportSummary(exp: LexiconExport): string[] {
  return exp.categories.map(describe);
}

/** quanteda YAML: `dictionary(file = "x.yml")`, then `tokens_lookup(toks, dict, nested_scope = "dictionary")`. */
export function formatQuanteda(exp: LexiconExport, header: string[]): string {
  const lines = [...header, ...exportSummary(exp)].map((l) => `# ${l}`.trimEnd());
  for (const c of exp.categories) {
    lines.push(`${JSON.stringify(c.name)}:`);
    if (c.phrases.length === 0) lines.push('  []');
    for (const p of c.phrases) lines.push(`  - ${JSON.stringify(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** LIWC .dic: numbered categories between two "%" lines, then one line per phrase with its category numbers. */
export function formatLiwc(exp: LexiconExport): string {
  const lines = ['%'];
  exp.categories.forEach((c, i) => lines.push(`${i + 1}\t${c.name}`));
  lines.push('%');
  const numbers = new Map<string, number[]>();
  exp.categories.forEach((c, i) => {
    for (const p of c.phrases) {
      const list = numbers.get(p);
      if (list) list.push(i + 1);
      else numbers.set(p, [i + 1]);
    }
  });
  for (const [phrase, cats] of numbers) lines.push(`${phrase}\t${cats.join('\t')}`);
  return `${lines.join('\n')}\n`;
}
