/**
 * The checks a browser-mode request passes before anything else happens:
 * - the Host header names this server by loopback address (a DNS-rebinding
 *   page on another name is refused);
 * - the request carries the session cookie, or the launch token (which a GET
 *   exchanges for the cookie);
 * - a state-changing request carries an Origin equal to this server.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`];
}

export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/** Same-origin only: the Origin must be `http://` plus one of this server's host names. */
export function originIsAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin !== undefined && allowedHosts(port).some((host) => origin === `http://${host}`);
}

/** Cookies are shared across ports on one host, so the name carries the port. */
export function sessionCookieName(port: number): string {
  return `briefing-session-${port}`;
}

export function sameSecret(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function sessionCookie(name: string, secret: string): string {
  return `${name}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}
