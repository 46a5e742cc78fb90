/**
 * Fetches one web page for import, in the main process, by these rules (the
 * README repeats them): http and https only; at most 5 redirects, a loop named
 * as such; an answer timeout (connecting and the first byte) and a total one;
 * the size cap of file imports, enforced while the body streams (after
 * decompression, so a gzip bomb stops at the cap too); no cookies, no
 * credentials, a plain user agent naming the app; private and loopback
 * addresses refused, checked on the resolved IPs, unless allowed. The content
 * type decides the format (HTML, text, Markdown, PDF, DOCX); a page that is
 * really a PDF is read as one whatever it claims; anything else is refused.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { importLimits, type InputFormat } from '../importing/import-limits';
import { isLocalAddress } from './blocked-addresses';

export interface FetchOptions {
  allowLocalAddresses?: boolean;
  signal?: AbortSignal;
  /** Until the server has answered (connected and sent its headers). */
  answerTimeoutMs?: number;
  /** For the whole fetch, redirects and body included. */
  totalTimeoutMs?: number;
  maxBytes?: number;
}

export const fetchRules = {
  maxRedirects: 5,
  answerTimeoutMs: 15_000,
  totalTimeoutMs: 45_000,
  userAgent: 'BriefingReader/0.1 (article import; +https://briefing-reader.invalid/)',
} as const;

export type Fetched =
  | { ok: true; url: string; bytes: Uint8Array; format: InputFormat; charset: string | null }
  | { ok: false; reason: string };

class FetchRefusal extends Error {}

const formats: Record<string, InputFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

function checkedLookup(allowLocal: boolean) {
  return (
    hostname: string,
    options: { family?: number; all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = !allowLocal && addresses.find((entry) => isLocalAddress(entry.address));
      if (refused)
        return callback(
          Object.assign(new Error(`blocked address ${refused.address}`), { code: 'EBLOCKEDADDRESS' }),
          [],
        );
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

const blockedReason =
  'the address is on this computer or a private network, which is blocked (the allowLocalAddresses setting permits it)';

function describeNetworkError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EBLOCKEDADDRESS':
      return blockedReason;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such server (the name could not be resolved)';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
      return 'the server closed the connection';
    default:
      return `it could not be fetched (${error.code ?? error.message})`;
  }
}

function statusReason(status: number): string {
  if (status === 404 || status === 410) return `not found (HTTP ${status})`;
  if (status === 401 || status === 403) return `the server refused access (HTTP ${status})`;
  if (status >= 500) return `the server failed (HTTP ${status})`;
  return `the server answered HTTP ${status}`;
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function formatOf(mime: string, bytes: Uint8Array): InputFormat | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  const declared = formats[mime];
  if (declared) return declared;
  if (mime === '' || mime === 'application/octet-stream' || mime === 'binary/octet-stream') {
    if (/^\s*<(!doctype html|html|head|body|article|p|div|meta)\b/i.test(head.slice(0, 200))) return 'html';
    if (head.startsWith('PK\u0003\u0004')) return 'docx';
    return 'text';
  }
  return null;
}

function requestOnce(
  url: URL,
  options: Required<Omit<FetchOptions, 'signal'>> & { signal?: AbortSignal },
): Promise<{ response: IncomingMessage; release: () => void }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: checkedLookup(options.allowLocalAddresses) as never,
      headers: {
        'User-Agent': fetchRules.userAgent,
        Accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1',
        'Accept-Encoding': 'gzip, deflate, br',
      },
      signal: options.signal,
    });
    const answer = setTimeout(() => {
      request.destroy(new FetchRefusal(`no answer in ${Math.round(options.answerTimeoutMs / 1000)} s`));
    }, options.answerTimeoutMs);
    request.on('response', (response) => {
      clearTimeout(answer);
      resolve({ response, release: () => request.destroy() });
    });
    request.on('error', (error) => {
      clearTimeout(answer);
      reject(error);
    });
    request.end();
  });
}

async function readBody(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      throw new FetchRefusal(`the page is larger than the ${Math.round(maxBytes / 2 ** 20)} MB limit`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function parseAddress(address: string): URL | string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return 'it is not a web address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `only http and https addresses are fetched (not ${url.protocol.replace(/:$/, '')})`;
  if (url.username || url.password) return 'addresses with a user name or password are not fetched';
  return url;
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const parsed = parseAddress(address);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const settings = {
    allowLocalAddresses: options.allowLocalAddresses ?? false,
    answerTimeoutMs: options.answerTimeoutMs ?? fetchRules.answerTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? fetchRules.totalTimeoutMs,
    maxBytes: options.maxBytes ?? importLimits.maxFileBytes,
  };
  const total = new AbortController();
  const totalTimer = setTimeout(() => total.abort(), settings.totalTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, total.signal]) : total.signal;
  const seen = new Set<string>();
  let url = parsed;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !settings.allowLocalAddresses && isLocalAddress(host))
        return { ok: false, reason: blockedReason };
      seen.add(url.href);
      const { response, release } = await requestOnce(url, { ...settings, signal });
      try {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          const next = parseAddress(new URL(response.headers.location, url).href);
          if (typeof next === 'string')
            return { ok: false, reason: `it redirects to an address that ${next.replace(/^it /, '')}` };
          if (seen.has(next.href)) return { ok: false, reason: 'it redirects in a loop' };
          if (redirects + 1 > fetchRules.maxRedirects)
            return { ok: false, reason: `too many redirects (more than ${fetchRules.maxRedirects})` };
          url = next;
          continue;
        }
        if (status < 200 || status >= 300) return { ok: false, reason: statusReason(status) };
        const length = Number(response.headers['content-length'] ?? 0);
        if (length > settings.maxBytes)
          return {
            ok: false,
            reason: `the page is larger than the ${Math.round(settings.maxBytes / 2 ** 20)} MB limit`,
          };
        const [mime = '', ...parameters] = (response.headers['content-type'] ?? '').split(';');
        const known = formats[mime.trim().toLowerCase()] ?? null;
        const loose = ['', 'application/octet-stream', 'binary/octet-stream'].includes(
          mime.trim().toLowerCase(),
        );
        if (!known && !loose)
          return {
            ok: false,
            reason: `it is not HTML or text (the server says ${mime.trim().toLowerCase()})`,
          };
        const bytes = await readBody(decompressed(response), settings.maxBytes);
        const format = formatOf(mime.trim().toLowerCase(), bytes);
        if (!format) return { ok: false, reason: `it is not HTML or text (the server says ${mime.trim()})` };
        const charset = parameters
          .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(parameter)?.[1] ?? null)
          .find(Boolean);
        return { ok: true, url: url.href, bytes, format, charset: charset ?? null };
      } finally {
        release();
      }
    }
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, reason: 'the import was cancelled' };
    if (total.signal.aborted)
      return { ok: false, reason: `no complete answer in ${Math.round(settings.totalTimeoutMs / 1000)} s` };
    if (error instanceof FetchRefusal) return { ok: false, reason: error.message };
    return { ok: false, reason: describeNetworkError(error as NodeJS.ErrnoException) };
  } finally {
    clearTimeout(totalTimer);
  }
}
