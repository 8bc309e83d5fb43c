/**
 * Turns the bytes of a dictionary file into text, refusing what is not UTF-8 text with the line of the problem.
 */
import { DictionaryImportError } from './errors.js';

/** Line (1-based) of byte `offset`: LF, CRLF and CR each end one line. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Line of the first invalid UTF-8 sequence. Line breaks never occur inside a UTF-8 sequence, so lines decode alone. */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== 0x0a && b !== 0x0d) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
    line++;
  }
  return 1;
}

/** Decodes a dictionary file; throws DictionaryImportError for empty, binary, UTF-16 or non-UTF-8 input. */
export function decodeDictionary(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new DictionaryImportError(file, [{ line: 1, message: 'the file is empty: export the dictionary again' }]);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DictionaryImportError(file, [{ line: 1, message: 'the file is UTF-16 text: save it as UTF-8 and import it again' }]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new DictionaryImportError(file, [{
      line: lineOfByte(bytes, nul),
      message: 'this is a binary file (it contains a NUL byte), not a text dictionary: give the .dic, .cat, .lc3 or .yml text file',
    }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DictionaryImportError(file, [{
      line: firstInvalidLine(bytes),
      message: 'not valid UTF-8 (older dictionaries are often Windows-1252 or Latin-1): convert it, e.g. `iconv -f windows-1252 -t utf-8`, and import it again',
    }]);
  }
  return text.replace(/^\uFEFF/, '');
}
