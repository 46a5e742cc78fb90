/**
 * The briefings: the list, the one being edited, and the target briefing that
 * B and "+ Briefing" add to (the one last opened or created). Knows which
 * highlights the target holds, so "+ Briefing" shows "In briefing", and which
 * briefings hold each highlight (one small IPC reply, refreshed after each
 * briefing change rather than loading every briefing).
 */
import type { BriefingSummary, BriefingView } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import type { Notices } from './notices.svelte';
import type { Saves } from './saves.svelte';

function summaryOf(view: BriefingView): BriefingSummary {
  return {
    id: view.id,
    title: view.title,
    date: view.date,
    updatedAt: view.updatedAt,
    itemCount: view.sections.reduce((sum, section) => sum + section.items.length, 0),
  };
}

export class Briefings {
  list = $state.raw<BriefingSummary[]>([]);
  current = $state.raw<BriefingView | null>(null);
  /** The briefing highlights are added to. */
  target = $state.raw<BriefingView | null>(null);
  error = $state<string | null>(null);
  /** Highlight id → ids of the briefings holding it. */
  memberships = $state.raw<Record<string, string[]>>({});
  /** Briefing ids, last used (opened, created, added to, chosen as target) first. */
  recent = $state.raw<string[]>([]);
  /** The editor's compact outline (one line per item), kept for the session. */
  outline = $state(false);

  constructor(
    private readonly saves: Saves,
    private readonly notices: Notices,
  ) {}

  /** Highlight ids in the target briefing. */
  get targetHighlightIds(): string[] {
    return this.target?.sections.flatMap((section) => section.items.map((item) => item.highlightId)) ?? [];
  }

  /** The briefings for the target menu: last used first, then the rest by last change. */
  get targetChoices(): BriefingSummary[] {
    const rank = (id: string) => {
      const at = this.recent.indexOf(id);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    return this.list
      .map((briefing, order) => ({ briefing, order }))
      .sort((a, b) => rank(a.briefing.id) - rank(b.briefing.id) || a.order - b.order)
      .map(({ briefing }) => briefing);
  }

  /** Titles of the briefings holding a highlight. */
  titlesFor(highlightId: string): string[] {
    const ids = this.memberships[highlightId] ?? [];
    return this.list.filter((briefing) => ids.includes(briefing.id)).map((briefing) => briefing.title);
  }

  #used(id: string): void {
    this.recent = [id, ...this.recent.filter((other) => other !== id)];
  }

  async refreshMemberships(): Promise<void> {
    try {
      this.memberships = await call('listBriefingMemberships', {});
    } catch {
      // The marks are a convenience; the briefings themselves still show their items.
    }
  }

  /** Makes a briefing the one B and "+ Briefing" add to. */
  async chooseTarget(id: string): Promise<void> {
    if (this.target?.id === id) return this.#used(id);
    try {
      this.target = this.current?.id === id ? this.current : await call('getBriefing', { id });
      this.#used(id);
    } catch (error) {
      this.notices.error(`The briefing could not be chosen: ${messageOf(error)}`);
    }
  }

  async load(): Promise<void> {
    try {
      this.list = await call('listBriefings', {});
      const id = this.current?.id ?? this.target?.id ?? this.list[0]?.id;
      this.current = id && this.list.some((b) => b.id === id) ? await call('getBriefing', { id }) : null;
      if (this.current && !this.target) this.target = this.current;
      await this.refreshMemberships();
    } catch (error) {
      this.error = `Briefings could not be listed: ${messageOf(error)}`;
    }
  }

  /** Loads the target briefing (for the "In briefing" marks) without opening the view. */
  async loadTarget(): Promise<void> {
    if (this.target) return this.refreshMemberships();
    try {
      const list = await call('listBriefings', {});
      this.list = list;
      if (list[0]) this.target = await call('getBriefing', { id: list[0].id });
      await this.refreshMemberships();
    } catch {
      // The marks are a convenience; adding still works and reports its own failures.
    }
  }

  async open(id: string): Promise<void> {
    try {
      this.current = await call('getBriefing', { id });
      this.target = this.current;
      this.#used(id);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async create(template?: string): Promise<BriefingView | null> {
    try {
      const created = await this.saves.track(call('createBriefing', template ? { template } : {}));
      this.apply(created);
      this.current = created;
      this.target = created;
      this.#used(created.id);
      return created;
    } catch (error) {
      this.error = `The briefing could not be created: ${messageOf(error)}`;
      return null;
    }
  }

  /** Puts a briefing's new state everywhere it is shown. */
  apply(view: BriefingView): void {
    const summary = summaryOf(view);
    this.list = this.list.some((b) => b.id === view.id)
      ? this.list.map((b) => (b.id === view.id ? summary : b))
      : [summary, ...this.list];
    if (this.current?.id === view.id) this.current = view;
    if (this.target?.id === view.id) this.target = view;
    void this.refreshMemberships();
  }

  /** Applies an undo or redo of a briefing (null: it no longer exists). */
  applyHistory(briefingId: string, view: BriefingView | null): void {
    if (view) {
      this.apply(view);
      return;
    }
    this.list = this.list.filter((b) => b.id !== briefingId);
    if (this.current?.id === briefingId) this.current = null;
    if (this.target?.id === briefingId) this.target = null;
    this.recent = this.recent.filter((id) => id !== briefingId);
    void this.refreshMemberships();
  }

  async save(task: Promise<BriefingView>): Promise<void> {
    this.error = null;
    try {
      this.apply(await this.saves.track(task));
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.saves.track(call('deleteBriefing', { id }));
      this.applyHistory(id, null);
      this.notices.show('Briefing deleted. Ctrl/Cmd+Z brings it back.');
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Adds a story's "Sources compared" section to the target briefing (creating one if there is none). */
  async addSourcesCompared(storyId: string): Promise<void> {
    try {
      await this.loadTarget();
      const briefing = this.target ?? (await this.create());
      if (!briefing) return;
      const view = await this.saves.track(call('addSourcesCompared', { briefingId: briefing.id, storyId }));
      this.apply(view);
      this.target = view;
      this.#used(view.id);
      this.notices.show(`“Sources compared” added to the briefing “${view.title}”.`);
    } catch (error) {
      this.notices.error(`Not added: ${messageOf(error)}`);
    }
  }

  /** Adds a highlight to the target briefing (creating one if there is none); tells the user either way. */
  async add(articleId: string, highlightId: string): Promise<void> {
    try {
      await this.loadTarget();
      const briefing = this.target ?? (await this.create());
      if (!briefing) return;
      const reply = await this.saves.track(
        call('addToBriefing', { briefingId: briefing.id, articleId, highlightId }),
      );
      this.apply(reply.briefing);
      this.target = reply.briefing;
      this.#used(reply.briefing.id);
      this.notices.show(
        reply.added
          ? `Added to the briefing “${reply.briefing.title}”.`
          : `Already in the briefing “${reply.briefing.title}”.`,
      );
    } catch (error) {
      this.notices.error(`Not added: ${messageOf(error)}`);
    }
  }
}
