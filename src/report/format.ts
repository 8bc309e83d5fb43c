/** Number and label formatting shared by the pages and the static HTML report. */
import type { Voice } from '../types.js';

export function fmtNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return n.toFixed(digits);
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** A signed figure: "+0.50", "−1.00" (true minus sign), "0.00". */
export function fmtSigned(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const s = Math.abs(n).toFixed(digits);
  if (Number(s) === 0) return s;
  return n > 0 ? `+${s}` : `−${s}`;
}

export function fmtPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${Math.round(share * 100)}%`;
}

export function fmtCi(ci: [number, number] | null | undefined): string {
  return ci ? `[${fmtSigned(ci[0])}, ${fmtSigned(ci[1])}]` : '';
}

/** Stance class of a weight (or a mean weight): the five colour steps of the stance palette. */
export type StanceClass = 'wn2' | 'wn1' | 'w0' | 'wp1' | 'wp2';

export function stanceClass(weight: number): StanceClass {
  if (weight <= -1.5) return 'wn2';
  if (weight <= -0.25) return 'wn1';
  if (weight < 0.25) return 'w0';
  if (weight < 1.5) return 'wp1';
  return 'wp2';
}

export function stanceWord(weight: number): string {
  if (weight < -0.25) return 'delegitimizing';
  if (weight > 0.25) return 'legitimizing';
  return 'neutral';
}

export const VOICE_NAMES: Record<Voice, string> = {
  author: "outlet's own voice",
  quoted: 'direct quotation',
  attributed: 'reported speech',
};

/** Short letter markers, so voice is never told by colour alone. */
export const VOICE_MARKS: Record<Voice, string> = { author: '', quoted: 'Q', attributed: 'R' };
export const DISTANCED_MARK = '≠';
export const NEGATED_MARK = '¬';

/** JSD heat-map bucket 0..4 for a divergence value in [0, 1]. */
export function heatClass(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'heat-na';
  return `heat-${Math.min(4, Math.max(0, Math.floor(value * 5)))}`;
}
