export { loadCategoryDictionary, buildCategoryDictionary, categoryFormatOf, defaultSemantics } from './dictionary.js';
export type { CategoryDictionary, CategoryFormat, CountingSemantics, DictionaryEntry } from './dictionary.js';
export { CategoryCounter, type CategoryCounts } from './count.js';
export { dictionaryWords, normalizeWord } from '../text/words.js';
export { isFramelensLexiconText } from './detect.js';
