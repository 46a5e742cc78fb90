/**
 * Stories: named collections of articles ("US guarantees for Ukraine"), kept in
 * the library index. Create, rename, delete, add and remove articles; each
 * change is saved durably and recorded for undo, like any other edit.
 *
 * An article's deletion leaves its id in the stories, so undoing the deletion
 * puts it back in them too; what the renderer sees lists only articles still in
 * the library.
 */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { StoryView } from '../../shared/contract';
import type { HistoryService } from '../history/history-service';
import { placeById } from '../history/place-by-id';
import type { LibraryStore } from '../store/library-store';
import type { Story } from '../store/schemas/library-index';

function withoutChoices({ entityChoices: _choices, ...story }: Story): Story {
  return story;
}

export function storyView(store: LibraryStore, story: Story): StoryView {
  const present = new Set(store.index().articles.map((record) => record.id));
  return { ...story, articleIds: story.articleIds.filter((id) => present.has(id)) };
}

export function createStoryService(
  store: LibraryStore,
  history: HistoryService,
  now: () => Date = () => new Date(),
) {
  function find(id: string): Story {
    const story = store.index().stories.find((candidate) => candidate.id === id);
    if (!story) throw new AppFailure('not-found', 'That story no longer exists.');
    return story;
  }

  function refuseTakenName(name: string, exceptId: string | null): void {
    const key = name.trim().toLocaleLowerCase();
    const taken = store
      .index()
      .stories.some((story) => story.id !== exceptId && story.name.toLocaleLowerCase() === key);
    if (taken) throw new AppFailure('invalid-request', `There is already a story called “${name.trim()}”.`);
  }

  function knownArticles(ids: readonly string[]): string[] {
    const present = new Set(store.index().articles.map((record) => record.id));
    const missing = ids.find((id) => !present.has(id));
    if (missing) throw new AppFailure('not-found', 'An article to add is no longer in the library.');
    return [...new Set(ids)];
  }

  async function put(before: Story | null, after: Story | null, label: string): Promise<StoryView | null> {
    const id = (after ?? before)!.id;
    await Promise.all([
      store.updateIndex((index) => placeById(index.stories, id, after)),
      history.record({ target: 'story', articleId: id, storyId: id, before, after, label }),
    ]);
    return after && storyView(store, after);
  }

  history.register('story', async (operation, state) => {
    // The reader's entity choices are not part of the step: a story still there keeps its current
    // ones (undoing a rename must not bring back older choices); a story brought back gets those it had.
    const kept = store.index().stories.find((candidate) => candidate.id === operation.storyId);
    const stepped = operation[state];
    const story =
      stepped && kept
        ? { ...withoutChoices(stepped), ...(kept.entityChoices ? { entityChoices: kept.entityChoices } : {}) }
        : stepped;
    await store.updateIndex((index) => placeById(index.stories, operation.storyId, story));
    return { target: 'story', storyId: operation.storyId, story: story ? storyView(store, story) : null };
  });

  return {
    list: (): StoryView[] => store.index().stories.map((story) => storyView(store, story)),

    async create(name: string, articleIds: readonly string[] = []): Promise<StoryView> {
      refuseTakenName(name, null);
      const story: Story = {
        id: `s-${randomUUID()}`,
        name: name.trim(),
        createdAt: now().toISOString(),
        articleIds: knownArticles(articleIds),
      };
      return (await put(null, story, `create story “${story.name}”`))!;
    },

    async rename(id: string, name: string): Promise<StoryView> {
      const before = find(id);
      refuseTakenName(name, id);
      if (before.name === name.trim()) return storyView(store, before);
      return (await put(before, { ...before, name: name.trim() }, `rename story “${before.name}”`))!;
    },

    async remove(id: string): Promise<{ id: string }> {
      const before = find(id);
      await put(before, null, `delete story “${before.name}”`);
      return { id };
    },

    async addArticles(id: string, articleIds: readonly string[]): Promise<StoryView> {
      const before = find(id);
      const already = new Set(before.articleIds);
      const added = knownArticles(articleIds).filter((articleId) => !already.has(articleId));
      if (added.length === 0) return storyView(store, before);
      const after = { ...before, articleIds: [...before.articleIds, ...added] };
      const what = added.length === 1 ? 'an article' : `${added.length} articles`;
      return (await put(before, after, `add ${what} to story “${before.name}”`))!;
    },

    async removeArticles(id: string, articleIds: readonly string[]): Promise<StoryView> {
      const before = find(id);
      const removing = new Set(articleIds);
      const kept = before.articleIds.filter((articleId) => !removing.has(articleId));
      if (kept.length === before.articleIds.length) return storyView(store, before);
      const count = before.articleIds.length - kept.length;
      const what = count === 1 ? 'an article' : `${count} articles`;
      return (await put(
        before,
        { ...before, articleIds: kept },
        `remove ${what} from story “${before.name}”`,
      ))!;
    },
  };
}
export type StoryService = ReturnType<typeof createStoryService>;
