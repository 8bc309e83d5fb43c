/**
 * A fast non-cryptographic 53-bit string hash (two independent 32-bit multiply-xor lanes, the second cut to 21
 * bits), returned as a safe integer so it can key a Map without string allocation. 53 bits keep accidental
 * collisions negligible even over millions of shingles (≈ n²/2^54), where 32 bits would already collide.
 */
export function hash53(text: string): number {
  let lane1 = 0x811c9dc5; // FNV-1a offset basis
  let lane2 = 0x9e3779b9; // golden-ratio seed, so the lanes differ from the first character on
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    lane1 = Math.imul(lane1 ^ code, 0x01000193); // FNV prime
    lane2 = Math.imul(lane2 ^ code, 0x5bd1e995);
  }
  // Final avalanche so that texts differing only in their last character differ in the high bits too.
  lane1 = Math.imul(lane1 ^ (lane1 >>> 16), 0x85ebca6b);
  lane1 ^= lane1 >>> 13;
  lane2 = Math.imul(lane2 ^ (lane2 >>> 15), 0xc2b2ae35);
  lane2 ^= lane2 >>> 16;
  return (lane2 & 0x1fffff) * 0x100000000 + (lane1 >>> 0);
}

/** The hash as 14 lowercase hex digits, for stable identifiers. */
export function hash53Hex(text: string): string {
  return hash53(text).toString(16).padStart(14, '0');
}
