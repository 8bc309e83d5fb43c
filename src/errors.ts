/**
 * The one error base of framelens: an error a user can act on, carrying the exit code the command line ends with
 * (2 for usage and input problems). Anything else that escapes is a bug in framelens and exits 1 with its stack.
 */
export class FramelensError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }

  /** The text printed on stderr. */
  describe(): string {
    return `framelens: ${this.message}\n`;
  }
}

/**
 * An input the whole run cannot proceed without: a path that does not exist or cannot be read, or an invalid
 * reader option. Problems with single documents are never thrown: they become `SkippedDocument`s so that one bad
 * file does not stop a corpus.
 */
export class InputError extends FramelensError {
  override readonly name = 'InputError';
  /** The path (as given) the error is about; undefined for option errors. */
  readonly file: string | undefined;

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.file = file;
  }
}

/** How many problems an error message lists before it says "… and N more". */
export const PROBLEMS_SHOWN = 10;

/** "first ten problems, then … and N more problems": one format for every list of problems a user is shown. */
export function listProblems<T>(problems: readonly T[], format: (p: T) => string): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map(format);
  if (problems.length > PROBLEMS_SHOWN) shown.push(`… and ${problems.length - PROBLEMS_SHOWN} more problems`);
  return shown.join('\n');
}
