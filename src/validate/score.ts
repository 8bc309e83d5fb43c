/**
 * framelens validate score: precision of a lexicon on a corpus, from hits that people coded by hand
 * (the CSV that `validate sample` writes, with `label_correct` / `voice_correct` filled in).
 *
 * - Precision per label and per voice, each with a Wilson 95% interval.
 * - An estimate for all hits: strata (label × voice) weighted by their size in the corpus, because the sample gave
 *   rare strata more rows than their share.
 * - Agreement between coders (Krippendorff's alpha, nominal) when two or more coders judged the same rows, given as
 *   several files (one per coder) or as one file with a `coder` column.
 * When coders disagree on a row, the row counts as the share of coders who said "correct" (two coders split 1:1 give
 * 0.5): no coder's judgment is silently preferred.
 */
import { parseCsv } from '../corpus/csv.js';
import { FramelensError } from '../errors.js';
import { krippendorffAlphaNominal, type AlphaResult } from './alpha.js';
import { wilsonInterval, Z95 } from './interval.js';

export interface CodedFile {
  /** Name shown in errors (the path as given). */
  file: string;
  text: string;
}

export interface Proportion {
  /** Rows judged (after averaging coders per row). */
  n: number;
  /** Sum of per-row correctness (may be fractional when coders disagree). */
  correct: number;
  precision: number | null;
  ci: [number, number] | null;
}

export interface ScoreResult {
  coders: string[];
  rows: number;
  labelPrecision: { overall: Proportion; estimateAllHits: { precision: number | null; ci: [number, number] | null }; byLabel: Array<Proportion & { label: string; referent: string }>; byVoice: Array<Proportion & { voice: string }> };
  voiceAccuracy: { overall: Proportion; byVoice: Array<Proportion & { voice: string }>; confusion: Array<{ tool: string; coded: string; count: number }> };
  agreement: { labelCorrect: AlphaResult; voiceCorrect: AlphaResult } | null;
  warnings: string[];
}

/** A coded file that cannot be scored as it is; the message names the file, line and column. */
export class CodingError extends FramelensError {
  override readonly name = 'CodingError';
}

const YES = new Set(['y', 'yes', '1', 'true', 'correct', 'c', 'ok']);
const NO = new Set(['n', 'no', '0', 'false', 'wrong', 'incorrect', 'x']);
const VOICES = new Set(['author', 'quoted', 'attributed']);

interface Judgment {
  sampleId: string;
  coder: string;
  label: string;
  referent: string;
  voice: string;
  stratum: string;
  stratumSize: number | null;
  labelCorrect: boolean | null;
  voiceCorrect: boolean | null;
  correctVoice: string | null;
}

function parseBool(value: string, where: string, column: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new CodingError(`${where}: column "${column}" has "${value}"; write y or n (or leave it empty for a row you did not code)`);
}

