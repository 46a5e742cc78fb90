/**
 * `window.api` for browser mode, where no preload exists: built from the same
 * channel list as the preload's, each method POSTing `{ channel, payload }` to
 * the local server's one endpoint (the session cookie rides along; byte arrays
 * travel as tagged base64). The server answers with the same envelopes as the
 * Electron IPC. The one event, the File menu's import command, comes from the
 * keyboard here (Ctrl/Cmd+O), as the menu's accelerator does in the app.
 */
import type { ApiEnvelope } from '../../../shared/api-error';
import type { BriefingApi } from '../../../shared/api-types';
import { buildApi } from '../../../shared/build-api';
import { channels, events } from '../../../shared/channels';
import { encodeBytes } from '../../../shared/wire-bytes';

const unreachable: ApiEnvelope<never> = {
  ok: false,
  error: {
    code: 'internal',
    message:
      'The Briefing Reader server is not answering. Is it still running in its terminal? Start it again with npm start.',
  },
};

/**
 * Calls go one at a time, in the order the page makes them. Electron's IPC
 * delivers messages in order; separate HTTP requests may travel on separate
 * connections and arrive swapped, so a later save could land before an earlier one.
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Imports go out at once, beside the queue: they only add new articles, so their
 * order against edits does not matter, and one can take a minute (a slow
 * address). Queued, it would hold every save behind it, and its own Cancel too.
 */
const unordered = new Set<string>([
  channels.importFiles,
  channels.importPickedFile,
  channels.importFromAddress,
  channels.importClipboard,
  channels.importSystemClipboard,
  channels.cancelImport,
]);

function invoke(channel: string, request: unknown): Promise<ApiEnvelope<unknown>> {
  if (unordered.has(channel)) return send(channel, request);
  const next = queue.then(() => send(channel, request));
  queue = next.catch(() => undefined);
  return next;
}

async function send(channel: string, request: unknown): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, payload: encodeBytes(request) }),
    });
  } catch {
    return unreachable;
  }
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'This page is not signed in to the server (it was restarted?). Open the new address it printed.',
      },
    };
  }
  try {
    return (await response.json()) as ApiEnvelope<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `The server answered ${response.status} without a reply.` },
    };
  }
}

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  if (channel !== events.onMenuCommand) return () => {};
  const onKeydown = (event: KeyboardEvent) => {
    const command = event.ctrlKey || event.metaKey;
    if (!command || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'o') return;
    event.preventDefault();
    listener('import-articles');
  };
  window.addEventListener('keydown', onKeydown);
  return () => window.removeEventListener('keydown', onKeydown);
}

export function httpApi(): BriefingApi {
  return buildApi(invoke, subscribe);
}

/** Browser mode's open-file dialog: the page's own file picker, resolving to the chosen files (none if cancelled). */
export function chooseLocalFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.txt,.md,.markdown,.html,.htm';
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}
