/**
 * Import items for the paths that are not files: each web address typed into
 * "Add from address…" (one per line), and the clipboard (HTML, plain text, or
 * a lone address). Each item carries a request id so the batch can be
 * cancelled: every request on its way (several run at once) is aborted in the
 * main process, and the items not yet started answer "cancelled" without asking.
 */
import { limits } from '../../../shared/limits';
import type { ImportResultView } from '../../../shared/contract';
import { call } from './api';
import type { ImportItem } from './import-queue';

export interface Cancellable {
  cancelled: boolean;
  /** The requests on their way now (the import queue keeps several in flight). */
  running: Set<string>;
}

let nextRequest = 0;
const requestId = () => `r${Date.now().toString(36)}-${(nextRequest += 1)}`;

/** The addresses in what the user typed: one per line (or separated by spaces), blanks ignored. */
export function parseAddresses(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function cancelledResult(name: string): ImportResultView {
  return { name, status: 'rejected', reason: 'the import was cancelled' };
}

async function tracked(batch: Cancellable, name: string, run: (id: string) => Promise<ImportResultView>) {
  if (batch.cancelled) return cancelledResult(name);
  const id = requestId();
  batch.running.add(id);
  try {
    return await run(id);
  } finally {
    batch.running.delete(id);
  }
}

export function itemsFromAddresses(addresses: string[], batch: Cancellable): ImportItem[] {
  return addresses.map((address) => ({
    name: address,
    run: () =>
      tracked(batch, address, (id) =>
        address.length > limits.urlLength
          ? Promise.resolve({
              name: address.slice(0, 80) + '…',
              status: 'rejected',
              reason: 'the address is too long',
            })
          : call('importFromAddress', { url: address, requestId: id }),
      ),
  }));
}

export interface ClipboardContent {
  html?: string;
  text?: string;
  url?: string;
}

/** What a paste event (or the clipboard API) holds, in the form the main process takes. */
export function clipboardContent(data: DataTransfer | null): ClipboardContent {
  if (!data) return {};
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  const url = data.getData('text/x-moz-url').split('\n')[0] || undefined;
  return { ...(html ? { html } : {}), ...(text ? { text } : {}), ...(url ? { url } : {}) };
}

export function itemFromClipboard(content: ClipboardContent, batch: Cancellable): ImportItem {
  const size = (content.html?.length ?? 0) + (content.text?.length ?? 0);
  return {
    name: 'Clipboard',
    run: () =>
      tracked(batch, 'Clipboard', (id) => {
        if (size > limits.importBytes)
          return Promise.resolve({
            name: 'Clipboard',
            status: 'rejected',
            reason: `the clipboard holds more than the ${limits.importBytes / 2 ** 20} MB limit`,
          });
        if (!content.html?.trim() && !content.text?.trim())
          return Promise.resolve({
            name: 'Clipboard',
            status: 'rejected',
            reason: 'the clipboard is empty (or holds no text)',
          });
        // A lone address in the clipboard takes the address path, so the result names the address.
        return call('importClipboard', { ...content, requestId: id });
      }),
  };
}

export async function cancelBatch(batch: Cancellable): Promise<void> {
  batch.cancelled = true;
  await Promise.all(
    [...batch.running].map((id) => call('cancelImport', { requestId: id }).catch(() => undefined)),
  );
}

/** "Paste as article": the main process reads the clipboard (the app); elsewhere the reason says to press Ctrl/Cmd+V. */
export function itemFromSystemClipboard(batch: Cancellable): ImportItem {
  return {
    name: 'Clipboard',
    run: () => tracked(batch, 'Clipboard', (id) => call('importSystemClipboard', { requestId: id })),
  };
}
