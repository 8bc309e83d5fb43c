/** The statistics of framelens: pure, deterministic functions over counts (no I/O). */
export * from './rng.js';
export * from './quantile.js';
export * from './bootstrap.js';
export * from './erfc.js';
export * from './multiple-comparisons.js';
export * from './keyness.js';
export * from './divergence.js';
export * from './duplicates.js';
export * from './events.js';
