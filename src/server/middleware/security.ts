/**
 * Security headers: a strict CSP (scripts and styles only from this server, no inline script, no plugins, no
 * framing, no <base>, forms post only here) plus hono's default hardening headers.
 */
import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';

export function security(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'no-referrer',
    // Plain HTTP on this machine: HSTS would only confuse; framing is refused outright, as the CSP says.
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
  });
}
