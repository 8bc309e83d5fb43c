/**
 * Pairwise precision and recall of same-event grouping: every pair of documents placed in one event is a
 * prediction; a pair is right when the hand labels put both documents in one event too (documents a label file does
 * not list are events of their own). The usual measure for clustering against gold clusters, and easy to recount.
 */
export interface PairScore {
  predictedPairs: number;
  goldPairs: number;
  correctPairs: number;
  precision: number | null;
  recall: number | null;
  /** Gold pairs the grouping missed and predicted pairs it should not have made, as "a + b". */
  missed: string[];
  wrong: string[];
}

function pairs(groups: readonly (readonly string[])[], keep: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const members = g.filter((id) => keep.has(id)).sort();
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.add(`${members[i]} + ${members[j]}`);
  }
  return out;
}

/** Only documents in `ids` count (the documents both sides know about). */
export function pairwiseScore(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[], ids: Iterable<string>): PairScore {
  const keep = new Set(ids);
  const p = pairs(predicted, keep);
  const g = pairs(gold, keep);
  const correct = [...p].filter((x) => g.has(x));
  return {
    predictedPairs: p.size,
    goldPairs: g.size,
    correctPairs: correct.length,
    precision: p.size ? correct.length / p.size : null,
    recall: g.size ? correct.length / g.size : null,
    missed: [...g].filter((x) => !p.has(x)),
    wrong: [...p].filter((x) => !g.has(x)),
  };
}
