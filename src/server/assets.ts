/**
 * Static files: a fixed allow-list, looked up by exact name, read once and kept in memory. No path from a request
 * ever reaches the file system, so "..", encoded slashes and the like simply find no entry (404).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Context } from 'hono';
import { packageRoot, webRoot } from '../paths.js';

interface Asset {
  file: () => string;
  type: string;
}

function chartJsFile(): string {
  try {
    // chart.js exports no subpath for the UMD build: find the package, then the file inside it.
    const main = createRequire(import.meta.url).resolve('chart.js');
    return join(main, '..', 'chart.umd.js');
  } catch {
    return join(packageRoot(), 'node_modules', 'chart.js', 'dist', 'chart.umd.js');
  }
}

const JS = 'text/javascript; charset=utf-8';

export const ASSETS: ReadonlyMap<string, Asset> = new Map<string, Asset>([
  ['style.css', { file: () => join(webRoot(), 'style.css'), type: 'text/css; charset=utf-8' }],
  ['overview.js', { file: () => join(webRoot(), 'overview.js'), type: JS }],
  ['marks.js', { file: () => join(webRoot(), 'marks.js'), type: JS }],
  ['time-chart.js', { file: () => join(webRoot(), 'time-chart.js'), type: JS }],
  ['favicon.svg', { file: () => join(webRoot(), 'favicon.svg'), type: 'image/svg+xml' }],
  ['chart.umd.js', { file: chartJsFile, type: JS }],
]);

const cache = new Map<string, Uint8Array>();

function load(name: string): Uint8Array | undefined {
  const asset = ASSETS.get(name);
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(asset.file());
    cache.set(name, body);
  }
  return body;
}

export function serveAsset(c: Context): Response | undefined {
  const name = c.req.param('name') ?? '';
  const body = load(name);
  if (!body) return undefined;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': ASSETS.get(name)!.type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
}
