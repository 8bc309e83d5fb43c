/**
 * The HTTP listener every caller of the app uses (`framelens serve`, the server bench, the browser tests), so that
 * what is measured and tested is what runs.
 *
 * @hono/node-server's own Request and Response classes are installed as the process's globals (its default,
 * `overrideGlobalObjects`): a page answered as a string or bytes is then written straight to the socket. With
 * Node's (undici's) Response instead, every answer became a Response object whose body was read back through a web
 * stream and encoded again: ~0.7 ms of the serving thread's ~4.5 ms CPU per request on the 10k store's first pass
 * (docs/scale.md, session 16). The globals are changed for the whole process: call this only in a process that
 * serves, not in a library.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export function listen(fetch: FetchHandler, port: number, hostname: string, onListening?: (info: AddressInfo) => void): ServerType {
  return serve({ fetch, port, hostname, overrideGlobalObjects: true }, onListening);
}
