/**
 * What a window waits for before its first row, answered in one round trip (issue 14): the page
 * used to ask for the status, then the settings and stories, then the first screen in the saved
 * view, each a round trip through the dispatcher before anything could be painted.
 */
import type { WindowStart } from '../../shared/contract';
import { defaultLibraryView } from '../../shared/default-library-view';
import type { AppCore } from '../app-core';
import type { AppServices } from '../app-services';
import { queryArticles } from '../articles/article-pages';
import type { Handlers } from './handler-types';

/** With the store open: the status, the settings, the stories and the first screen of the saved view. */
export function createWindowStartHandler(
  core: AppCore,
  { settings, stories, store }: AppServices,
): Handlers['startWindow'] {
  return ({ firstPageRows }) => {
    const saved = settings.get();
    const view = { ...defaultLibraryView, ...saved.library };
    return {
      status: core.status,
      settings: saved,
      stories: stories.list(),
      firstPage: queryArticles(store, { view, offset: 0, limit: firstPageRows }),
    } satisfies WindowStart;
  };
}

/** With a store that failed to open: the status alone (the window shows why). */
export function unavailableWindowStart(core: AppCore): Handlers['startWindow'] {
  return () => ({ status: core.status, settings: null, stories: [], firstPage: null });
}
