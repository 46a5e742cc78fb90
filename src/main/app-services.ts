/**
 * Builds the app's services once over an open store: articles, annotations,
 * briefings, history, settings, stories. The IPC handlers, the command line and the
 * benchmarks all use these, so each use case exists in one place.
 */
import { createAnnotationService } from './annotations/annotation-service';
import { createArticleTexts } from './annotations/article-texts';
import { createArticleService } from './articles/article-service';
import { createReadingService } from './articles/reading-state';
import { createBriefingService } from './briefings/briefing-service';
import { createHistoryService } from './history/history-service';
import { createSettingsService } from './settings/settings-service';
import { createStoryService } from './stories/story-service';
import { createStoryDeskService } from './story/story-desk-service';
import type { LibraryStore } from './store/library-store';
import { observeStore } from './search/observe-store';
import { createSearchService } from './search/search-service';

export function createAppServices(openedStore: LibraryStore, now: () => Date = () => new Date()) {
  // Search follows every change through the store's one change hook (search/observe-store.ts).
  const search = createSearchService(openedStore, { now });
  const store = observeStore(openedStore, (change) => search.changed(change));
  const texts = createArticleTexts(store);
  const history = createHistoryService(store, now);
  return {
    store,
    texts,
    history,
    articles: createArticleService(store, texts, history),
    annotations: createAnnotationService(store, texts, history, now),
    briefings: createBriefingService(store, history, now),
    settings: createSettingsService(store),
    stories: createStoryService(store, history, now),
    reading: createReadingService(store, now),
    search,
    storyDesk: createStoryDeskService(store),
  };
}
export type AppServices = ReturnType<typeof createAppServices>;
