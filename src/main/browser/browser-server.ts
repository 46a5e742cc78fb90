/**
 * The local HTTP server of browser mode, built on Node's `http` alone. It
 * listens on 127.0.0.1 and ::1 only, on a random free port, and answers a
 * request only after the guards in `request-guards.ts` pass: right Host, the
 * per-launch secret (token once, then an HttpOnly SameSite=Strict cookie), and
 * a same-origin Origin on the API's POST. Then it serves the built renderer,
 * or the contract's one endpoint through the dispatcher.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatcher';
import { answerApiCall, sendError } from './api-endpoint';
import {
  cookieValue,
  hostIsAllowed,
  originIsAllowed,
  sameSecret,
  sessionCookie,
  sessionCookieName,
} from './request-guards';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  /** The built renderer: `out/renderer`. */
  rendererDir: string;
  /** Where unexpected failures are reported. */
  logError?: (error: unknown) => void;
}

export interface BrowserServer {
  port: number;
  /** The per-launch secret. */
  token: string;
  /** The address to open: carries the token, which the first visit swaps for the cookie. */
  url: string;
  /** The loopback addresses actually listened on. */
  hosts: string[];
  close(): Promise<void>;
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Binds 127.0.0.1 on a free port, then ::1 on the same port (skipped where the machine has no IPv6). */
async function listenOnLoopback(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ servers: Server[]; port: number; hosts: string[] }> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const v4 = createServer(handler);
    await listen(v4, 0, '127.0.0.1');
    const { port } = v4.address() as AddressInfo;
    const v6 = createServer(handler);
    try {
      await listen(v6, port, '::1');
      return { servers: [v4, v6], port, hosts: ['127.0.0.1', '::1'] };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')
        return { servers: [v4], port, hosts: ['127.0.0.1'] };
      await closeServer(v4);
      if (code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error('No free port was found on both 127.0.0.1 and ::1.');
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(32).toString('base64url');
  const logError = options.logError ?? ((error) => console.error(error));
  let port = 0;
  let cookieName = '';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostIsAllowed(request, port)) {
      request.resume();
      return refuse(response, 403, 'Refused: this server answers only to its loopback address.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!sameSecret(cookieValue(request, cookieName), token)) {
      if (request.method === 'GET' && sameSecret(url.searchParams.get('token'), token)) {
        url.searchParams.delete('token');
        response.writeHead(303, {
          ...securityHeaders,
          'Set-Cookie': sessionCookie(cookieName, token),
          Location: `${url.pathname}${url.search}`,
        });
        return void response.end();
      }
      request.resume();
      return refuse(
        response,
        401,
        'Not signed in: open the address Briefing Reader printed in its terminal (it carries a one-launch key).',
      );
    }
    if (url.pathname === '/api') {
      if (request.method !== 'POST') return refuse(response, 405, 'The API takes POST only.');
      if (!originIsAllowed(request, port)) {
        request.resume();
        return sendError(response, 403, {
          code: 'invalid-request',
          message: 'Refused: the request came from another origin.',
        });
      }
      return answerApiCall(request, response, options.dispatch);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      return refuse(response, 405, 'Method not allowed.');
    }
    return serveStatic(request, response, options.rendererDir, url.pathname);
  }

  const listening = await listenOnLoopback((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logError(error);
      if (!response.headersSent) refuse(response, 500, 'Internal error; details are in the terminal.');
      else response.destroy();
    });
  });
  port = listening.port;
  cookieName = sessionCookieName(port);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    hosts: listening.hosts,
    close: async () => void (await Promise.all(listening.servers.map(closeServer))),
  };
}
