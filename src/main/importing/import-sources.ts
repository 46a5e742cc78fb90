/**
 * The two import paths that do not start from a file: a web address (fetched
 * in the main process by `fetchPage`, then imported as its content type says)
 * and the clipboard (HTML through the HTML path, keeping the source address
 * when the clipboard carries one; plain text through the text path; a lone
 * address through the address path). Both end in `importDetailed`, the same
 * pipeline and duplicate check as files.
 */
import { fetchPage, type FetchOptions } from '../fetching/fetch-page';
import type { LibraryStore } from '../store/library-store';
import { importDetailed, normalisedUrl, type DetailedImportResult } from './import-articles';

export interface AddressOptions extends FetchOptions {
  now: Date;
}

export async function importAddress(
  store: LibraryStore,
  address: string,
  options: AddressOptions,
): Promise<DetailedImportResult> {
  const name = address.trim();
  const wanted = normalisedUrl(name);
  const known =
    wanted && store.index().articles.find((record) => normalisedUrl(record.source.url) === wanted);
  if (known) return { name, status: 'duplicate', articleId: known.id, title: known.title, sourceKind: 'url' };
  const fetched = await fetchPage(name, options);
  if (!fetched.ok) return { name, status: 'rejected', reason: fetched.reason };
  const { bytes, format, charset, url } = fetched;
  const [result] = await importDetailed(
    store,
    [{ name, bytes, kind: 'url', url, format, charset }],
    options.now,
    options.signal,
  );
  return result!;
}

export interface ClipboardContent {
  html?: string;
  text?: string;
  /** The page the copied HTML came from, when the clipboard says. */
  url?: string;
}

const loneAddress = /^https?:\/\/\S+$/i;

export async function importClipboard(
  store: LibraryStore,
  content: ClipboardContent,
  options: AddressOptions,
): Promise<DetailedImportResult> {
  const name = 'Clipboard';
  const html = content.html?.trim() ?? '';
  const text = content.text?.trim() ?? '';
  if (!html && loneAddress.test(text)) return importAddress(store, text, options);
  if (!html && !text)
    return { name, status: 'rejected', reason: 'the clipboard is empty (or holds no text)' };
  const url = content.url && loneAddress.test(content.url.trim()) ? content.url.trim() : null;
  const [result] = await importDetailed(
    store,
    [
      html
        ? { name, bytes: new TextEncoder().encode(html), kind: 'clipboard', format: 'html', url }
        : { name, bytes: new TextEncoder().encode(text), kind: 'clipboard', format: 'text', url },
    ],
    options.now,
    options.signal,
  );
  return result!;
}
