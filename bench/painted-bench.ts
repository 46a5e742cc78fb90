/**
 * What an edit costs the user on a large article (issue "One coherent
 * workspace"): on a 100,000-word article with 1,000 highlights, open in the
 * built renderer in Chromium with `window.api` bridged to the real app core,
 * - the wall time from a highlight request (key 1 on a selection) to the new
 *   highlight on screen (the first frame after it is in the DOM), p50/p95;
 * - the same for a note autosave, to the editor and header saying "Saved";
 * - the bytes crossing IPC per edit (request + reply), next to what a reload
 *   of the article would cost, and how many reloads the edits caused (0);
 * - the errors the renderer threw or logged during the edits (0).
 */
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { TextIndex } from '../src/main/anchoring/text-index';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { openLibraryStore } from '../src/main/store/library-store';
import { rendererDir, serveApp } from '../tests/e2e/harness/served-app';
import { highlightsOn, longArticle } from './annotation-bench';
import { brownParagraphs } from './brown-corpus';
import { percentile, round } from './stats';

const reloadMethods = ['article:get', 'library:list', 'tags:list', 'highlights:list'];

interface IpcCall {
  channel: string;
  bytes: number;
  ms: number;
  /** When the call was made and when its reply was read (the page's `performance.now()`). */
  sentAt: number;
  repliedAt: number;
  /** The server's own time on the call (its `Server-Timing` header): validation, use case, durable write. */
  serverMs: number;
  /** When the server got the call, on the page's clock (from the header's wall-clock time). */
  receivedAt: number;
}

/** Counts the bytes of every call through the HTTP transport (request and reply bodies), and its time. */
async function meterIpc(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = window as unknown as { __ipcCalls: IpcCall[] };
    const send = window.fetch.bind(window);
    target.__ipcCalls = [];
    window.fetch = async (input, init) => {
      if (String(input) !== '/api' || typeof init?.body !== 'string') return send(input, init);
      const started = performance.now();
      const response = await send(input, init);
      const reply = await response.clone().text();
      const repliedAt = performance.now();
      target.__ipcCalls.push({
        channel: (JSON.parse(init.body) as { channel: string }).channel,
        ms: repliedAt - started,
        bytes: init.body.length + reply.length,
        sentAt: started,
        repliedAt,
        serverMs: Number(/app;dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1] ?? NaN),
        receivedAt:
          Number(/received;desc="([\d.]+)"/.exec(response.headers.get('Server-Timing') ?? '')?.[1] ?? NaN) -
          performance.timeOrigin,
      });
      return response;
    };
  });
}

export const takeCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ipcCalls: IpcCall[] }).__ipcCalls.splice(0));

/** Selects a few words in paragraph `n`, presses 1, and times until the new highlight is on screen. */
export function highlightPainted(page: Page, n: number): Promise<number> {
  return page.evaluate(async (n) => {
    const paragraphs = document.querySelectorAll<HTMLElement>('.body p[data-block]');
    const paragraph = paragraphs[(n * 37) % paragraphs.length]!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let node: Text | null = null;
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      if (/(?<!\S)(\S+\s+){3}\S+/.test(text.data)) {
        node = text;
        break;
      }
    }
    if (!node) throw new Error('no text to select');
    const match = /(?<!\S)\S+\s+\S+\s+\S+/.exec(node.data)!;
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const known = new Set(
      Array.from(document.querySelectorAll<HTMLElement>('[data-highlight-ids]')).flatMap((element) =>
        element.dataset['highlightIds']!.split(' '),
      ),
    );
    const body = document.querySelector('.body')!;
    const started = performance.now();
    const painted = new Promise<number>((resolve) => {
      const observer = new MutationObserver((records) => {
        // Only what the mutations touched is looked at: a query over the whole body per mutation would
        // time the observer, not the app. (No named helper: tsx would wrap it in a `__name` the page lacks.)
        const touched = records.flatMap((record) =>
          record.type === 'attributes' ? [record.target] : [...record.addedNodes],
        );
        const fresh = touched.some(
          (node) =>
            node instanceof HTMLElement &&
            [node, ...node.querySelectorAll<HTMLElement>('[data-highlight-ids]')].some((element) =>
              (element.dataset['highlightIds'] ?? '').split(' ').some((id) => id !== '' && !known.has(id)),
            ),
        );
        if (!fresh) return;
        observer.disconnect();
        const domAt = performance.now();
        requestAnimationFrame(() => {
          const paintedAt = performance.now();
          (window as unknown as { __lastEdit: object }).__lastEdit = { started, domAt, paintedAt };
          resolve(paintedAt - started);
        });
      });
      observer.observe(body, { childList: true, subtree: true, attributes: true });
    });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    return painted;
  }, n);
}

