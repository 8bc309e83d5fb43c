/**
 * `stanceTests`, the outlet-pair section of schema 1 and 2, kept for their readers (JSON, stance-tests.csv) but no
 * longer computed on its own: it is the outlet-pair contrasts that were tested, in the old shape. Before, it ran its
 * own permutation tests and stopped silently above 20 outlets, even when contrasts had tested chosen pairs. Now it
 * can never disagree with `contrasts`, and every pair it leaves out is in `contrasts` with `tested: false` and the
 * reason, or in `contrastPlan.skipped`.
 */
import type { Contrast } from '../stats/contrasts.js';
import type { StanceTest } from './build.js';

export function stanceTestsFromContrasts(contrasts: readonly Contrast[]): Record<string, StanceTest[]> {
  const out: Record<string, StanceTest[]> = {};
  for (const c of contrasts) {
    if (c.kind !== 'outlets' || !c.tested || c.p === null || c.effect.value === null) continue;
    (out[c.referent] ??= []).push({
      a: c.a.name, b: c.b.name, difference: c.effect.value, p: c.p,
      pAdjusted: c.pAdjusted ?? c.p, significant: c.significant ?? false, permutations: c.permutations ?? 0,
      ...(c.method === 'normal' ? { method: 'normal' as const } : {}),
    });
  }
  return out;
}
