/** framelens analyze --help: kept beside the command (and not in main.ts, which imports the command). */
import { CORPUS_HELP } from './corpus-help.js';
import { RESEARCH_HELP } from './research-options.js';

export const ANALYZE_HELP = `framelens analyze: score outlets per referent, test the differences, write the report

Usage:
  framelens analyze <paths...> [options]

analyze options:
  --format F             table (default) | json | csv | md | html
  --out PATH             write to PATH (for csv: a folder of tidy tables) instead of stdout
  --voices V             voices for headline scores: author (default) | all | author,attributed …
  --duplicates P         first-outlet-only (default) | exclude-copies | keep-all
  --pair A,B             also compute keyness for outlet A against outlet B
  --resamples N          bootstrap resamples (default 2000); --seed N (default 42)
  --db FILE              store documents, analyses, hits and aggregates in FILE (SQLite); re-runs analyze
                         only new or changed documents, and an interrupted run resumes where it stopped
  --cache DIR            the same, with the store kept as DIR/framelens.db
  --shard I/N            analyze only shard I of N (0 <= I < N), chosen by document id; combine with merge
  --omit-hits            leave per-hit detail out of json (large corpora)
  -j, --workers N        worker threads for large corpora (default: one per core, up to 2: each
                         costs ~60 MB of memory; more are faster on a machine with more cores)
  --progress             show the progress bar even when stderr is not a terminal
  -q, --quiet            no progress and no summary on stderr (errors still go there)

${RESEARCH_HELP}
${CORPUS_HELP}`;
