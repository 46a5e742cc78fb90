/**
 * Browser mode as users get it, and its defences. The first spec runs
 * `npm start`'s own script on a machine where Electron cannot run: it must
 * print the reason and an address, and a browser session against that address
 * opens a seed, highlights, and exports Markdown into the Downloads folder.
 * The others attack the local server: no token, a wrong Host, a cross-origin
 * POST (from a real page on another local port), an oversized or malformed
 * body, a second server on the same library; and check what it sends back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, createServer, type IncomingHttpHeaders } from 'node:http';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { test, expect } from './harness/fixtures';
import { rendererDir, seedsDir } from './harness/served-app';
import { BriefingApp } from './pages/briefing-app';
import { startBrowserApp, type BrowserApp } from '../../src/main/browser/browser-app';
import { createChromiumPrinter } from '../../src/main/browser/chromium-printer';
import { channels } from '../../src/shared/channels';

test.skip(({ mode }) => mode === 'electron', 'browser mode is what the chromium project runs');

const summitSeed = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so a spec can send what a browser would not (any Host, no cookie, huge bodies). */
function send(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** False sends no Host header at all. */
    setHost?: boolean;
  },
  host = '127.0.0.1',
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host,
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        setHost: options.setHost,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiBody(channel: string, payload: unknown = {}): string {
  return JSON.stringify({ channel, payload });
}

async function startServer(profileDir: string): Promise<BrowserApp> {
  return startBrowserApp({
    userDataDir: profileDir,
    seedsDir,
    rendererDir,
    downloadsDir: path.join(profileDir, 'Downloads'),
  });
}

/** The headers of a signed-in, same-origin API call. */
function signedIn(app: BrowserApp): Record<string, string> {
  const { port, token } = app.server;
  return {
    Host: `127.0.0.1:${port}`,
    Origin: `http://127.0.0.1:${port}`,
    Cookie: `briefing-session-${port}=${token}`,
    'Content-Type': 'application/json',
  };
}

async function briefingCount(app: BrowserApp): Promise<number> {
  const reply = await send(app.server.port, {
    method: 'POST',
    path: '/api',
    headers: signedIn(app),
    body: apiBody(channels.listBriefings),
  });
  return (JSON.parse(reply.body) as { value: unknown[] }).value.length;
}

