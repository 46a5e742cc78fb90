/**
 * The stories (named collections of articles) as the renderer holds them, and
 * the changes to them: create, rename, delete, add and remove articles. Each
 * goes through the one save path; replies and undo steps patch the list.
 */
import type { StoryView } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import type { Notices } from './notices.svelte';
import type { Saves } from './saves.svelte';

export class StoryList {
  stories = $state.raw<StoryView[]>([]);

  constructor(
    private readonly saves: Saves,
    private readonly notices: Notices,
  ) {}

  find(id: string | null): StoryView | null {
    return this.stories.find((story) => story.id === id) ?? null;
  }

  /** Stories holding the article. */
  holding(articleId: string): StoryView[] {
    return this.stories.filter((story) => story.articleIds.includes(articleId));
  }

  async load(): Promise<void> {
    try {
      this.stories = await call('listStories', {});
    } catch (error) {
      this.notices.error(`Stories could not be listed: ${messageOf(error)}`);
    }
  }

  /** Puts a story's new state in the list (null: it is gone). */
  place(id: string, story: StoryView | null): void {
    const others = this.stories.filter((candidate) => candidate.id !== id);
    const at = this.stories.findIndex((candidate) => candidate.id === id);
    if (!story) this.stories = others;
    else if (at < 0) this.stories = [...this.stories, story];
    else this.stories = this.stories.map((candidate) => (candidate.id === id ? story : candidate));
  }

  private async change(task: Promise<StoryView>, failure: string): Promise<StoryView | null> {
    try {
      const story = await this.saves.track(task);
      this.place(story.id, story);
      return story;
    } catch (error) {
      this.notices.error(`${failure}: ${messageOf(error)}`);
      return null;
    }
  }

  create(name: string, articleIds: string[] = []): Promise<StoryView | null> {
    return this.change(call('createStory', { name, articleIds }), 'The story could not be created');
  }

  rename(id: string, name: string): Promise<StoryView | null> {
    return this.change(call('renameStory', { id, name }), 'The story could not be renamed');
  }

  add(id: string, articleIds: string[]): Promise<StoryView | null> {
    return this.change(call('addToStory', { id, articleIds }), 'Could not add to the story');
  }

  removeArticles(id: string, articleIds: string[]): Promise<StoryView | null> {
    return this.change(call('removeFromStory', { id, articleIds }), 'Could not remove from the story');
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.saves.track(call('deleteStory', { id }));
      this.place(id, null);
      return true;
    } catch (error) {
      this.notices.error(`The story could not be deleted: ${messageOf(error)}`);
      return false;
    }
  }
}
