/** The IPC methods of the story desk: adapters over the story desk service. */
import type { AppServices } from '../app-services';
import { briefingView } from '../briefings/briefing-view';
import { sourcesCompared } from '../briefings/sources-compared';
import type { Handlers } from './handler-types';

type StoryDeskMethods = 'analyzeStory' | 'setEntityChoices' | 'suggestStories' | 'addSourcesCompared';

export function createStoryDeskHandlers({
  storyDesk,
  store,
  briefings,
}: AppServices): Pick<Handlers, StoryDeskMethods> {
  return {
    analyzeStory: ({ storyId }) => storyDesk.analyze(storyId),
    setEntityChoices: ({ storyId, choices }) => storyDesk.setEntityChoices(storyId, choices),
    suggestStories: ({ articleIds }) => storyDesk.suggest(articleIds),
    addSourcesCompared: async ({ briefingId, storyId }) => {
      briefings.find(briefingId);
      const analysis = await storyDesk.analyze(storyId);
      const story = store.index().stories.find((candidate) => candidate.id === storyId);
      const records = new Map(store.index().articles.map((record) => [record.id, record]));
      const comparison = sourcesCompared(analysis, story?.name ?? 'Story', records, new Date().toISOString());
      return briefingView(store, await briefings.addSourcesCompared(briefingId, comparison));
    },
  };
}
