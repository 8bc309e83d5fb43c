import { describe, expect, it } from 'vitest';
import {
  findVoiceSpans, paragraphSpans, quoteSpans, roughSentences, voiceAt, type QuoteSpan,
} from '../../src/analysis/voice.js';
import type { VoiceSpan } from '../../src/types.js';
import { cpuMilliseconds } from '../helpers/measure.js';

/** The quoted texts (with marks), outermost first at equal starts. */
function quotes(text: string): string[] {
  return quoteSpans(text).map((q) => text.slice(q.start, q.end));
}

function voiceOf(text: string, phrase: string, spans = findVoiceSpans(text, roughSentences(text))): string {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  return voiceAt(spans, at, at + phrase.length);
}

describe('quoteSpans: double marks', () => {
  it('finds curly and straight double quotations with inner spans and word counts', () => {
    const text = 'He said “we will win” and she said "no way, never".';
    const qs = quoteSpans(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['“we will win”', '"no way, never"']);
    const [a, b] = qs;
    expect(a).toMatchObject({ openMark: '“', closeMark: '”', words: 3, depth: 0 });
    expect(text.slice(a.inner.start, a.inner.end)).toBe('we will win');
    expect(b).toMatchObject({ openMark: '"', closeMark: '"', words: 3 });
  });

  it('handles guillemets, German „…“ and »…«', () => {
    expect(quotes('Il a dit « nous vaincrons » hier.')).toEqual(['« nous vaincrons »']);
    expect(quotes('Er sagte „wir siegen“ gestern und »nie wieder« heute.')).toEqual(['„wir siegen“', '»nie wieder«']);
  });

  it('reads a straight quote by flanking: a mark that ends a word closes, one that starts a word opens', () => {
    expect(quotes('"Yes," he said, "we did."')).toEqual(['"Yes,"', '"we did."']);
    // Inch marks and a lone mark between spaces open nothing.
    expect(quotes('A 5" screen " and more')).toEqual([]);
  });

  it('skips empty quotations', () => {
    expect(quotes('He said "" and left.')).toEqual([]);
  });
});

describe('quoteSpans: single marks versus apostrophes', () => {
  it('treats apostrophes inside and at the end of words as apostrophes', () => {
    for (const text of [
      "Gaza's hospitals and the militias' bases near Kata'ib positions don't matter.",
      'Gaza’s hospitals and the militias’ bases near Kata’ib Sayyid al-Shuhada don’t matter.',
      "In the '90s and in ’23 they played rock 'n' roll and told 'em off; 'tis true.",
    ]) {
      expect(quoteSpans(text), text).toEqual([]);
    }
  });

  it('finds single-quoted text among apostrophes', () => {
    const text = "The group's statement called it 'a response to Israel's aggression' and the militias' 'final say.'";
    expect(quotes(text)).toEqual(["'a response to Israel's aggression'", "'final say.'"]);
    const curly = 'The faction’s response to the ‘Israeli aggression on Gaza,’ which has entered its fourth month.';
    expect(quotes(curly)).toEqual(['‘Israeli aggression on Gaza,’']);
  });

  it('reads a plural possessive inside a single quotation as an apostrophe when another closer follows', () => {
    const text = "He said 'the militias' positions were hit' yesterday.";
    expect(quotes(text)).toEqual(["'the militias' positions were hit'"]);
  });

  it('leaves an unclosed single opener stray', () => {
    const text = "The sheikh, known as 'Abu Ali, left.\nNext paragraph with militias' bases.";
    expect(quoteSpans(text)).toEqual([]);
  });
});

