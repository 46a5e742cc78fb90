/**
 * The renderer's state, built once and provided by context: the library, the
 * reader session, briefings, settings, notices, saves and navigation, plus the
 * use cases that cross them (start-up, undo/redo, deleting an article,
 * importing, opening an article). Components take what they need from context.
 */
import type { ArticleSummary, HistoryChange, ImportResultView, StoreStatus } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { takeWindowStart } from '../lib/window-start';
import { itemsFromPicker, runImport, type ImportItem, type ImportProgress } from '../lib/import-queue';
import { Briefings } from './briefings.svelte';
import { defineContext } from './context';
import { Library } from './library.svelte';
import { LibraryQuery } from './library-query.svelte';
import { Navigation, type View } from './navigation.svelte';
import { Notices } from './notices.svelte';
import { ReaderSession } from './reader.svelte';
import { Saves } from './saves.svelte';
import { Settings } from './settings.svelte';
import { StoryDesk } from './story-desk.svelte';
import { StoryList } from './story-list.svelte';

export type Phase =
  | { name: 'loading' }
  | { name: 'store-failed'; status: Extract<StoreStatus, { state: 'failed' }> }
  | { name: 'unreachable'; message: string }
  | { name: 'ready'; storePath: string };

export class AppState {
  readonly saves = new Saves();
  readonly notices = new Notices();
  readonly stories = new StoryList(this.saves, this.notices);
  readonly library = new Library(new LibraryQuery(this.saves), this.stories);
  readonly navigation = new Navigation();
  readonly settings = new Settings(this.saves, this.notices);
  readonly reader = new ReaderSession(this.saves, this.library);
  readonly briefings = new Briefings(this.saves, this.notices);
  readonly storyDesk = new StoryDesk(this.saves, this.notices);

  phase = $state<Phase>({ name: 'loading' });
  recovery = $state<Extract<StoreStatus, { state: 'ready' }>['recovery']>([]);
  importState = $state<{ progress: ImportProgress; results: ImportResultView[] } | null>(null);
  pendingDelete = $state<{ article: ArticleSummary; briefings: number } | null>(null);

  async start(): Promise<void> {
    try {
      // The status, settings, stories and the library's first screen in its saved view, in one
      // round trip (asked for before the app was mounted: see lib/window-start.ts).
      const { status, settings, stories, firstPage } = await takeWindowStart();
      if (status.state === 'failed') {
        this.phase = { name: 'store-failed', status };
        return;
      }
      if (!settings || !firstPage) throw new Error('The app answered its start without the library.');
      this.stories.stories = stories;
      this.library.query.adopt(settings.library);
      // The first screen of the library; the rest comes in the background.
      this.library.adoptFirstPage($state.snapshot(this.library.query.view), firstPage);
      this.recovery = status.recovery;
      this.settings.adopt(settings);
      this.phase = { name: 'ready', storePath: status.storePath };
      // The rest of the library (and, in the main process, the search index) once the first
      // screen is painted: until then they would only compete with it for the CPU. A window not
      // shown yet paints no frame: then a second at most.
      let loading = false;
      const loadRest = () => {
        if (loading) return;
        loading = true;
        void this.library.loadAll();
      };
      requestAnimationFrame(() => setTimeout(loadRest, 0));
      setTimeout(loadRest, 1_000);
    } catch (error) {
      this.phase = { name: 'unreachable', message: messageOf(error) };
    }
  }

  async navigate(view: View): Promise<void> {
    this.reader.close();
    this.navigation.view = view;
    if (view === 'briefings') await this.briefings.load();
    if (view === 'stories') await this.storyDesk.load();
  }

  async openArticle(articleId: string, highlightId: string | null = null): Promise<void> {
    // Before the whole library is in, an article (from search) may not be listed yet: open it anyway.
    if (this.library.complete && !this.library.find(articleId)) return;
    this.library.select(articleId);
    this.library.error = null;
    await this.reader.open(articleId, highlightId);
  }

