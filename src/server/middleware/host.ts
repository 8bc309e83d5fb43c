/**
 * Refuses requests whose Host header is not this server's own name. Binding to 127.0.0.1 keeps other machines out,
 * but not a web page in the user's browser that rebinds its own domain name to 127.0.0.1 (DNS rebinding): without
 * this check such a page could read the corpus through the API.
 */
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Host names (without port) the server answers to: loopback names plus the address it was bound to. */
export function allowedHosts(boundHost?: string): Set<string> {
  const hosts = new Set(LOOPBACK_NAMES);
  if (boundHost) hosts.add(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost);
  return hosts;
}

function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

export function hostCheck(allowed: Set<string> | null): MiddlewareHandler {
  return async (c, next) => {
    // Bound to every interface (0.0.0.0 / ::): the user chose to serve a network, any name may reach it.
    if (!allowed) return next();
    const host = c.req.header('host');
    if (host === undefined || allowed.has(hostName(host)) || /^127\.\d+\.\d+\.\d+$/.test(hostName(host))) return next();
    return errorResponse(c, 421, `This server answers only to ${[...allowed].join(', ')}; the request was for "${host}".`);
  };
}
