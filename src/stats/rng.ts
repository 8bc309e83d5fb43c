/**
 * A small seeded pseudo-random generator, so that every bootstrap in framelens is reproducible:
 * the same seed gives the same resamples on every machine and every Node version (Math.random cannot be seeded).
 *
 * The algorithm is mulberry32 (a 32-bit state advanced by a Weyl sequence, then mixed by multiply/xor-shift).
 * Its period is 2^32, far more than the few million draws a bootstrap needs, and it passes the usual
 * statistical test batteries well enough for resampling. It is not cryptographic and must never be used as such.
 */

/** A generator of uniform floats in [0, 1). */
export type Random = () => number;

/** Odd constant of the Weyl sequence (2^32 / golden ratio, rounded to odd); makes the state visit every value. */
const WEYL_INCREMENT = 0x6d2b79f5;

/** Creates a generator from a seed. Any number works; it is reduced to 32 bits, so 42 and 42 + 2^32 coincide. */
export function seededRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + WEYL_INCREMENT) >>> 0;
    // Two rounds of xor-shift-multiply spread every bit of the state over the whole output word.
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). Multiplying (rather than taking a modulo of the raw word) keeps it unbiased enough for n ≪ 2^32. */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n);
}
