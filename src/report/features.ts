/**
 * What the report builder reads from a document's text beyond its analysis: keyness words, the opening's content
 * words (event similarity), casualty keys and the story's day (events). Pure functions of the text, so analysis
 * workers compute them beside the analysis and the main thread, which feeds the builder, only merges them: on a
 * batch run this is about a quarter of the main thread's work per document.
 */
import { dictionaryWords, hasLetter } from '../text/words.js';
import { casualtyKeys, eventDateFromText, OPENING_CHARS, type EventDate } from '../text/event-date.js';
import { countOpeningWord, rankOpeningTerms } from '../stats/event-similarity.js';
import type { NearDuplicateSketch } from '../stats/duplicates.js';

export interface DocumentFeatures {
  /** Keyness word counts (termCounts), in first-seen order. */
  terms: Array<[string, number]>;
  /** Content-word counts of the opening, as one "word word:2 …" string (":1" left out). */
  opening: string;
  /** Casualty keys ("killed:3") from the text. */
  casualties: string[];
  /** The story's day when the text says which; absent when only the metadata date is known. */
  eventDate?: EventDate;
  /**
   * The near-duplicate sketch of the text (nearDuplicateSketch), when it was made elsewhere. Typed arrays: it travels
   * between threads beside the JSON of the other features, never in it.
   */
  sketch?: NearDuplicateSketch;
}

/**
 * Word-level term counts for keyness, lowercased: words as dictionary tools split them (src/text/words.ts), so
 * "U.S." and "Iran-backed" stay one term; words made only of digits are left out, and so are the stop words given.
 */
export function termCounts(text: string, stopwords?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of dictionaryWords(text).words) {
    if (!hasLetter(w) || stopwords?.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/**
 * The keyness counts and the opening's content words from one pass of dictionaryWords over the whole text: the
 * opening's words (openingTerms over the first `openingChars`) are the text's words that end within it, and a
 * word the opening's end cuts through is read again from its cut-off part alone, as the opening's own pass reads it.
 */
function countWords(text: string, openingChars: number, stopwords?: ReadonlySet<string>):
  { terms: Map<string, number>; opening: Map<string, number> } {
  const terms = new Map<string, number>();
  const opening = new Map<string, number>();
  const { words, start, end } = dictionaryWords(text);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (end[k] <= openingChars) countOpeningWord(opening, w);
    else if (start[k] < openingChars) {
      for (const cut of dictionaryWords(text.slice(start[k], openingChars)).words) countOpeningWord(opening, cut);
    }
    if (!hasLetter(w) || stopwords?.has(w)) continue;
    terms.set(w, (terms.get(w) ?? 0) + 1);
  }
  return { terms, opening };
}

export function documentFeatures(text: string, date: string | undefined, stopwords?: ReadonlySet<string>): DocumentFeatures {
  const counted = countWords(text, OPENING_CHARS * 2, stopwords);
  const out: DocumentFeatures = {
    terms: [...counted.terms],
    opening: rankOpeningTerms(counted.opening).map(([t, n]) => (n > 1 ? `${t}:${n}` : t)).join(' '),
    casualties: casualtyKeys(text),
  };
  const eventDate = eventDateFromText(text, date);
  if (eventDate && eventDate.from !== 'metadata') out.eventDate = eventDate;
  return out;
}
