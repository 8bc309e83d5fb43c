/**
 * An input the whole run cannot proceed without: a path that does not exist or cannot be read, or an invalid
 * reader option. The CLI turns it into exit code 2. Problems with single documents are never thrown: they become
 * `SkippedDocument`s so that one bad file does not stop a corpus.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The path (as given) the error is about; undefined for option errors. */
  readonly file: string | undefined;

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}
