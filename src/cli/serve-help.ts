/** framelens serve --help: kept beside the command (and not in main.ts, which imports the command). */
import { CORPUS_HELP } from './corpus-help.js';
import { RESEARCH_HELP } from './research-options.js';

export const SERVE_HELP = `framelens serve: the web UI over a corpus (default: the bundled seed articles)

Usage:
  framelens serve [paths...] [options]
  framelens serve --db FILE [options]

serve options:
  --db FILE              serve a store written by analyze --db instead of reading and analyzing paths (starts in seconds)
  -p, --port N           port (default 8377; 0 picks a free one)
  --host ADDR            interface to listen on (default 127.0.0.1: this machine only)
  --lexicon FILE.dic     a category dictionary (.dic, .dicx, .cat, .lc3, quanteda .yml) next to the framing lexicon:
                         its rates per outlet and group are on the Categories page (/categories)

With --db, FRAMELENS_TERM_THREAD=1 in the environment answers Term pages and /api/term on a thread of their own
beside the one serving the other pages (0, the default: on the serving thread). The server runs in a child process
started with a larger young generation (fewer collection pauses while pages are new; not for a store over 512 MB);
FRAMELENS_NO_RELAUNCH=1 keeps it in this process.

${CORPUS_HELP}
${RESEARCH_HELP.replace('research options (groups, contrasts, time):', 'research options (groups, contrasts, time), when serving paths; a store keeps those of analyze --db:')}`;
