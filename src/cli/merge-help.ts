/** framelens merge --help. */
export const MERGE_HELP = `framelens merge: combine the stores of a sharded run into one store and write the whole corpus's report

Usage:
  framelens merge --db OUT.db PART.db... [options]

  --db FILE              the store to create from the parts (must not exist, unless --force)
  PART.db...             stores written by "framelens analyze --shard I/N --db PART.db", each run to the end
  --lexicon FILE         the lexicon(s) the parts were analyzed with (default: the bundled one); repeatable
  --voice-rules FILE     the voice rules the parts were analyzed with (default: lexicons/voice.yml)
  -f, --format F         table (default) | json | csv | md | html: the report of the merged corpus
  -o, --out FILE         write the report there (written to a temporary file, then renamed)
  --force                replace an existing --db file
  -q, --quiet            no progress lines
  --progress             a progress bar even when stderr is not a terminal

Counts are added and every statistic is computed once, after merging, so the report equals a single run over the
whole corpus. Parts analyzed with other report options, another lexicon or another framelens version are refused.
See docs/scale.md ("Beyond one machine").
`;
