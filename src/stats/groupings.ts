/**
 * Outlet groupings: named ways of sorting outlets into groups ("ownership": state / private, "country": Iran / UK
 * …), like Media Cloud collections. An outlet may sit in several groupings but in one group per grouping.
 *
 * They come from a `group` metadata field on the documents (a grouping named "group") or from a file:
 *
 * YAML — grouping → group → outlets:
 *     ownership:
 *       state: [Press TV, Tasnim News Agency]
 *       private: [Reuters]
 *
 * CSV, wide — one column per grouping:      CSV, long — one row per membership:
 *     outlet,ownership,country                  outlet,grouping,group
 *     Press TV,state,Iran                       Press TV,ownership,state
 *
 * Every problem is named with file:line, and all are listed at once.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError, listProblems } from '../errors.js';
import { parseCsv } from '../corpus/csv.js';

/** grouping name → outlet → group. */
export type Groupings = Map<string, Map<string, string>>;

interface Membership {
  grouping: string;
  group: string;
  outlet: string;
  line: number;
}

function collect(memberships: Membership[], file: string, problems: string[]): Groupings {
  const out: Groupings = new Map();
  const seen = new Map<string, Membership>();
  for (const m of memberships) {
    const key = `${m.grouping}\u0000${m.outlet}`;
    const before = seen.get(key);
    if (before) {
      if (before.group !== m.group) {
        problems.push(`${file}:${m.line}: outlet "${m.outlet}" is already in group "${before.group}" of grouping "${m.grouping}" (line ${before.line}); an outlet belongs to one group per grouping — make another grouping for a second view`);
      }
      continue;
    }
    seen.set(key, m);
    let g = out.get(m.grouping);
    if (!g) out.set(m.grouping, (g = new Map()));
    g.set(m.outlet, m.group);
  }
  return out;
}

function finish(memberships: Membership[], file: string, problems: string[]): Groupings {
  const groupings = collect(memberships, file, problems);
  if (problems.length === 0 && groupings.size === 0) problems.push(`${file}: no outlet is assigned to any group`);
  if (problems.length) {
    // Reported in file order, whichever check found them.
    const lineNo = (p: string) => Number(/:(\d+):/.exec(p)?.[1] ?? 0);
    problems.sort((a, b) => lineNo(a) - lineNo(b));
    throw new InputError(`invalid groups file ${file}:\n${listProblems(problems, (p) => `  ${p}`)}`, file);
  }
  return groupings;
}

