/** The corpus and lexicon options every command that reads articles takes (CORPUS_OPTIONS in common.ts). */
export const CORPUS_HELP = `corpus options:
  --lexicon FILE         lexicon to use (repeatable); default lexicons/conflict.yml. Category dictionaries (LIWC
                         .dic/.dicx, WordStat .cat, Lexicoder .lc3, quanteda .yml) are counted as their own layer
  --voice-rules FILE     voice vocabulary and windows; default lexicons/voice.yml (docs/voice.md)
  --outlet-from RULE     field:<name> | folder | filename: where the outlet name comes from
  --default-outlet NAME  outlet for documents that name none
  --max-doc-bytes N      skip documents larger than N bytes (default 5 MB)
  -h, --help             this help
`;
