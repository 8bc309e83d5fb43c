export { readCorpus, readCorpusStream, DEFAULT_MAX_DOC_BYTES, type CorpusItem, type ReadOptions, type ReadResult, type CorpusWarning } from './read.js';
export { InputError } from '../errors.js';
export { dedupeExact, normalizeForDedupe, dedupeKey } from './dedupe.js';
export { contentHash, textHash } from './hash.js';
export { FIELD_ALIASES, parseOutletFrom, normalizeDate, type OutletFrom } from './fields.js';
export { splitFrontMatter } from './frontmatter.js';
export { parseCsv } from './csv.js';
