/** The IPC methods of the story desk: adapters over the story desk service. */
import type { AppServices } from '../app-services';
import type { Handlers } from './handler-types';

type StoryDeskMethods = 'analyzeStory' | 'setEntityChoices' | 'suggestStories';

export function createStoryDeskHandlers({ storyDesk }: AppServices): Pick<Handlers, StoryDeskMethods> {
  return {
    analyzeStory: ({ storyId }) => storyDesk.analyze(storyId),
    setEntityChoices: ({ storyId, choices }) => storyDesk.setEntityChoices(storyId, choices),
    suggestStories: ({ articleIds }) => storyDesk.suggest(articleIds),
  };
}
