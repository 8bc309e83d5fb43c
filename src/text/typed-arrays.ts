/**
 * Typed arrays cannot grow in place: the columns that grow as a run goes on (the tokenizer's unit table, the corpus
 * reader's per-document columns) copy themselves into a longer array of the same kind.
 */

/** A new array of the same kind and `length` elements, holding `array`'s contents at its start. */
export function grownTo<T extends Int32Array | Uint8Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
