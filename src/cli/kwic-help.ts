/** framelens kwic --help. */
import { CORPUS_HELP } from './corpus-help.js';

export const KWIC_HELP = `framelens kwic: every occurrence of a label id or a word, with its context, referent, weight and voice

Usage:
  framelens kwic <term> <paths...> [options]

  <term>                 a label id of the lexicon (all its hits), or a word or phrase (a trailing * matches
                         any ending), matched case-insensitively at word boundaries
  --width N              characters of context on each side (default 60)
  --format F             tsv (default: outlet, document, referent, weight, voice, line) | csv
  --out FILE             write there instead of stdout

${CORPUS_HELP}`;
