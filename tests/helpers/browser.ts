/** Starts an app on a loopback port and Debian's Chromium driven by playwright-core, as every e2e test file needs. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { listen } from '../../src/server/listen.js';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run on a machine without network: no background connections, no component updates. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

export interface BrowserRig {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserRig(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<BrowserRig> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install the Debian package "chromium" or set CHROMIUM_PATH; the e2e tests need a real browser.`);
  }
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = listen(app.fetch, 0, '127.0.0.1', (info: AddressInfo) => resolve(info.port));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
