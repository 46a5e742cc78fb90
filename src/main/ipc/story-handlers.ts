/** The IPC methods for stories (named collections of articles): adapters over the story service. */
import type { AppServices } from '../app-services';
import type { Handlers } from './handler-types';

type StoryMethods =
  'listStories' | 'createStory' | 'renameStory' | 'deleteStory' | 'addToStory' | 'removeFromStory';

export function createStoryHandlers({ stories }: AppServices): Pick<Handlers, StoryMethods> {
  return {
    listStories: () => stories.list(),
    createStory: ({ name, articleIds }) => stories.create(name, articleIds),
    renameStory: ({ id, name }) => stories.rename(id, name),
    deleteStory: ({ id }) => stories.remove(id),
    addToStory: ({ id, articleIds }) => stories.addArticles(id, articleIds),
    removeFromStory: ({ id, articleIds }) => stories.removeArticles(id, articleIds),
  };
}
