/**
 * Importing from a web address through the real fetch path, against a real
 * HTTP server on 127.0.0.1: real Dragnet pages import with their address
 * saved; each bad case is refused with its reason and changes nothing; local
 * addresses are blocked unless allowed; a second import of an address is a
 * duplicate without fetching; the clipboard's three kinds take their paths.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAddress, importClipboard } from '../../src/main/importing/import-sources';
import { fetchPage } from '../../src/main/fetching/fetch-page';
import { startLocalWebServer, dragnetHtml, type LocalWebServer } from './local-web-server';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');
let server: LocalWebServer;
beforeAll(async () => {
  server = await startLocalWebServer();
});
afterAll(() => server.close());

const local = { now, allowLocalAddresses: true, answerTimeoutMs: 1_000, totalTimeoutMs: 8_000 };
const emptyStore = async () => open({ dir: await makeTempDir(), backups: false });

describe('from a web address', () => {
  it('imports real pages from the Dragnet corpus, saving the address as the source', async () => {
    const store = await emptyStore();
    const pages = readdirSync(dragnetHtml).sort().slice(0, 3);
    for (const page of pages) {
      const url = server.url(`/dragnet/${page}`);
      const result = await importAddress(store, url, local);
      expect(result, page).toMatchObject({ status: 'imported', sourceKind: 'url', format: 'html' });
      const record = store
        .index()
        .articles.find((entry) => entry.id === (result as { articleId: string }).articleId);
      expect(record?.source.url).toBe(url);
      expect(record?.sourceFile).toBeNull();
      expect(record!.wordCount).toBeGreaterThan(50);
    }
    // Three real pages through the worker (started from the sources, which tsx compiles first):
    // a bound for a busy machine, not a speed check.
  }, 60_000);

  it('answers duplicate for an address already in the library, without fetching it again', async () => {
    const store = await emptyStore();
    const url = server.url('/article/Once');
    expect(await importAddress(store, url, local)).toMatchObject({ status: 'imported' });
    const fetches = server.hits.get('/article/Once');
    expect(await importAddress(store, `${url}#again`, local)).toMatchObject({ status: 'duplicate' });
    expect(server.hits.get('/article/Once')).toBe(fetches);
  });

  it('takes the charset from the header and imports plain text as text', async () => {
    const store = await emptyStore();
    expect(await importAddress(store, server.url('/cp1252'), local)).toMatchObject({
      status: 'imported',
      encoding: 'windows-1252',
    });
    expect(store.index().articles[0]!.title).toContain('Café “crème” déjà vu');
    expect(await importAddress(store, server.url('/plain'), local)).toMatchObject({
      status: 'imported',
      format: 'text',
    });
  });

  it('follows up to five redirects and records where it ended', async () => {
    const store = await emptyStore();
    const result = await importAddress(store, server.url('/chain/6'), local);
    expect(result).toMatchObject({ status: 'imported' });
    expect(store.index().articles[0]!.source.url).toBe(server.url('/article/End'));
  });

  const bad: [string, string, RegExp][] = [
    ['a server that does not answer', '/slow', /no answer in 1 s/],
    ['an endless body', '/endless', /larger than the 5 MB limit/],
    ['a redirect loop', '/loop', /redirects in a loop/],
    ['too many redirects', '/chain/1', /too many redirects \(more than 5\)/],
    ['a redirect to file:', '/to-file', /only http and https/],
    ['a 50 MB page', '/huge', /larger than the 5 MB limit/],
    ['a gzip bomb', '/gzip-bomb', /larger than the 5 MB limit/],
    ['an image', '/image', /not HTML or text \(the server says image\/png\)/],
    ['a binary', '/binary', /binary file/],
    ['a binary that says it is HTML', '/lying', /binary file/],
    ['a 404', '/missing', /not found \(HTTP 404\)/],
    ['a 500', '/server-error', /the server failed \(HTTP 500\)/],
  ];
  it.each(bad)('refuses %s with its reason and changes nothing', async (_label, pathname, reason) => {
    const store = await emptyStore();
    const result = await importAddress(store, server.url(pathname), local);
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result.status === 'rejected' && result.reason).toMatch(reason);
    expect(store.index().articles).toHaveLength(0);
  });

  it('imports invalid HTML as well as it can, or refuses it with a reason', async () => {
    const store = await emptyStore();
    const result = await importAddress(store, server.url('/invalid-html'), local);
    expect(result.status === 'rejected' ? result.reason : 'imported').toMatch(
      /imported|no article text|no text/,
    );
  });

  it.each([
    ['file:///etc/passwd', /only http and https addresses are fetched \(not file\)/],
    ['data:text/html,<p>hi</p>', /only http and https addresses are fetched \(not data\)/],
    ['ftp://example.org/a', /only http and https/],
    ['not an address', /not a web address/],
    ['https://user:secret@example.org/', /user name or password/],
  ])('never requests %s', async (address, reason) => {
    expect(await fetchPage(address)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('blocks loopback and private addresses, by literal and by resolved name, unless allowed', async () => {
    const port = new URL(server.url('/')).port;
    const before = server.hits.get('/article/Blocked') ?? 0;
    for (const address of [
      server.url('/article/Blocked'),
      `http://localhost:${port}/article/Blocked`,
      `http://[::1]:${port}/article/Blocked`,
      `http://10.1.2.3:${port}/article/Blocked`,
      `http://[::ffff:127.0.0.1]:${port}/article/Blocked`,
    ])
      expect(await fetchPage(address), address).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/private network, which is blocked/),
      });
    expect(server.hits.get('/article/Blocked') ?? 0).toBe(before);
    expect(
      await fetchPage(`http://localhost:${port}/article/Blocked`, { allowLocalAddresses: true }),
    ).toMatchObject({ ok: true });
  });
});

describe('from the clipboard', () => {
  it('imports HTML through the HTML path, keeping the address it came from', async () => {
    const store = await emptyStore();
    const html =
      '<h1>Copied Story</h1><p>Officials met on Tuesday to discuss support, and agreed to meet again in the spring.</p><blockquote>We will be back.</blockquote><ul><li>One point</li><li>Another point</li></ul>';
    const result = await importClipboard(store, { html, url: 'https://news.example.org/story' }, local);
    expect(result).toMatchObject({ status: 'imported', sourceKind: 'clipboard', format: 'html' });
    const [record] = store.index().articles;
    expect(record).toMatchObject({
      sourceFile: 'Clipboard',
      source: { url: 'https://news.example.org/story' },
    });
    const article = await store.readArticle(record!.id);
    expect(article.cleaned.blocks.map((block) => block.kind)).toEqual(
      expect.arrayContaining(['quote', 'list']),
    );
  });

  it('imports plain text through the text path and a lone address through the address path', async () => {
    const store = await emptyStore();
    expect(
      await importClipboard(
        store,
        { text: 'Plain Copy\n\nThe envoy said the talks were productive and would continue.' },
        local,
      ),
    ).toMatchObject({ status: 'imported', format: 'text', sourceKind: 'clipboard' });
    expect(
      await importClipboard(store, { text: `  ${server.url('/article/FromClipboard')}\n` }, local),
    ).toMatchObject({
      status: 'imported',
      sourceKind: 'url',
    });
  });

  it('refuses an empty or binary clipboard with a reason', async () => {
    const store = await emptyStore();
    expect(await importClipboard(store, { text: '  \n' }, local)).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/empty/),
    });
    expect(await importClipboard(store, { text: 'a\u0000b\u0001c\u0002'.repeat(100) }, local)).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/binary/),
    });
    expect(store.index().articles).toHaveLength(0);
  });
});