  /**
   * B in the reader: adds the newest highlight to the briefing once its save answers, if it is still
   * painted but not saved (provisional); otherwise the selected highlight, if any.
   */
  async addToBriefing(articleId: string, selectedId: string | null): Promise<void> {
    const saving = this.reader.savingHighlight;
    const highlightId = saving ? (await saving)?.id : selectedId;
    if (highlightId) await this.briefings.add(articleId, highlightId);
  }

  backToList(): void {
    this.reader.close();
  }

  async history(direction: 'undo' | 'redo'): Promise<void> {
    try {
      const step = await this.saves.track(call(direction, {}));
      if (!step.done) {
        this.notices.show(`Nothing to ${direction}.`);
        return;
      }
      this.applyHistory(step.change);
      this.notices.show(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}`);
    } catch (error) {
      this.notices.error(`Could not ${direction}: ${messageOf(error)}`);
    }
  }

  applyHistory(change: HistoryChange | null): void {
    if (change?.target === 'annotations') this.reader.apply(change.change);
    else if (change?.target === 'briefing') this.briefings.applyHistory(change.briefingId, change.briefing);
    else if (change?.target === 'article') void this.articleUndone(change.articleId, change.summary !== null);
    else if (change?.target === 'story') this.stories.place(change.storyId, change.story);
    else if (change?.target === 'article-view') this.reader.showRecleaned(change.article);
  }

  /** An article's deletion was undone or redone: rare, so the library and briefings are read again. */
  private async articleUndone(articleId: string, present: boolean): Promise<void> {
    if (!present) {
      if (this.reader.article?.id === articleId) this.reader.close();
      this.library.removed(articleId);
    } else await this.library.refresh();
    if (this.briefings.current) await this.briefings.load();
  }

  async askToDelete(article: ArticleSummary | null): Promise<void> {
    if (!article) return;
    try {
      const { briefingCount } = await call('articleUsage', { id: article.id });
      this.pendingDelete = { article, briefings: briefingCount };
    } catch (error) {
      this.library.error = `“${article.title}” could not be deleted: ${messageOf(error)}`;
    }
  }

  async confirmDelete(): Promise<void> {
    const pending = this.pendingDelete;
    this.pendingDelete = null;
    if (!pending) return;
    try {
      await this.saves.track(call('deleteArticle', { id: pending.article.id }));
      if (this.reader.article?.id === pending.article.id) this.reader.close();
      this.library.removed(pending.article.id);
      this.notices.show(`Deleted “${pending.article.title}”.`);
    } catch (error) {
      this.library.error = `“${pending.article.title}” could not be deleted: ${messageOf(error)}`;
    }
  }

  async importItems(items: ImportItem[]): Promise<void> {
    if (items.length === 0 || (this.importState && this.importState.progress.current !== null)) return;
    this.reader.close();
    await runImport(items, (progress, results) => (this.importState = { progress, results: [...results] }));
    await this.library.refresh();
    const imported = (this.importState?.results ?? []).flatMap((result) =>
      result.status === 'imported' ? [result.articleId] : [],
    );
    void this.storyDesk.suggestFor(imported);
  }

  async importFromPicker(): Promise<void> {
    if (this.phase.name !== 'ready') return;
    try {
      await this.importItems(await itemsFromPicker());
    } catch (error) {
      this.library.error = `Import failed: ${messageOf(error)}`;
    }
  }
}

const appContext = defineContext<AppState>('AppState');
export const provideAppState = (state: AppState) => appContext.provide(state);
export const useApp = () => appContext.use();
export const useSaves = () => appContext.use().saves;
export const useNotices = () => appContext.use().notices;
export const useLibrary = () => appContext.use().library;
export const useReader = () => appContext.use().reader;
export const useBriefings = () => appContext.use().briefings;
export const useSettings = () => appContext.use().settings;
export const useNavigation = () => appContext.use().navigation;
