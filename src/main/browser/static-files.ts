/**
 * Serves the built renderer (`out/renderer`) to the browser: only GET and HEAD,
 * only files inside that folder, with explicit content types (nosniff is on).
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { securityHeaders } from './security-headers';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDir: string,
  pathname: string,
): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return sendText(response, 400, 'Bad path');
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const file = path.resolve(rendererDir, `.${path.posix.normalize(relative)}`);
  if (!file.startsWith(rendererDir + path.sep)) return sendText(response, 404, 'Not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(response, 404, 'Not found');
  const body = await readFile(file);
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
