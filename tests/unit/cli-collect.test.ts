import { describe, expect, it } from 'vitest';
import { COLLECT_FROM_DOCUMENTS, collectGarbage, collectsBetweenPhases } from '../../src/cli/collect.js';

describe('collections between report phases of a large run', () => {
  it('happen from COLLECT_FROM_DOCUMENTS documents on, not below', () => {
    expect(collectsBetweenPhases(COLLECT_FROM_DOCUMENTS - 1)).toBe(false);
    expect(collectsBetweenPhases(COLLECT_FROM_DOCUMENTS)).toBe(true);
    expect(collectsBetweenPhases(300_000)).toBe(true);
  });

  it('free what nothing holds any more, without --expose-gc on the command line', async () => {
    let target: object | undefined = { payload: new Float64Array(1 << 16) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target stays alive until the job that made it ends.
    await new Promise((done) => setImmediate(done));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });
});
