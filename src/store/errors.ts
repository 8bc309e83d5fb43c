import { InputError } from '../errors.js';

/**
 * A store that cannot be used as it is: not a framelens store, another schema, damaged, locked. An InputError, so
 * the CLI reports it as a message naming the file (exit 2), never as a stack trace.
 */
export class StoreError extends InputError {}