function readJudgments(input: CodedFile, coderFromFile: string): Judgment[] {
  const text = input.text.replace(/^\uFEFF/, '');
  const { records, errors } = parseCsv(text, { header: true });
  if (errors.length) {
    const e = errors[0];
    throw new CodingError(`${input.file}:${e.line}: ${e.reason}${errors.length > 1 ? ` (and ${errors.length - 1} more broken rows)` : ''}; fix the row and run again`);
  }
  if (records.length === 0) throw new CodingError(`${input.file}: empty file; give the CSV that "framelens validate sample" wrote, with the coding columns filled in`);
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const required of ['sample_id', 'label', 'voice']) {
    if (col(required) < 0) throw new CodingError(`${input.file}:1: no "${required}" column; give the CSV that "framelens validate sample" wrote`);
  }
  if (col('label_correct') < 0 && col('voice_correct') < 0) {
    throw new CodingError(`${input.file}:1: neither "label_correct" nor "voice_correct" is a column; fill in at least one of them`);
  }
  const get = (fields: string[], name: string) => (col(name) >= 0 ? fields[col(name)] ?? '' : '');
  const out: Judgment[] = [];
  for (const record of records.slice(1)) {
    const f = record.fields;
    if (f.every((x) => x.trim() === '')) continue;
    const where = `${input.file}:${record.line}`;
    const sampleId = get(f, 'sample_id').trim();
    if (!sampleId) throw new CodingError(`${where}: empty sample_id; keep the ids that "validate sample" wrote`);
    const correctVoice = get(f, 'correct_voice').trim().toLowerCase() || null;
    if (correctVoice && !VOICES.has(correctVoice)) throw new CodingError(`${where}: column "correct_voice" has "${correctVoice}"; write author, quoted or attributed`);
    const size = get(f, 'stratum_size').trim();
    const stratumSize = size === '' ? null : Number(size);
    if (stratumSize !== null && !(Number.isFinite(stratumSize) && stratumSize >= 0)) throw new CodingError(`${where}: column "stratum_size" has "${size}"; keep the number that "validate sample" wrote`);
    const label = get(f, 'label').trim();
    const voice = get(f, 'voice').trim();
    out.push({
      sampleId,
      coder: get(f, 'coder').trim() || coderFromFile,
      label,
      referent: get(f, 'referent').trim(),
      voice,
      stratum: get(f, 'stratum').trim() || `${label}/${voice}`,
      stratumSize,
      labelCorrect: parseBool(get(f, 'label_correct'), where, 'label_correct'),
      voiceCorrect: parseBool(get(f, 'voice_correct'), where, 'voice_correct'),
      correctVoice,
    });
  }
  return out;
}

function proportion(values: number[]): Proportion {
  const n = values.length;
  const correct = values.reduce((a, b) => a + b, 0);
  return { n, correct, precision: n ? correct / n : null, ci: wilsonInterval(correct, n) };
}

