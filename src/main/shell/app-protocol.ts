/**
 * Serves the built renderer from the app's own privileged scheme,
 * `app://renderer/…`, instead of `file://` (Electron security checklist,
 * item 18): under `file://` the page's origin and the CSP's `'self'` would
 * cover every file on the disk; under `app://renderer` they cover the
 * renderer's own files only. Requests that leave the renderer folder (`..`,
 * encoded or not) or name no file are answered 404; nothing else is served.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const appScheme = 'app';
export const appHost = 'renderer';
/** The page the window loads. */
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Must run before the app is ready: makes `app:` a standard, secure scheme (origin, CSP 'self', fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file under `rendererDir` that `url` names, or null if it names none (or one outside it). */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Answers one request for the renderer's files. */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  const file = rendererFileFor(url, rendererDir);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type, 'x-content-type-options': 'nosniff' } });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** After ready: serves `rendererDir` on `app://renderer/`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, (request) => rendererResponse(request.url, rendererDir));
}
