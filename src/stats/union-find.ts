/**
 * Disjoint sets over 0..n−1 (union by size, path halving): near-constant time per operation, so grouping
 * thousands of documents by their pairwise links (duplicates, events) stays linear in the number of links.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  /** Merges the sets of a and b; returns the root of the merged set. */
  union(a: number, b: number): number {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return rootA;
    if (this.size[rootA] < this.size[rootB]) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] += this.size[rootB];
    return rootA;
  }

  /** Members of every set, each set in ascending index order, sets ordered by their smallest member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      let members = byRoot.get(root);
      if (!members) byRoot.set(root, (members = []));
      members.push(i);
    }
    return [...byRoot.values()];
  }
}
