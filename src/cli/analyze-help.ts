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
  --cache DIR            incremental re-runs: reuse analyses of unchanged documents from DIR
  --omit-hits            leave per-hit detail out of json (large corpora)
  -j, --workers N        worker threads for large corpora (default: one per core, up to 8)
  --progress             show the progress bar even when stderr is not a terminal

${RESEARCH_HELP}
${CORPUS_HELP}`;
