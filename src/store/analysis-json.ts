/**
 * The stored form of an analysis: its JSON with an empty hits list, the hits being kept apart (as the store's rows, or
 * as a worker's second string). No database here, so a worker thread can write the form without loading SQLite.
 */
import type { DocAnalysis } from '../types.js';

/**
 * A document's analysis as the store keeps it: JSON with an empty hits list (the list stays, empty, so the keys keep
 * their order when the hits are put back).
 */
export function storedAnalysisJson(analysis: DocAnalysis): string {
  const hits = analysis.hits;
  analysis.hits = [];
  try {
    return JSON.stringify(analysis);
  } finally {
    analysis.hits = hits;
  }
}

/** An analysis in the stored form and its hits' JSON (a worker's `analyses[k]` and `hits[k]`) as one analysis. */
export function joinAnalysis(analysisJson: string, hitsJson: string): DocAnalysis {
  const analysis = JSON.parse(analysisJson) as DocAnalysis;
  // Assigned in place of the empty list, so the keys keep the analyzer's order.
  analysis.hits = JSON.parse(hitsJson) as DocAnalysis['hits'];
  return analysis;
}
