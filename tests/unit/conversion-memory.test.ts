/**
 * Converting page after page in one process keeps the heap bounded. Every jsdom
 * window queues a `process.nextTick` callback holding the whole page, and Node
 * runs those only once the promise queue is empty: a loop of conversions in one
 * promise chain (the cleaning evaluation, a command-line batch) kept every page
 * in memory, about 6 MB a page, and later pages ran many times slower in the
 * garbage collector. The heap is measured after a full collection, not timed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { convertInput } from '../../src/main/importing/convert-input';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const heapAfterCollection = () => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const sentence =
  'Officials from thirty countries met in Brussels on Tuesday to discuss what support they could offer over the coming winter. ';

/** A news page: navigation, an article of 100 paragraphs with links and emphasis, related links. */
function newsPage(n: number): Uint8Array {
  const links = (count: number, prefix: string) =>
    Array.from(
      { length: count },
      (_, k) =>
        `<li class="nav-item item-${k}"><a href="/${prefix}/${k}" data-id="${k}">Section ${k}</a></li>`,
    ).join('');
  const paragraphs = Array.from(
    { length: 100 },
    (_, k) =>
      `<p class="body-text" data-para="${k}">${sentence}<a href="/story/${n}/${k}">read</a> <em>${sentence}</em><span class="note">${sentence}</span></p>`,
  ).join('');
  const html = `<!doctype html><html><head><title>Talks resume, part ${n}</title></head><body><header><nav><ul>${links(100, 'nav')}</ul></nav></header><main><article><h1>Talks resume, part ${n}</h1>${paragraphs}</article><aside><ul>${links(100, 'related')}</ul></aside></main></body></html>`;
  return new TextEncoder().encode(html);
}

describe('memory over many conversions in one process', () => {
  it('keeps the heap bounded over 40 HTML pages converted one after another', async () => {
    const addedAt = '2026-11-27T12:00:00.000Z';
    // The first conversions load jsdom and Readability and warm their caches.
    for (let n = 0; n < 3; n += 1)
      await convertInput({ kind: 'file', name: 'w.html', bytes: newsPage(n) }, addedAt);
    const before = heapAfterCollection();
    let imported = 0;
    // One promise chain, as a batch runs: no turn of the event loop between pages.
    for (let n = 0; n < 40; n += 1) {
      const result = await convertInput(
        { kind: 'file', name: `page-${n}.html`, bytes: newsPage(n) },
        addedAt,
      );
      if (result.ok && result.article.record.title === `Talks resume, part ${n}`) imported += 1;
    }
    const growth = heapAfterCollection() - before;
    expect(imported).toBe(40);
    // The leak kept every page: 3.2 MB each, 128 MB for these 40; without it the heap stays within a few MB.
    expect(growth).toBeLessThan(40);
  }, 300_000);
});