/** Types into the selected highlight's note, leaves the field (which saves), and times until "Saved" shows. */
export async function noteSaved(page: Page, n: number): Promise<number> {
  const field = page.getByLabel('Note (Markdown)');
  await field.focus();
  await page.keyboard.type(` note ${n}`);
  return page.evaluate(async () => {
    const status = document.querySelector<HTMLElement>('[aria-label="Selected highlight"] .status')!;
    const header = document.querySelector<HTMLElement>('header .saved')!;
    const started = performance.now();
    const saved = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (status.dataset['state'] !== 'saved' || header.dataset['state'] !== 'saved') return;
        observer.disconnect();
        const domAt = performance.now();
        requestAnimationFrame(() => {
          const paintedAt = performance.now();
          (window as unknown as { __lastEdit: object }).__lastEdit = { started, domAt, paintedAt };
          resolve(paintedAt - started);
        });
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    });
    (document.activeElement as HTMLElement).blur();
    return saved;
  });
}

/** The built renderer in Chromium on a store holding a 100,000-word article with 1,000 highlights, its calls metered. */
export async function openLongArticle(workDir: string, log: (line: string) => void) {
  try {
    await access(path.join(rendererDir, 'index.html'));
  } catch {
    log('building the renderer (electron-vite build)…');
    await promisify(execFile)('npx', ['electron-vite', 'build'], { maxBuffer: 1 << 24 });
  }
  const profileDir = path.join(workDir, 'painted-profile');
  const storeDir = path.join(profileDir, 'store');
  await mkdir(storeDir, { recursive: true });
  const raw = longArticle(await brownParagraphs(), 100_000);
  const article = articleFromPlainText(raw, { sourceFile: 'long.txt', addedAt: new Date().toISOString() });
  const store = await openLibraryStore({ dir: storeDir, backups: false });
  await store.addArticles([article]);
  const existing = highlightsOn(new TextIndex(article.cleaned.text), 1000);
  await store.updateAnnotations(article.record.id, (shard) => void shard.highlights.push(...existing));
  await store.close();

  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Errors the renderer throws or logs (a Svelte effect loop, a failed save): each one is a defect.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const app = await serveApp(page, profileDir);
  await meterIpc(page);
  log(`opening the ${article.record.wordCount.toLocaleString('en')}-word article with 1,000 highlights…`);
  await page.getByText('A Very Long Report on Everything').click();
  await page.locator('.body').waitFor();
  const close = async () => {
    await app.close();
    await browser.close();
  };
  return { page, article, errors, close };
}

export async function runPaintedBench(
  workDir: string,
  log: (line: string) => void,
  samples = 40,
): Promise<Record<string, number>> {
  const { page, article, errors, close } = await openLongArticle(workDir, log);
  try {
    const reloadBytes = (await takeCalls(page)).find((call) => call.channel === 'article:get')?.bytes ?? 0;
    const errorsBefore = errors.length;

    log(`highlighting ${samples} times…`);
    const highlightMs: number[] = [];
    const highlightBytes: number[] = [];
    const highlightIpcMs: number[] = [];
    let reloads = 0;
    for (let n = 0; n < samples; n += 1) {
      highlightMs.push(await highlightPainted(page, n));
      await page.waitForFunction(
        () => document.querySelector('header .saved')?.getAttribute('data-state') === 'saved',
      );
      const calls = await takeCalls(page);
      reloads += calls.filter((call) => reloadMethods.includes(call.channel)).length;
      highlightBytes.push(calls.reduce((sum, call) => sum + call.bytes, 0));
      highlightIpcMs.push(calls.reduce((sum, call) => sum + call.ms, 0));
    }

    log(`saving a note ${samples} times…`);
    const noteMs: number[] = [];
    const noteBytes: number[] = [];
    const noteIpcMs: number[] = [];
    const noteServerMs: number[] = [];
    for (let n = 0; n < samples; n += 1) {
      noteMs.push(await noteSaved(page, n));
      const calls = await takeCalls(page);
      noteServerMs.push(calls.reduce((sum, call) => sum + call.serverMs, 0));
      reloads += calls.filter((call) => reloadMethods.includes(call.channel)).length;
      noteBytes.push(calls.reduce((sum, call) => sum + call.bytes, 0));
      noteIpcMs.push(calls.reduce((sum, call) => sum + call.ms, 0));
    }
    for (const error of new Set(errors.slice(errorsBefore))) log(`renderer error: ${error}`);
    return {
      painted_article_words: article.record.wordCount,
      article_reload_bytes_100k_words: reloadBytes,
      highlight_painted_p50_ms_100k_words: round(percentile(highlightMs, 50), 1),
      highlight_painted_p95_ms_100k_words: round(percentile(highlightMs, 95), 1),
      highlight_ipc_bytes_100k_words: percentile(highlightBytes, 50),
      highlight_ipc_roundtrip_p95_ms_100k_words: round(percentile(highlightIpcMs, 95), 1),
      note_autosave_painted_p50_ms: round(percentile(noteMs, 50), 1),
      note_autosave_painted_p95_ms: round(percentile(noteMs, 95), 1),
      note_autosave_ipc_bytes: percentile(noteBytes, 50),
      note_autosave_ipc_roundtrip_p95_ms: round(percentile(noteIpcMs, 95), 1),
      // The server's own share of that round trip (validation, the save and its durable writes).
      note_autosave_server_p50_ms: round(percentile(noteServerMs, 50), 1),
      note_autosave_server_p95_ms: round(percentile(noteServerMs, 95), 1),
      reloads_during_edits: reloads,
      renderer_errors_during_edits: errors.length - errorsBefore,
    };
  } finally {
    await close();
  }
}
