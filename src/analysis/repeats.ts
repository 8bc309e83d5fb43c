/**
 * Repeated blocks: scraped pages often carry a headline, a photo caption or a paragraph twice (a teaser and the
 * article, a caption under the image and again in the gallery). A reader sees one statement; counting its labels
 * twice would double that outlet's weight for it. Later verbatim copies are left out of the analysis.
 */
import type { Span } from '../types.js';

/** Lines shorter than this (after trimming) are never collapsed: "Share", "Photo", "—" repeat without saying anything. */
const MIN_BLOCK_CHARS = 20;
/** Whitespace that collapsing to single spaces would change: any space other than U+0020, or two in a row. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

export interface RepeatedBlocks {
  /** Spans of later copies, in text order, to leave out of the analysis. */
  spans: Span[];
  /** How many blocks were collapsed (a run of consecutive repeated lines, such as a hard-wrapped paragraph, counts once). */
  collapsed: number;
}

/**
 * Finds blocks that repeat an earlier block of the same text verbatim (spacing aside): whole paragraphs (lines up to a
 * blank line, so a hard-wrapped paragraph with a short last line collapses whole) and single lines (a caption or a
 * headline inside a paragraph of one-line paragraphs). One pass with hash sets: linear in the length of the text.
 */
export function repeatedBlocks(text: string): RepeatedBlocks {
  const seenParagraphs = new Set<string>();
  const seenLines = new Set<string>();
  const spans: Span[] = [];
  let collapsed = 0;
  let lines: Array<{ start: number; end: number; key: string }> = [];

  const endParagraph = (): void => {
    if (lines.length === 0) return;
    // One line (most paragraphs) is its own key: the same string object, so both sets hash it once.
    const key = lines.length === 1 ? lines[0].key : lines.map((l) => l.key).join(' ');
    if (lines.length > 1 && key.length >= MIN_BLOCK_CHARS && seenParagraphs.has(key)) {
      spans.push({ start: lines[0].start, end: lines[lines.length - 1].end });
      collapsed++;
      lines = [];
      return;
    }
    seenParagraphs.add(key);
    let inRun = false;
    for (const line of lines) {
      if (line.key.length >= MIN_BLOCK_CHARS && seenLines.has(line.key)) {
        if (inRun) spans[spans.length - 1].end = line.end;
        else {
          spans.push({ start: line.start, end: line.end });
          collapsed++;
        }
        inRun = true;
      } else {
        seenLines.add(line.key);
        inRun = false;
      }
    }
    lines = [];
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const trimmed = text.slice(lineStart, lineEnd).trim();
    // Most lines have only single spaces inside: then the collapsing replace would copy them unchanged.
    const key = UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
    if (key.length === 0) endParagraph();
    else lines.push({ start: lineStart, end: lineEnd, key });
    lineStart = lineEnd + 1;
  }
  endParagraph();
  return { spans, collapsed };
}
