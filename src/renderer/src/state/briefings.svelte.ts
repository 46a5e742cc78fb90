/**
 * The briefings: the list, the one being edited, and the target briefing that
 * B and "+ Briefing" add to (the one last opened or created). Knows which
 * highlights the target holds, so "+ Briefing" shows "In briefing".
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

  constructor(
    private readonly saves: Saves,
    private readonly notices: Notices,
  ) {}

  /** Highlight ids in the target briefing. */
  get targetHighlightIds(): string[] {
    return this.target?.sections.flatMap((section) => section.items.map((item) => item.highlightId)) ?? [];
  }

  async load(): Promise<void> {
    try {
      this.list = await call('listBriefings', {});
      const id = this.current?.id ?? this.target?.id ?? this.list[0]?.id;
      this.current = id && this.list.some((b) => b.id === id) ? await call('getBriefing', { id }) : null;
      if (this.current && !this.target) this.target = this.current;
    } catch (error) {
      this.error = `Briefings could not be listed: ${messageOf(error)}`;
    }
  }

  /** Loads the target briefing (for the "In briefing" marks) without opening the view. */
  async loadTarget(): Promise<void> {
    if (this.target) return;
    try {
      const list = await call('listBriefings', {});
      this.list = list;
      if (list[0]) this.target = await call('getBriefing', { id: list[0].id });
    } catch {
      // The marks are a convenience; adding still works and reports its own failures.
    }
  }

  async open(id: string): Promise<void> {
    try {
      this.current = await call('getBriefing', { id });
      this.target = this.current;
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
