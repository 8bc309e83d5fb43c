import { afterEach, describe, expect, it, vi } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import { UsageError } from '../../src/cli/common.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('framelens serve', () => {
  it('serves the bundled seeds on 127.0.0.1, prints the address, and stops on SIGTERM', async () => {
    const lines: string[] = [];
    const real = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('listening on ')) {
        lines.push(chunk);
        return true;
      }
      return (real as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    const done = runServe(['--port', '0']);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 20_000, interval: 50 });
    const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)\n$/.exec(lines[0]);
    expect(match).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${match![1]}/compare?outlets=AFP&outlets=Press%20TV`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<section class="column"');
    process.emit('SIGTERM');
    await expect(done).resolves.toBe(0);
    await expect(fetch(`http://127.0.0.1:${match![1]}/`)).rejects.toThrow();
  }, 30_000);

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--nope']])('rejects %s %s', async (...args) => {
    await expect(runServe(args.filter((a): a is string => typeof a === 'string'))).rejects.toBeInstanceOf(UsageError);
  });
});
