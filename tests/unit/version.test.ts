import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_NAME, TOOL_VERSION } from '../../src/version.js';

describe('tool version', () => {
  it('matches package.json, so reports name the version that wrote them', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(TOOL_NAME).toBe(pkg.name);
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