describe('quoteSpans: nesting and paragraphs', () => {
  it('keeps single quotes nested inside the double quotation', () => {
    const text = '“They called it ‘the aggression’ and vowed ‘revenge,’” he said.';
    const qs = quoteSpans(text);
    expect(qs.map((q) => [text.slice(q.start, q.end), q.depth])).toEqual([
      ['“They called it ‘the aggression’ and vowed ‘revenge,’”', 0],
      ['‘the aggression’', 1],
      ['‘revenge,’', 1],
    ]);
    const spans = findVoiceSpans(text, roughSentences(text));
    expect(spans.filter((s) => s.voice === 'quoted')).toHaveLength(1);
  });

  it('continues a quotation over paragraphs that open with a quote mark (English convention)', () => {
    const text = '“We will strike the bases.\n\n“We will not stop until they leave,” the commander said.\n\nThe militias are armed.';
    const qs = quoteSpans(text);
    expect(qs).toHaveLength(1);
    expect(text.slice(qs[0].start, qs[0].end)).toBe(
      '“We will strike the bases.\n\n“We will not stop until they leave,”',
    );
    expect(qs[0].closeMark).toBe('”');
    expect(voiceOf(text, 'The militias are armed')).toBe('author');
  });

  it('ends an unclosed quotation at the paragraph end, not the document end', () => {
    const text = 'He said “the occupiers must leave.\nThe Iran-backed militias attacked again.';
    const qs = quoteSpans(text);
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ openMark: '“', closeMark: null });
    expect(text.slice(qs[0].start, qs[0].end)).toBe('“the occupiers must leave.');
    expect(voiceOf(text, 'the occupiers')).toBe('quoted');
    expect(voiceOf(text, 'Iran-backed militias')).toBe('author');
  });

  it('treats CRLF line breaks as paragraph breaks and continues straight-quoted paragraphs', () => {
    const text = '"We will strike.\r\n"We will not stop," he said.\r\nThe militias are armed.';
    const qs = quoteSpans(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['"We will strike.\r\n"We will not stop,"']);
    const unclosed = 'He said "the occupiers must leave.\r\nThe militias are armed.';
    expect(quotes(unclosed)).toEqual(['"the occupiers must leave.']);
  });

  it('lets a quotation run over a soft (hard-wrapped) line break', () => {
    const text = 'He said "the occupiers must\nleave the country" and left.';
    expect(quotes(text)).toEqual(['"the occupiers must\nleave the country"']);
    expect(paragraphSpans(text)).toHaveLength(1);
    expect(paragraphSpans('One.\nTwo.\n\nThree')).toHaveLength(3);
  });

  it('recovers a paragraph whose opening mark was lost when it reads as reported material', () => {
    // Evidence: a reporting word in the paragraph.
    const text = 'The group stated that the Zionist entity must pay for its crimes.”\nThe Iran-backed militias are armed.';
    const qs = quoteSpans(text);
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ openMark: null, closeMark: '”', start: 0 });
    expect(voiceOf(text, 'Zionist entity')).toBe('quoted');
    expect(voiceOf(text, 'Iran-backed militias')).toBe('author');
    // Evidence: the next paragraph opens a quotation (a run of quoted paragraphs).
    const run = 'Resistance fighters hit the occupation base.”\n“They will continue,” it added.';
    expect(voiceOf(run, 'occupation base')).toBe('quoted');
  });

  it('recovers a paragraph whose stray closer ends a sentence and is followed only by a source\'s credit (voice 1.15.3)', () => {
    const text = 'Jets struck the occupation base at dawn.” Reuters\n\nThe Iran-backed militias are armed.';
    const qs = quoteSpans(text);
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ openMark: null, closeMark: '”', start: 0 });
    expect(voiceOf(text, 'occupation base')).toBe('quoted');
    expect(voiceOf(text, 'Iran-backed militias')).toBe('author');
    expect(voiceOf('Jets struck the occupation base.” — The Associated Press', 'occupation base')).toBe('quoted');
    // No sentence end before the mark, or a clause after it: no credit.
    expect(quoteSpans('Jets struck the occupation base” Reuters')).toEqual([]);
    expect(quoteSpans('Jets struck the occupation base.” The Pentagon denied it.')).toEqual([]);
  });

  it('runs a quotation opened by a single mark at a paragraph start on to the paragraph that closes it after a sentence end (voice 1.15.4)', () => {
    // A blog quoting an article paragraph by paragraph: ‘ opens the first paragraph, ’ closes the last one.
    const text = 'The analyst wrote:\n\n‘For months the occupation army has shelled the border. Rockets fell daily.\n\n'
      + 'The Iran-backed militias kept firing, and the army\'s reply was slow.’\n\nThe occupation forces are the blogger\'s words.';
    const qs = quoteSpans(text);
    expect(qs).toHaveLength(1);
    expect(text.slice(qs[0].start, qs[0].end)).toBe(
      '‘For months the occupation army has shelled the border. Rockets fell daily.\n\nThe Iran-backed militias kept firing, and the army\'s reply was slow.’',
    );
    expect(qs[0]).toMatchObject({ openMark: '‘', closeMark: '’', depth: 0 });
    expect(voiceOf(text, 'occupation army')).toBe('quoted');
    expect(voiceOf(text, 'Iran-backed militias')).toBe('quoted');
    expect(voiceOf(text, 'occupation forces')).toBe('author');
    // The English convention: every paragraph re-opens with the mark; a paragraph between without marks is passed.
    const three = '‘The occupation army shelled the border.\n\n‘Nothing moved for hours.\n\nThen the militias fired again.’\n\nThe occupation forces left.';
    expect(quotes(three)).toEqual(['‘The occupation army shelled the border.\n\n‘Nothing moved for hours.\n\nThen the militias fired again.’']);
    expect(voiceOf(three, 'the militias fired')).toBe('quoted');
    expect(voiceOf(three, 'occupation forces left')).toBe('author');
  });

  it('leaves a single opener stray when no later paragraph closes the run (voice 1.15.4)', () => {
    // The closer follows a letter (an apostrophe: the militias’), not a sentence end.
    expect(quotes('‘The occupation army shelled the border.\n\nThen they hit the militias’')).toEqual([]);
    // A paragraph between holds a mark of its own: no run.
    expect(quotes('‘The occupation army shelled the border.\n\nThe group said “enough”.\n\nThey fired again.’')).toEqual(['“enough”']);
    // The run reaches at most four paragraphs on.
    const far = `‘The occupation army shelled the border.\n\n${'Nothing moved.\n\n'.repeat(4)}They fired again.’`;
    expect(quotes(far)).toEqual([]);
    // Not opened at the paragraph's start: a stray mark, as before.
    expect(quotes('He wrote ‘the occupation army shelled the border.\n\nThey fired again.’')).toEqual([]);
    expect(voiceOf('‘The occupation army shelled the border.\n\nThe occupation forces left.', 'occupation army')).toBe('author');
  });

  it('ignores a stray closer without evidence, or in the middle of a paragraph', () => {
    expect(quoteSpans('The militias attacked the base.”\nNothing else happened.')).toEqual([]);
    const mid = 'The group said the occupiers must leave.” Then the militias attacked.';
    expect(quoteSpans(mid)).toEqual([]);
    expect(voiceOf(mid, 'Then the militias attacked')).toBe('author');
  });

  it('stays linear on pathological input', () => {
    const parts = ['‘'.repeat(50_000), '”'.repeat(50_000), '"\''.repeat(50_000), "a'b ".repeat(50_000), '“x '.repeat(50_000)];
    const text = parts.join('\n');
    // CPU time, not the wall clock: the bound is the code's cost, whatever else runs on the machine.
    const { ms, value: [qs, spans] } = cpuMilliseconds((): [QuoteSpan[], VoiceSpan[]] => [quoteSpans(text), findVoiceSpans(text, roughSentences(text))]);
    expect(ms).toBeLessThan(2000);
    expect(qs.length).toBeGreaterThan(0);
    expect(spans.length).toBeGreaterThan(0);
  });
});

