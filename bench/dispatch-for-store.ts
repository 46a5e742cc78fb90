/** The IPC dispatcher over an already opened store, as the app wires it: what the benchmarks call. */
import type { AppCore } from '../src/main/app-core';
import { createAppServices } from '../src/main/app-services';
import { createDispatcher, type Dispatch } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import type { LibraryStore } from '../src/main/store/library-store';

export function dispatchForStore(store: LibraryStore): Dispatch {
  const core: AppCore = {
    store,
    services: createAppServices(store),
    status: {
      state: 'ready',
      storePath: store.layout.dir,
      articleCount: store.index().articles.length,
      seededThisRun: false,
      recovery: [],
    },
    close: () => store.close(),
  };
  return createDispatcher(createHandlers(core));
}
