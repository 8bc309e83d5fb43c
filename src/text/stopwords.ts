/**
 * English function words, for keyness and term suggestions where they only add noise ("the", "of", "said" is kept:
 * reporting verbs are part of framing). A user may give their own list or none (`--stopwords en|none|FILE`).
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves it's that's there's he's she's they're we're i'm
don't doesn't didn't isn't aren't wasn't weren't won't can't also however one two three may might must shall upon
amid among via per within without whether yet since though although`;

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/).filter(Boolean));

/** `en` (the list above), `none`, or a file with one word per line (lines starting with # are comments). */
export function loadStopwords(spec: string): ReadonlySet<string> {
  if (spec === 'en') return ENGLISH_STOPWORDS;
  if (spec === 'none') return new Set();
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the stop word file ${spec}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; give en, none or a file with one word per line`, spec);
  }
  return new Set(text.split(/\r\n|\r|\n/).map((l) => l.trim().toLowerCase().replace(/[’‘]/g, "'")).filter((l) => l && !l.startsWith('#')));
}
