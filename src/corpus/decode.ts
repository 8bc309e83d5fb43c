/**
 * Byte-level checks before text is trusted: binary detection and strict UTF-8 decoding with the position of the
 * first bad byte, so that a skipped file can say which line to fix.
 */

const BINARY_SNIFF_BYTES = 8192;

/** True when the first 8 KB contain a NUL byte (binary files, and UTF-16 text, which we do not read). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are all invalid UTF-8.
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line number of a byte offset (counts LF bytes before it). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; byteOffset: number };

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 strictly. A leading BOM is dropped (TextDecoder does that by default); nothing else is changed.
 * On failure reports the line and byte offset of the first invalid byte.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byteOffset = at < 0 ? 0 : at;
    return { ok: false, line: lineAtByte(bytes, byteOffset), byteOffset };
  }
}
