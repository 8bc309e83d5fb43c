/**
 * JSON for a `<script type="application/json">` data block. The browser does not execute it (so CSP allows it),
 * but it still ends at the first `</script`: every `<`, `>` and `&` is written as a \u escape, which JSON.parse
 * reads back unchanged, so no string in the data (an outlet name, a title) can close the block.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
