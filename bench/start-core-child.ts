/**
 * The core part of "start to interactive library", in a fresh process: open the
 * store (with its backups on, as the app opens it) and answer the library
 * view's first request (`listArticlePage`: its first screen, in the default sort) through the
 * dispatcher.
 */
import { performance } from 'node:perf_hooks';
import { openLibraryStore } from '../src/main/store/library-store';
import { channels } from '../src/shared/channels';
import { defaultLibraryView } from '../src/shared/contract';
import { dispatchForStore } from './dispatch-for-store';

const dir = process.argv[2]!;
const start = performance.now();
const store = await openLibraryStore({ dir });
const openMs = performance.now() - start;
const reply = await dispatchForStore(store)(channels.listArticlePage, {
  view: defaultLibraryView,
  offset: 0,
  limit: 35,
});
const libraryMs = performance.now() - start;
if (!reply.ok) throw new Error(`listArticlePage failed: ${reply.error.message}`);
await store.close();
// The answer set the search index loading (as in the app): this process ends here instead.
process.stdout.write(JSON.stringify({ openMs, libraryMs }), () => process.exit(0));
