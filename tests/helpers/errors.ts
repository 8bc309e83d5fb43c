import { expect } from 'vitest';

/** Runs `fn`, expects it to throw an instance of `type`, and returns the error for further checks. */
export function thrownBy<E extends Error>(type: new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as E;
  }
  throw new Error(`expected a ${type.name}`);
}
