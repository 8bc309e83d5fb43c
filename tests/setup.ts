import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

// Each test file's temporary directories go when the file ends.
afterAll(removeTempDirs);