export function scoreCoded(files: CodedFile[]): ScoreResult {
  if (files.length === 0) throw new CodingError('give one coded CSV, or one per coder');
  const warnings: string[] = [];
  const judgments: Judgment[] = [];
  files.forEach((f, i) => judgments.push(...readJudgments(f, files.length > 1 ? `coder${i + 1}` : 'coder1')));
  const coders = [...new Set(judgments.map((j) => j.coder))].sort();

  // One row per sample id; the same coder twice on one row is a mistake worth stopping for.
  const rows = new Map<string, Judgment[]>();
  for (const j of judgments) {
    const list = rows.get(j.sampleId) ?? [];
    if (list.some((x) => x.coder === j.coder)) throw new CodingError(`sample ${j.sampleId} is coded twice by "${j.coder}"; give each coder's judgments once (name coders in a "coder" column or give one file per coder)`);
    const first = list[0];
    if (first && (first.label !== j.label || first.voice !== j.voice)) throw new CodingError(`sample ${j.sampleId} has label/voice "${first.label}/${first.voice}" for ${first.coder} but "${j.label}/${j.voice}" for ${j.coder}: the files come from different samples`);
    list.push(j);
    rows.set(j.sampleId, list);
  }

  const mean = (xs: Array<boolean | null>): number | null => {
    const judged = xs.filter((x): x is boolean => x !== null);
    return judged.length ? judged.filter(Boolean).length / judged.length : null;
  };

  const labelValues: number[] = [];
  const byLabel = new Map<string, { referent: string; values: number[] }>();
  const byVoice = new Map<string, number[]>();
  const strata = new Map<string, { size: number | null; values: number[] }>();
  const voiceValues: number[] = [];
  const voiceByVoice = new Map<string, number[]>();
  const confusion = new Map<string, number>();
  for (const list of rows.values()) {
    const first = list[0];
    const label = mean(list.map((j) => j.labelCorrect));
    if (label !== null) {
      labelValues.push(label);
      const l = byLabel.get(first.label) ?? { referent: first.referent, values: [] };
      l.values.push(label);
      byLabel.set(first.label, l);
      const v = byVoice.get(first.voice) ?? [];
      v.push(label);
      byVoice.set(first.voice, v);
      const s = strata.get(first.stratum) ?? { size: first.stratumSize, values: [] };
      s.values.push(label);
      strata.set(first.stratum, s);
    }
    const voice = mean(list.map((j) => j.voiceCorrect));
    if (voice !== null) {
      voiceValues.push(voice);
      const v = voiceByVoice.get(first.voice) ?? [];
      v.push(voice);
      voiceByVoice.set(first.voice, v);
      for (const j of list) {
        if (j.voiceCorrect === null) continue;
        const coded = j.voiceCorrect ? first.voice : j.correctVoice ?? 'other';
        const key = `${first.voice}\u0000${coded}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
      }
    }
  }

  // Stratified estimate: each stratum's precision weighted by its share of all hits, with the usual variance of a
  // stratified mean (finite-population correction, since a small stratum may be sampled whole).
  let estimateAllHits: { precision: number | null; ci: [number, number] | null } = { precision: null, ci: null };
  const sized = [...strata.values()].filter((s) => s.size !== null && s.size > 0 && s.values.length > 0);
  if (sized.length && sized.length === strata.size) {
    const total = sized.reduce((a, s) => a + (s.size as number), 0);
    let p = 0;
    let variance = 0;
    for (const s of sized) {
      const w = (s.size as number) / total;
      const n = s.values.length;
      const ps = s.values.reduce((a, b) => a + b, 0) / n;
      p += w * ps;
      const fpc = (s.size as number) > 1 ? Math.max(0, ((s.size as number) - n) / ((s.size as number) - 1)) : 0;
      variance += n > 1 ? (w * w * fpc * ps * (1 - ps)) / (n - 1) : 0;
    }
    const half = Z95 * Math.sqrt(variance);
    estimateAllHits = { precision: p, ci: [Math.max(0, p - half), Math.min(1, p + half)] };
  } else if (strata.size) {
    warnings.push('no stratum_size column (or empty cells): the estimate for all hits is left out; keep the columns "validate sample" wrote');
  }

  let agreement: ScoreResult['agreement'] = null;
  if (coders.length > 1) {
    const unitsFor = (pick: (j: Judgment) => boolean | null) => [...rows.values()].map((list) =>
      coders.map((c) => {
        const j = list.find((x) => x.coder === c);
        const v = j ? pick(j) : null;
        return v === null ? null : v ? 'correct' : 'wrong';
      }));
    agreement = {
      labelCorrect: krippendorffAlphaNominal(unitsFor((j) => j.labelCorrect)),
      voiceCorrect: krippendorffAlphaNominal(unitsFor((j) => j.voiceCorrect)),
    };
    if (agreement.labelCorrect.units === 0) warnings.push('two or more coders, but no row was coded by two of them: agreement needs overlapping rows');
  }
  if (labelValues.length === 0 && voiceValues.length === 0) warnings.push('no row has label_correct or voice_correct filled in yet');

  const sortedEntries = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    coders,
    rows: rows.size,
    labelPrecision: {
      overall: proportion(labelValues),
      estimateAllHits,
      byLabel: sortedEntries(byLabel).map(([label, l]) => ({ label, referent: l.referent, ...proportion(l.values) })),
      byVoice: sortedEntries(byVoice).map(([voice, v]) => ({ voice, ...proportion(v) })),
    },
    voiceAccuracy: {
      overall: proportion(voiceValues),
      byVoice: sortedEntries(voiceByVoice).map(([voice, v]) => ({ voice, ...proportion(v) })),
      confusion: sortedEntries(confusion).map(([key, count]) => {
        const [tool, coded] = key.split('\u0000');
        return { tool, coded, count };
      }),
    },
    agreement,
    warnings,
  };
}
