/**
 * A real HTTP server on 127.0.0.1 (a random port) for the address-import
 * tests: real pages from the shared Dragnet corpus, and every bad case a web
 * address can be (slow, endless, redirect loops, huge, wrong or lying types,
 * errors, binary, a gzip bomb).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

/** `../shared/corpora` beside the repository (CI), or two levels up from a worktree. */
export const corporaDir =
  ['../shared/corpora', '../../shared/corpora']
    .map((dir) => path.resolve(dir))
    .find((dir) => existsSync(dir)) ?? path.resolve('../shared/corpora');
export const dragnetHtml = path.join(corporaDir, 'dragnet', 'html');

const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
const article = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>Ministers from thirty countries met on Tuesday to discuss support, and agreed to meet again in the spring. ${title} is the subject of this page.</p><p>The talks will continue on Friday, officials said, with both delegations present.</p></article></body></html>`;

export interface LocalWebServer {
  url: (pathname: string) => string;
  close: () => Promise<void>;
  /** How many requests each path received. */
  hits: Map<string, number>;
  /** Extra routes a test can add: pathname → handler. */
  routes: Map<string, http.RequestListener>;
}

export async function startLocalWebServer(): Promise<LocalWebServer> {
  const hits = new Map<string, number>();
  /** 12 MB of spaces, gzipped to a few kilobytes. */
  const gzipBomb = zlib.gzipSync(Buffer.alloc(12 * 2 ** 20, 0x20), { level: 1 });
  const routes = new Map<string, http.RequestListener>();
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: http.OutgoingHttpHeaders = {},
    ) => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(body);
    };
    const custom = routes.get(pathname);
    if (custom) return custom(request, response);
    if (pathname.startsWith('/dragnet/')) {
      const file = path.join(dragnetHtml, path.basename(pathname));
      return readFile(file).then(
        (body) => send(200, 'text/html', body),
        () => send(404, 'text/plain', 'missing'),
      );
    }
    if (pathname.startsWith('/article/'))
      return send(200, 'text/html; charset=utf-8', article(path.basename(pathname)));
    if (pathname === '/cp1252')
      return send(
        200,
        'text/html; charset=windows-1252',
        iconv.encode(article('Café “crème” déjà vu'), 'windows-1252'),
      );
    if (pathname === '/plain')
      return send(
        200,
        'text/plain',
        'A Plain Page\n\nThe envoy said the talks were productive and would continue on Friday.\n',
      );
    if (pathname === '/slow')
      return void setTimeout(() => send(200, 'text/html', article('Slow')), 10_000).unref();
    if (pathname === '/endless') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = `<p>${'endless text '.repeat(500)}</p>`;
      const pump = () => {
        while (response.write(chunk)) if (response.destroyed) return;
        response.once('drain', pump);
      };
      response.on('error', () => {});
      return pump();
    }
    if (pathname === '/loop') return send(302, 'text/plain', '', { Location: '/loop-back' });
    if (pathname === '/loop-back') return send(302, 'text/plain', '', { Location: '/loop' });
    if (pathname.startsWith('/chain/')) {
      const n = Number(path.basename(pathname));
      return send(302, 'text/plain', '', { Location: n >= 10 ? '/article/End' : `/chain/${n + 1}` });
    }
    if (pathname === '/to-file') return send(302, 'text/plain', '', { Location: 'file:///etc/passwd' });
    if (pathname === '/huge') {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(50 * 2 ** 20) });
      return response.end();
    }
    if (pathname === '/gzip-bomb')
      return send(200, 'text/html', gzipBomb, {
        'Content-Encoding': 'gzip',
      });
    if (pathname === '/image') return send(200, 'image/png', png);
    if (pathname === '/binary')
      return send(200, 'application/octet-stream', Buffer.concat([png, Buffer.alloc(2000)]));
    if (pathname === '/lying')
      return send(200, 'text/html; charset=utf-8', Buffer.concat([png, Buffer.alloc(2000)]));
    if (pathname === '/invalid-html') return send(200, 'text/html', '<<<>>><p <div <<html</body></p></html');
    if (pathname === '/server-error') return send(500, 'text/plain', 'boom');
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    hits,
    routes,
  };
}
