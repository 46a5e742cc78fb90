/**
 * The IPC handlers of the import paths that are not files: a web address, the
 * clipboard, and cancelling either while it runs. Each request may carry an id
 * the page chose; `cancelImport` with that id aborts its fetch or conversion.
 * Local addresses are fetched only when the library's settings allow them.
 */
import { AppFailure } from '../../shared/api-error';
import type { ApiReply } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import { importAddress, importClipboard } from '../importing/import-sources';
import type { DetailedImportResult } from '../importing/import-articles';
import type { ValidRequest } from './handler-types';

type SourceImportMethods = 'importFromAddress' | 'importClipboard' | 'importSystemClipboard' | 'cancelImport';
export type SourceImportHandlers = {
  [M in SourceImportMethods]: (request: ValidRequest<M>) => Promise<ApiReply<M>>;
};

function withoutArticle({
  prepared: _prepared,
  ...result
}: DetailedImportResult): ApiReply<'importFromAddress'> {
  return result as ApiReply<'importFromAddress'>;
}

/** Cancels remembered for requests not yet arrived; an id is used once, so old ones only cost memory. */
const maxEarlyCancels = 1000;

export function createSourceImportHandlers(
  store: () => LibraryStore,
  now: () => Date,
  readClipboard?: () => Promise<{ html?: string; text?: string }>,
): SourceImportHandlers {
  const running = new Map<string, AbortController>();
  // A cancel can overtake its request (both are on their way at once): remember it, bounded.
  const cancelledBeforeStart = new Set<string>();
  async function tracked<T>(
    requestId: string | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    if (requestId && cancelledBeforeStart.delete(requestId)) controller.abort();
    if (requestId) running.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (requestId) running.delete(requestId);
    }
  }
  const options = (signal: AbortSignal) => ({
    now: now(),
    signal,
    allowLocalAddresses: store().index().settings.allowLocalAddresses === true,
  });
  return {
    importFromAddress: async ({ url, requestId }) =>
      withoutArticle(await tracked(requestId, (signal) => importAddress(store(), url, options(signal)))),
    importClipboard: async ({ requestId, ...content }) =>
      withoutArticle(
        await tracked(requestId, (signal) => importClipboard(store(), content, options(signal))),
      ),
    importSystemClipboard: async ({ requestId }) => {
      if (!readClipboard)
        throw new AppFailure(
          'invalid-request',
          'Reading the clipboard needs the app: press Ctrl/Cmd+V instead.',
        );
      const content = await readClipboard();
      return withoutArticle(
        await tracked(requestId, (signal) => importClipboard(store(), content, options(signal))),
      );
    },
    cancelImport: async ({ requestId }) => {
      const controller = running.get(requestId);
      if (controller) {
        controller.abort();
        return { cancelled: true };
      }
      cancelledBeforeStart.add(requestId);
      if (cancelledBeforeStart.size > maxEarlyCancels)
        cancelledBeforeStart.delete(cancelledBeforeStart.values().next().value as string);
      return { cancelled: false };
    },
  };
}