describe('voiceAt', () => {
  const spans: VoiceSpan[] = [
    { start: 10, end: 20, voice: 'quoted' },
    { start: 30, end: 40, voice: 'attributed' },
    { start: 40, end: 50, voice: 'quoted' },
  ];
  it('returns the voice covering the range, author outside spans', () => {
    expect(voiceAt(spans, 12, 15)).toBe('quoted');
    expect(voiceAt(spans, 32, 35)).toBe('attributed');
    expect(voiceAt(spans, 0, 5)).toBe('author');
    expect(voiceAt(spans, 20, 30)).toBe('author');
    expect(voiceAt(spans, 60, 70)).toBe('author');
    expect(voiceAt([], 0, 5)).toBe('author');
  });
  it('gives a straddling range the majority voice, ties to the non-author voice', () => {
    expect(voiceAt(spans, 8, 20)).toBe('quoted');
    expect(voiceAt(spans, 18, 28)).toBe('author');
    expect(voiceAt(spans, 35, 45)).toBe('quoted');
    expect(voiceAt(spans, 15, 25)).toBe('quoted');
  });
  it('takes the voice at start for an empty range', () => {
    expect(voiceAt(spans, 10, 10)).toBe('quoted');
    expect(voiceAt(spans, 20, 20)).toBe('author');
  });
});
