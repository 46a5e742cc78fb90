/**
 * What waits for the window's first screen at start (issue 14): the search
 * index does not load while the window asks for its first screen, and starts
 * once the window, that screen painted, asks for the first slice of the rest.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultLibraryView } from '../../src/shared/contract';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('start-up work after the first screen', () => {
  it('loads the search index once the window asks for the rest of the library, not before', async () => {
    // No fallback timer within the test: only the window's asking starts the load.
    const { core, ok } = await dispatchApp(await makeTempDir(), { backgroundDelayMs: 10 * 60_000 });
    const search = core.services!.search;
    await ok('getStatus', {});
    await ok('getSettings', {});
    const first = await ok('listArticlePage', { view: defaultLibraryView, offset: 0, limit: 35 });
    expect(first.rows.length).toBeGreaterThan(0);
    await nextTurn();
    expect(search.status().origin).toBe('pending');
    await ok('listArticlePage', { view: null, offset: 0, limit: 1_000 });
    await vi.waitFor(() => expect(search.status().origin).not.toBe('pending'), { timeout: 60_000 });
    expect(search.status().origin).toBe('rebuilt');
  });
});
