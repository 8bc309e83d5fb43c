import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import { UsageError } from '../../src/cli/common.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Starts `framelens serve --port 0` in-process and waits for its "listening on" line (kept off the test output). */
async function startServe(): Promise<{ done: Promise<number>; line: string }> {
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
  return { done, line: lines[0] };
}

describe('framelens serve', () => {
  it('serves the bundled seeds on 127.0.0.1, prints the address, and stops on SIGTERM', async () => {
    const { done, line: listening } = await startServe();
    const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)\n$/.exec(listening);
    expect(match).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${match![1]}/compare?outlets=AFP&outlets=Press%20TV`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<section class="column"');
    process.emit('SIGTERM');
    await expect(done).resolves.toBe(0);
    await expect(fetch(`http://127.0.0.1:${match![1]}/`)).rejects.toThrow();
  }, 30_000);

  it('accepts streamed (chunked) uploads within the limit, refuses larger ones, and refuses foreign Host names', async () => {
    const { done, line: listening } = await startServe();
    const port = Number(/:(\d+)\n$/.exec(listening)![1]);
    // Raw HTTP so that the body really is chunked and the Host header is ours to set.
    const send = (path: string, options: { method?: string; host?: string; chunks?: string[]; type?: string }) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: {
          ...(options.host ? { host: options.host } : {}),
          ...(options.chunks ? { 'content-type': options.type ?? 'application/json', 'transfer-encoding': 'chunked' } : {}),
        } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => { body += d; });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (const chunk of options.chunks ?? []) req.write(chunk);
        req.end();
      });
    const json = JSON.stringify({ texts: [
      { outlet: 'Wire', text: 'Iran-backed militias attacked US forces near Erbil.' },
      { outlet: 'State TV', text: 'The resistance struck the American occupation forces again.' },
    ] });
    const ok = await send('/api/analyze', { method: 'POST', chunks: [json.slice(0, 40), json.slice(40)] });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).columns).toHaveLength(2);
    // A streamed body over the limit: fetch with a ReadableStream sends it chunked, without a Content-Length.
    const megabyte = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(megabyte);
        else controller.close();
      },
    });
    const big = await fetch(`http://127.0.0.1:${port}/api/analyze`, {
      method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(big.status).toBe(413);
    const empty = await send('/api/analyze', { method: 'POST', chunks: [] });
    expect(empty.status).toBe(400);
    const rebinding = await send('/api/report', { host: `attacker.example:${port}` });
    expect(rebinding.status).toBe(421);
    expect(JSON.parse(rebinding.body).error).toMatch(/answers only to/);
    expect((await send('/api/outlets', { host: `localhost:${port}` })).status).toBe(200);
    process.emit('SIGTERM');
    await expect(done).resolves.toBe(0);
  }, 30_000);

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--nope']])('rejects %s %s', async (...args) => {
    await expect(runServe(args.filter((a): a is string => typeof a === 'string'))).rejects.toBeInstanceOf(UsageError);
  });
});
