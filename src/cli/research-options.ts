/**
 * The research options of analyze (groups, contrasts, time bins, before/after, permutations, stop words), parsed
 * into ReportOptions. Kept apart from analyze.ts so the command's own file only spreads them in.
 */
import { readFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import type { ReportOptions } from '../report/build.js';
import { parseGroupings } from '../stats/groupings.js';
import { parseEventOverrides } from '../stats/event-members.js';
import { dayNumber } from '../stats/dates.js';
import { loadStopwords } from '../text/stopwords.js';
import { InputError } from '../errors.js';
import { intOption, UsageError } from './common.js';
import { splitLexiconPaths } from './lexicon-files.js';
import { loadCategoryDictionary } from '../dictionary/index.js';

export const RESEARCH_OPTIONS = {
  groups: { type: 'string' },
  contrasts: { type: 'string' },
  permutations: { type: 'string' },
  by: { type: 'string' },
  'before-after': { type: 'string' },
  stopwords: { type: 'string' },
  events: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const RESEARCH_HELP = `research options (groups, contrasts, time):
  --groups FILE          outlet groupings: YAML (grouping: { group: [outlets] }) or CSV (outlet,<grouping>...
                         or outlet,grouping,group); a "group" field in the documents' metadata works too
  --contrasts C          outlet pairs to test: auto (default: all pairs up to 20 outlets) | all | none |
                         "A vs B; C vs D". Groups of each grouping are always compared (outlets as the unit)
  --permutations N       permutations per contrast (default 1000; fewer possible deals are enumerated exactly)
  --by week|month        stance and label shares per outlet and group per week or month (timeline)
  --before-after DATE    contrast documents dated before DATE (YYYY-MM-DD) with those from DATE on
  --stopwords S          words left out of keyness: none (default) | en | FILE (one word per line)
  --events FILE          name, merge and split events: YAML "events: [{ name, documents: [ids] }]"; later runs
                         that give the same file keep those events whatever else links the documents
`;

export interface ResearchValues {
  groups?: string;
  contrasts?: string;
  permutations?: string;
  by?: string;
  'before-after'?: string;
  stopwords?: string;
  events?: string;
  lexicon?: string[];
}

/** "A vs B; C vs D" → pairs; all, none and auto as keywords. */
export function parseContrasts(value: string | undefined): ReportOptions['contrasts'] {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === 'auto' || v === 'all' || v === 'none') return v;
  const pairs: Array<[string, string]> = [];
  for (const part of v.split(';').map((s) => s.trim()).filter(Boolean)) {
    const sides = part.split(/\s+vs\.?\s+/i).map((s) => s.trim());
    if (sides.length !== 2 || !sides[0] || !sides[1]) {
      throw new UsageError(`--contrasts: "${part}" is not a pair; write "Outlet A vs Outlet B", pairs separated by ";" (or auto, all, none)`);
    }
    if (sides[0] === sides[1]) throw new UsageError(`--contrasts: "${part}" compares an outlet with itself`);
    pairs.push([sides[0], sides[1]]);
  }
  if (pairs.length === 0) throw new UsageError('--contrasts needs auto, all, none or pairs such as "AFP vs Press TV"');
  return pairs;
}

export function readGroupsFile(file: string): Record<string, Record<string, string>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the groups file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, file);
  }
  const groupings = parseGroupings(text, file);
  return Object.fromEntries([...groupings].map(([g, m]) => [g, Object.fromEntries(m)]));
}

export function researchReportOptions(values: ResearchValues): Partial<ReportOptions> {
  const out: Partial<ReportOptions> = {};
  if (values.groups !== undefined) out.groups = readGroupsFile(values.groups);
  const contrasts = parseContrasts(values.contrasts);
  if (contrasts !== undefined) out.contrasts = contrasts;
  const permutations = intOption(values.permutations, 'permutations', 1);
  if (permutations !== undefined) out.permutations = permutations;
  if (values.by !== undefined) {
    if (values.by !== 'week' && values.by !== 'month') throw new UsageError(`--by must be week or month, got "${values.by}"`);
    out.timeline = values.by;
  }
  if (values['before-after'] !== undefined) {
    const d = values['before-after'].trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || dayNumber(d) === null) throw new UsageError(`--before-after takes a day as YYYY-MM-DD, got "${values['before-after']}"`);
    out.beforeAfter = d;
  }
  if (values.stopwords !== undefined) {
    const spec = values.stopwords.trim();
    if (spec !== 'none') out.stopwords = [...loadStopwords(spec)].sort();
  }
  const { dictionaries } = splitLexiconPaths(values.lexicon);
  if (dictionaries.length) {
    // Read now, so a broken dictionary stops the run before the analysis, with the file and line.
    for (const f of dictionaries) loadCategoryDictionary(f);
    out.dictionaries = dictionaries;
  }
  if (values.events !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.events, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read the events file ${values.events}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, values.events);
    }
    out.events = parseEventOverrides(text, values.events);
  }
  return out;
}
