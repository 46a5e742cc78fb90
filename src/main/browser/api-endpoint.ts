/**
 * The one API endpoint of browser mode: `POST /api` with a JSON body
 * `{ "channel": "...", "payload": ... }`, answered with the same envelope the
 * Electron IPC answers, by the same dispatcher (so the same zod validation of
 * request and reply, and the same typed errors). Bodies over the size limit and
 * bodies that are not such JSON get a typed error and reach no handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEnvelope, ApiErrorRecord } from '../../shared/api-error';
import { reviveBytes } from '../../shared/wire-bytes';
import type { Dispatch } from '../ipc/dispatcher';
import { securityHeaders } from './security-headers';

/** 8 MB: room for one file at the 5 MB import limit, base64-encoded (6.7 MB), and the rest of the request. */
export const maxRequestBytes = 8 * 2 ** 20;

/** When the server got a call (wall-clock milliseconds) and how long the app took to answer it. */
export interface CallTiming {
  receivedAt: number;
  dispatchMs: number;
}

/**
 * `timing`, when given, goes out as a `Server-Timing` header: when the call arrived and how long the
 * app took to answer (validation, the use case, its durable write), so the painted benchmark can
 * tell the server's share of a round trip from the way there and the way back.
 */
export function sendEnvelope(
  response: ServerResponse,
  status: number,
  envelope: ApiEnvelope<unknown>,
  timing?: CallTiming,
): void {
  const body = JSON.stringify(envelope);
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...(timing === undefined
      ? {}
      : {
          'Server-Timing': `app;dur=${timing.dispatchMs.toFixed(2)}, received;desc="${timing.receivedAt.toFixed(2)}"`,
        }),
  });
  response.end(body);
}

export function sendError(response: ServerResponse, status: number, error: ApiErrorRecord): void {
  sendEnvelope(response, status, { ok: false, error });
}

/** Reads the body up to `limit` bytes; beyond that it drains the rest and answers null. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    request.on('error', reject);
  });
}

function parseCall(body: Buffer): { channel: string; payload: unknown } | null {
  let parsed: unknown;
  try {
    parsed = reviveBytes(JSON.parse(body.toString('utf8')));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { channel, payload } = parsed as { channel?: unknown; payload?: unknown };
  return typeof channel === 'string' ? { channel, payload } : null;
}

const tooLarge: ApiErrorRecord = {
  code: 'invalid-request',
  message: `The request is larger than the ${Math.round(maxRequestBytes / 2 ** 20)} MB limit of the browser mode's API, so it was not read.`,
};

export async function answerApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  dispatch: Dispatch,
): Promise<void> {
  const receivedAt = performance.timeOrigin + performance.now();
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxRequestBytes) {
    request.resume();
    return sendError(response, 413, tooLarge);
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    request.resume();
    return sendError(response, 415, {
      code: 'invalid-request',
      message: 'The API accepts only application/json requests.',
    });
  }
  const body = await readBody(request, maxRequestBytes);
  if (body === null) return sendError(response, 413, tooLarge);
  const call = parseCall(body);
  if (!call) {
    return sendError(response, 400, {
      code: 'invalid-request',
      message: 'The request body must be JSON of the form {"channel": "...", "payload": {...}}.',
    });
  }
  const started = performance.now();
  const envelope = await dispatch(call.channel, call.payload);
  sendEnvelope(response, 200, envelope, { receivedAt, dispatchMs: performance.now() - started });
}