function lineOf(node: Node | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function parseGroupingsYaml(text: string, file: string): Groupings {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const problems: string[] = [];
  for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`);
  if (problems.length) return finish([], file, problems);
  const memberships: Membership[] = [];
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push(`${file}:${lineOf(root as Node, counter)}: expected groupings at the top level (grouping: { group: [outlets] })`);
    return finish([], file, problems);
  }
  for (const gp of root.items) {
    const grouping = scalarText(gp.key);
    const gLine = lineOf(gp.key as Node, counter);
    if (!grouping) {
      problems.push(`${file}:${gLine}: a grouping needs a name`);
      continue;
    }
    if (!isMap(gp.value)) {
      problems.push(`${file}:${gLine}: grouping "${grouping}" must map group names to lists of outlets`);
      continue;
    }
    for (const item of gp.value.items) {
      const group = scalarText(item.key);
      const line = lineOf(item.key as Node, counter);
      if (!group) {
        problems.push(`${file}:${line}: a group of "${grouping}" needs a name`);
        continue;
      }
      const outlets = isSeq(item.value) ? item.value.items : isScalar(item.value) ? [item.value] : null;
      if (!outlets) {
        problems.push(`${file}:${line}: group "${group}" of "${grouping}" must list outlets ([A, B] or one per line with "- ")`);
        continue;
      }
      for (const o of outlets) {
        const outlet = scalarText(o);
        const oLine = lineOf(o as Node, counter);
        if (!outlet) problems.push(`${file}:${oLine}: an outlet of group "${group}" is empty or not a name`);
        else memberships.push({ grouping, group, outlet, line: oLine });
      }
    }
  }
  return finish(memberships, file, problems);
}

export function parseGroupingsCsv(text: string, file: string): Groupings {
  const problems: string[] = [];
  const parsed = parseCsv(text);
  for (const e of parsed.errors) problems.push(`${file}:${e.line}: ${e.reason}`);
  const records = parsed.records.map((r) => ({ cells: r.fields, line: r.line }));
  if (records.length === 0) return finish([], file, [`${file}:1: empty file; the first row names the columns (outlet, then one column per grouping)`]);
  const header = records[0].cells.map((c) => c.trim());
  const outletCol = header.findIndex((h) => h.toLowerCase() === 'outlet');
  if (outletCol < 0) return finish([], file, [`${file}:${records[0].line}: no "outlet" column in the header (${header.join(', ')})`]);
  const lower = header.map((h) => h.toLowerCase());
  const long = lower.includes('grouping') && lower.includes('group');
  const memberships: Membership[] = [];
  for (const rec of records.slice(1)) {
    if (rec.cells.every((c) => c.trim() === '')) continue;
    if (rec.cells.length !== header.length) {
      problems.push(`${file}:${rec.line}: ${rec.cells.length} cells, the header has ${header.length}`);
      continue;
    }
    const outlet = rec.cells[outletCol].trim();
    if (!outlet) {
      problems.push(`${file}:${rec.line}: empty outlet`);
      continue;
    }
    if (long) {
      const grouping = rec.cells[lower.indexOf('grouping')].trim();
      const group = rec.cells[lower.indexOf('group')].trim();
      if (!grouping || !group) problems.push(`${file}:${rec.line}: empty ${!grouping ? 'grouping' : 'group'} for outlet "${outlet}"`);
      else memberships.push({ grouping, group, outlet, line: rec.line });
      continue;
    }
    header.forEach((grouping, i) => {
      if (i === outletCol) return;
      const group = rec.cells[i].trim();
      // An empty cell: the outlet is simply not in that grouping.
      if (group) memberships.push({ grouping, group, outlet, line: rec.line });
    });
  }
  return finish(memberships, file, problems);
}

/** By extension: .csv is CSV, .yml/.yaml is YAML; anything else is refused with what to do. */
export function parseGroupings(text: string, file: string): Groupings {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.csv$/i.test(file)) return parseGroupingsCsv(body, file);
  if (/\.ya?ml$/i.test(file)) return parseGroupingsYaml(body, file);
  throw new InputError(`groups file ${file}: name it .yml, .yaml or .csv so its format is known`, file);
}

/** The grouping a `group` metadata field defines. Documents of one outlet that disagree are an error. */
export function groupingFromMetadata(
  docs: Iterable<{ outlet: string; meta?: Record<string, unknown>; source?: { file: string; line?: number } }>,
  field = 'group',
): Map<string, string> | null {
  const out = new Map<string, { group: string; where: string }>();
  const problems: string[] = [];
  for (const d of docs) {
    const raw = d.meta?.[field];
    if (raw === undefined || raw === null || raw === '') continue;
    const group = String(raw).trim();
    const where = d.source ? `${d.source.file}${d.source.line ? `:${d.source.line}` : ''}` : d.outlet;
    const before = out.get(d.outlet);
    if (before && before.group !== group) {
      problems.push(`${where}: outlet "${d.outlet}" has ${field} "${group}" here but "${before.group}" in ${before.where}`);
    } else if (!before) out.set(d.outlet, { group, where });
  }
  if (problems.length) {
    // Reported in file order, whichever check found them.
    const lineNo = (p: string) => Number(/:(\d+):/.exec(p)?.[1] ?? 0);
    problems.sort((a, b) => lineNo(a) - lineNo(b));
    throw new InputError(`the "${field}" field must be the same for every document of an outlet:\n${listProblems(problems, (p) => `  ${p}`)}`);
  }
  return out.size ? new Map([...out].map(([o, g]) => [o, g.group])) : null;
}