/** Waits for the child's stdout to show the address it serves. */
function addressPrintedBy(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.text += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output.text);
      if (match) resolve(match[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${output.text}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

test('npm start without Electron serves the app: open a seed, highlight, export Markdown to Downloads', async ({
  browser,
  profileDir,
}) => {
  test.skip(
    process.platform !== 'linux',
    'the spec takes the display away, which only means something on Linux',
  );
  test.setTimeout(90_000);
  const home = path.join(profileDir, 'home');
  await mkdir(home, { recursive: true });
  const child = spawn(process.execPath, ['scripts/start.mjs', 'preview', '--no-open'], {
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: '',
      BRIEFING_USER_DATA_DIR: path.join(profileDir, 'user-data'),
      BRIEFING_SKIP_BUILD: '1',
      // Electron cannot be downloaded (a mirror nobody listens on) nor shown (no display).
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      ELECTRON_OVERRIDE_DIST_PATH: '',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const output = { text: '' };
    const address = await addressPrintedBy(child, output);
    expect(output.text).toMatch(
      /Ways on: set ELECTRON_MIRROR .* ELECTRON_OVERRIDE_DIST_PATH .* browser mode/s,
    );
    expect(output.text).not.toMatch(/^[ \t]+at /m);

    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    const page = await context.newPage();
    await page.goto(address);
    expect(page.url()).not.toContain('token');
    const app = new BriefingApp(
      page,
      async () => {
        throw new Error('no relaunch here');
      },
      {
        menuImport: async () => {},
        externalLinks: async () => [],
        chooseSavePaths: async () => {},
        openedFiles: async () => ({ opened: [], shown: [] }),
      },
    );
    await app.library.open(summitSeed);
    // B at once, while the new highlight is painted but its save has not answered: it is added once saved.
    await app.reader.select('the United States would help guarantee Ukraine’s security');
    await page.keyboard.press('1');
    await page.keyboard.press('b');
    await expect(app.reader.highlightMarks).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'Added to the briefing' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Briefings' }).click();
    const editor = page.getByRole('article', { name: 'Briefing editor' });
    const downloads = path.join(home, 'Downloads');
    await expect(editor).toContainText(`Exports are saved to ${downloads}`);
    await editor.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Markdown' }).click();
    const saved = editor.getByRole('status').filter({ hasText: 'Saved to' });
    await expect(saved).toContainText(downloads);
    await app.screenshot('browser-mode-exported');
    const [file] = await readdir(downloads);
    const markdown = await readFile(path.join(downloads, file!), 'utf8');
    expect(markdown).toContain('the United States would help guarantee Ukraine’s security');
    await context.close();
  } finally {
    child.kill('SIGTERM');
  }
  // Stopping flushes the store and releases its lock, as quitting the app does.
  expect(await exitOf(child)).toBe(0);
  const store = path.join(profileDir, 'user-data', 'store');
  await expect(stat(path.join(store, 'store.lock'))).rejects.toThrow();
  const shards = await readdir(path.join(store, 'annotations'));
  const texts = await Promise.all(
    shards.map((name) => readFile(path.join(store, 'annotations', name), 'utf8')),
  );
  expect(texts.join('')).toContain('the United States would help guarantee');
});

test('the export folder is chosen in the page, and the page says where files went', async ({
  app,
  profileDir,
}) => {
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  await app.page.getByRole('button', { name: 'New briefing' }).click();
  const editor = app.page.getByRole('article', { name: 'Briefing editor' });
  await expect(editor).toContainText(`Exports are saved to ${path.join(profileDir, 'Downloads')}`);
  await editor.getByRole('button', { name: 'Change folder…' }).click();
  await editor.getByLabel('Export folder').fill(path.join(profileDir, 'no-such-folder'));
  await editor.getByRole('button', { name: 'Use this folder' }).click();
  await expect(editor.getByRole('alert')).toContainText('does not exist');
  const chosen = path.join(profileDir, 'briefings out');
  await mkdir(chosen);
  await editor.getByLabel('Export folder').fill(chosen);
  await editor.getByRole('button', { name: 'Use this folder' }).click();
  await expect(editor).toContainText(`Exports are saved to ${chosen}`);
  await app.screenshot('browser-mode-export-folder');
  await app.restart();
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  await expect(app.page.getByRole('article', { name: 'Briefing editor' })).toContainText(
    `Exports are saved to ${chosen}`,
  );
});

test('without the token or cookie every request gets 401 and changes nothing', async ({ profileDir }) => {
  const app = await startServer(profileDir);
  try {
    const { port, token } = app.server;
    const host = { Host: `127.0.0.1:${port}` };
    expect((await send(port, { headers: host })).status).toBe(401);
    expect((await send(port, { path: '/index.html', headers: host })).status).toBe(401);
    expect((await send(port, { path: `/?token=${token.slice(1)}x`, headers: host })).status).toBe(401);
    const post = await send(port, {
      method: 'POST',
      path: '/api',
      headers: { ...host, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      body: apiBody(channels.createBriefing, { title: 'Planted' }),
    });
    expect(post.status).toBe(401);
    // A token in the address of a POST is not a session either.
    const tokenPost = await send(port, {
      method: 'POST',
      path: `/api?token=${token}`,
      headers: { ...host, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      body: apiBody(channels.createBriefing, { title: 'Planted' }),
    });
    expect(tokenPost.status).toBe(401);
    expect(await briefingCount(app)).toBe(0);

    // The token is swapped for an HttpOnly, SameSite=Strict cookie, and dropped from the address.
    const exchange = await send(port, { path: `/?token=${token}`, headers: host });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    expect(exchange.headers['set-cookie']?.[0]).toBe(
      `briefing-session-${port}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  } finally {
    await app.close();
  }
});

test('a wrong Host header is refused (DNS rebinding), even with the cookie', async ({ profileDir }) => {
  const app = await startServer(profileDir);
  try {
    const { port } = app.server;
    for (const badHost of [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      null,
    ]) {
      const headers: Record<string, string> = { ...signedIn(app) };
      if (badHost === null) delete headers['Host'];
      else headers['Host'] = badHost;
      const reply = await send(port, {
        method: 'POST',
        path: '/api',
        headers,
        setHost: badHost !== null,
        body: apiBody(channels.createBriefing, { title: 'Rebound' }),
      });
      // Without any Host, Node's HTTP parser refuses the request itself (400).
      expect(reply.status, String(badHost)).toBe(badHost === null ? 400 : 403);
    }
    for (const goodHost of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const reply = await send(port, { path: '/', headers: { ...signedIn(app), Host: goodHost } });
      expect(reply.status, goodHost).toBe(200);
    }
    expect(await briefingCount(app)).toBe(0);
  } finally {
    await app.close();
  }
});

test('a cross-origin POST is refused, from a raw request and from a real page on another local port', async ({
  browser,
  profileDir,
}) => {
  const app = await startServer(profileDir);
  const evil = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilPort = (evil.address() as { port: number }).port;
  try {
    const { port } = app.server;
    for (const origin of [`http://127.0.0.1:${evilPort}`, 'http://evil.example', 'null']) {
      const reply = await send(port, {
        method: 'POST',
        path: '/api',
        headers: { ...signedIn(app), Origin: origin },
        body: apiBody(channels.createBriefing, { title: 'Forged' }),
      });
      expect(reply.status, origin).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const noOrigin = { ...signedIn(app) } as Record<string, string>;
    delete noOrigin['Origin'];
    expect(
      (
        await send(port, {
          method: 'POST',
          path: '/api',
          headers: noOrigin,
          body: apiBody(channels.createBriefing),
        })
      ).status,
    ).toBe(403);

    // A signed-in browser visits a page on another loopback port (the same site, so the cookie would go along).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.server.url);
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await page.goto(`http://127.0.0.1:${evilPort}/`);
    const attempts = await page.evaluate(async (target) => {
      const body = JSON.stringify({ channel: 'briefing:create', payload: { title: 'Forged' } });
      const results: string[] = [];
      for (const init of [
        {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body,
        },
        { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body },
      ] as RequestInit[]) {
        try {
          const response = await fetch(target, init);
          results.push(`${response.type} ${response.status}`);
        } catch (error) {
          results.push(`blocked: ${(error as Error).message}`);
        }
      }
      return results;
    }, `http://127.0.0.1:${port}/api`);
    // The page learns nothing: the simple request's answer is withheld (Cross-Origin-Resource-Policy, and the
    // server refused it for its Origin, see above); the JSON one fails its preflight (no cookie, no CORS).
    expect(attempts).toEqual(['blocked: Failed to fetch', 'blocked: Failed to fetch']);
    await context.close();
    expect(await briefingCount(app)).toBe(0);
  } finally {
    evil.close();
    await app.close();
  }
});

test('an oversized or malformed body gets a typed error and reaches no handler', async ({ profileDir }) => {
  const app = await startServer(profileDir);
  try {
    const { port } = app.server;
    const huge = apiBody(channels.createBriefing, { title: 'x'.repeat(10 * 1024 * 1024) });
    const oversized = await send(port, { method: 'POST', path: '/api', headers: signedIn(app), body: huge });
    expect(oversized.status).toBe(413);
    expect(JSON.parse(oversized.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/larger than the \d+ MB limit/) },
    });
    for (const body of ['{not json', '[1,2]', '{"payload":{}}', '{"channel":5}']) {
      const reply = await send(port, { method: 'POST', path: '/api', headers: signedIn(app), body });
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body), body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const form = await send(port, {
      method: 'POST',
      path: '/api',
      headers: { ...signedIn(app), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=briefing%3Acreate',
    });
    expect(form.status).toBe(415);
    // The contract's own validation answers a well-formed call with a bad payload, as over IPC.
    const invalid = await send(port, {
      method: 'POST',
      path: '/api',
      headers: signedIn(app),
      body: apiBody(channels.createBriefing, { title: 42 }),
    });
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'The request to createBriefing was malformed.' },
    });
    expect(await briefingCount(app)).toBe(0);
  } finally {
    await app.close();
  }
});

test('responses carry the CSP, nosniff, no-referrer and no CORS headers; only loopback is listened on', async ({
  profileDir,
}) => {
  const app = await startServer(profileDir);
  try {
    const { port } = app.server;
    const page = await send(port, { path: '/', headers: signedIn(app) });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(Object.keys(page.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect((await send(port, { path: '/../package.json', headers: signedIn(app) })).status).toBe(404);

    expect(app.server.hosts.every((host) => host === '127.0.0.1' || host === '::1')).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      await expect(send(port, { path: '/', headers: signedIn(app) }, external.address)).rejects.toThrow(
        /ECONNREFUSED/,
      );
    }
  } finally {
    await app.close();
  }
});

test('a second server on the same library says it is open elsewhere', async ({ profileDir }) => {
  const first = await startServer(profileDir);
  try {
    const second = spawn(process.execPath, ['out/main/browser.js', '--no-open'], {
      env: { ...process.env, BRIEFING_USER_DATA_DIR: profileDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exitOf(second)).toBe(1);
    expect(output).toContain(`The library in ${path.join(profileDir, 'store')} is open elsewhere`);
    expect(output).toContain(`pid ${process.pid}`);
    expect(output).not.toContain('http://');
    expect(await briefingCount(first)).toBe(0);
  } finally {
    await first.close();
  }
});

test('where no Chromium-based browser exists, the PDF button says why it is unavailable', async ({
  browser,
  profileDir,
}) => {
  const app = await startBrowserApp({
    userDataDir: profileDir,
    seedsDir,
    rendererDir,
    downloadsDir: path.join(profileDir, 'Downloads'),
    printer: createChromiumPrinter(null),
  });
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
  try {
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Briefings' }).click();
    await page.getByRole('button', { name: 'New briefing' }).click();
    const editor = page.getByRole('article', { name: 'Briefing editor' });
    const pdf = editor.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'PDF' });
    await expect(pdf).toBeDisabled();
    await expect(editor).toContainText(
      'PDF is unavailable: PDF export needs Chromium, Google Chrome or Microsoft Edge',
    );
    await expect(
      editor.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'HTML' }),
    ).toBeEnabled();
    await page.screenshot({ path: path.resolve('test-results/screens/chromium-browser-mode-no-pdf.png') });
  } finally {
    await context.close();
    await app.close();
  }
});
