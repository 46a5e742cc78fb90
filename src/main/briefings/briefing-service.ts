/**
 * Every change to briefings: create (from a template, by default the
 * skeleton of one section per highlight category; briefing-templates.ts), edit the header fields, replace the sections (add,
 * rename, remove, reorder sections; reorder and move items; write commentary),
 * add a highlight, add a "Sources compared" section (a story's snapshot), delete.
 * Each change is saved and recorded for undo.
 */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { LibraryStore } from '../store/library-store';
import type { Briefing, BriefingSection, SourcesCompared } from '../store/schemas/briefings-file';
import type { HistoryService } from '../history/history-service';
import { placeById } from '../history/place-by-id';
import { defaultTemplateId, findTemplate } from './briefing-templates';
import { briefingView } from './briefing-view';

export interface BriefingFields {
  title?: string;
  author?: string;
  date?: string;
  audience?: string;
  bluf?: string;
}

export function createBriefingService(
  store: LibraryStore,
  history: HistoryService,
  now: () => Date = () => new Date(),
) {
  function find(id: string): Briefing {
    const briefing = store.briefings().briefings.find((candidate) => candidate.id === id);
    if (!briefing) throw new AppFailure('not-found', 'That briefing no longer exists.');
    return briefing;
  }

  async function put(before: Briefing | null, after: Briefing | null, label: string): Promise<void> {
    const id = (after ?? before)!.id;
    await Promise.all([
      store.updateBriefings((file) => placeById(file.briefings, id, after)),
      history.record({ target: 'briefing', articleId: id, briefingId: id, before, after, label }),
    ]);
  }

  history.register('briefing', async (operation, state) => {
    const briefing = operation[state];
    await store.updateBriefings((file) => placeById(file.briefings, operation.briefingId, briefing));
    return {
      target: 'briefing',
      briefingId: operation.briefingId,
      briefing: briefing ? briefingView(store, briefing) : null,
    };
  });

  function touched(briefing: Briefing): Briefing {
    return { ...briefing, updatedAt: now().toISOString() };
  }

  return {
    /** The briefing with this id; not-found if it no longer exists. */
    find,

    /** The briefing with this id or (unique) title, as the command line names one. */
    findByIdOrTitle(wanted: string): Briefing {
      const matches = store
        .briefings()
        .briefings.filter((candidate) => candidate.id === wanted || candidate.title === wanted);
      if (matches.length === 0) throw new AppFailure('not-found', `no briefing with id or title "${wanted}"`);
      if (matches.length > 1)
        throw new AppFailure('invalid-request', `several briefings are titled "${wanted}"; give its id`);
      return matches[0]!;
    },

    /** A new briefing with the sections of a template (the category skeleton unless one is named). */
    async create(title: string | undefined, templateId: string = defaultTemplateId): Promise<Briefing> {
      const template = findTemplate(store, templateId);
      const time = now().toISOString();
      const briefing: Briefing = {
        id: `b-${randomUUID()}`,
        title: title?.trim() || 'Untitled briefing',
        author: '',
        date: time.slice(0, 10),
        audience: '',
        bluf: '',
        sections: template.sections.map((section) => ({ id: `s-${randomUUID()}`, ...section, items: [] })),
        createdAt: time,
        updatedAt: time,
      };
      await put(null, briefing, `create the briefing “${briefing.title}”`);
      return briefing;
    },

    async updateFields(id: string, fields: BriefingFields): Promise<Briefing> {
      const before = find(id);
      const after = touched({ ...before, ...fields });
      await put(before, after, `edit the briefing “${after.title}”`);
      return after;
    },

    async setSections(id: string, sections: BriefingSection[]): Promise<Briefing> {
      const before = find(id);
      const ids = new Set<string>();
      for (const item of sections.flatMap((section) => section.items)) {
        if (ids.has(item.id))
          throw new AppFailure('invalid-request', 'An item appears twice in the briefing.');
        ids.add(item.id);
      }
      // The renderer sends items without their kept snapshots, and sections without their
      // "Sources compared" snapshots; they stay with their items and sections.
      const kept = new Map(
        before.sections.flatMap((section) => section.items).map((item) => [item.id, item.snapshot]),
      );
      const compared = new Map(before.sections.map((section) => [section.id, section.comparison]));
      const withSnapshots = sections.map(({ comparison: _sent, ...section }) => {
        const comparison = compared.get(section.id);
        return {
          ...section,
          ...(comparison ? { comparison } : {}),
          items: section.items.map((item) => {
            const snapshot = kept.get(item.id);
            return snapshot ? { ...item, snapshot } : item;
          }),
        };
      });
      const after = touched({ ...before, sections: withSnapshots });
      await put(before, after, `rearrange the briefing “${after.title}”`);
      return after;
    },

    async addHighlight(
      id: string,
      articleId: string,
      highlightId: string,
      sectionId?: string,
    ): Promise<{ briefing: Briefing; added: boolean }> {
      const before = find(id);
      const highlight = store
        .annotations(articleId)
        .highlights.find((candidate) => candidate.id === highlightId);
      if (!highlight) throw new AppFailure('not-found', 'That highlight no longer exists.');
      // Adding a highlight that is already there changes nothing and is not a failure.
      if (before.sections.some((section) => section.items.some((item) => item.highlightId === highlightId)))
        return { briefing: before, added: false };
      const target =
        before.sections.find((section) => section.id === sectionId) ??
        before.sections.find((section) => section.categoryId === highlight.categoryId) ??
        before.sections[0];
      if (!target) throw new AppFailure('invalid-request', 'The briefing has no section to add to.');
      const item = { id: `i-${randomUUID()}`, articleId, highlightId, commentary: '' };
      const after = touched({
        ...before,
        sections: before.sections.map((section) =>
          section.id === target.id ? { ...section, items: [...section.items, item] } : section,
        ),
      });
      await put(before, after, `add a highlight to “${after.title}”`);
      return { briefing: after, added: true };
    },

    /** Adds a "Sources compared" section holding the story's comparison as it is now, at the end. */
    async addSourcesCompared(id: string, comparison: SourcesCompared): Promise<Briefing> {
      const before = find(id);
      const section: BriefingSection = {
        id: `s-${randomUUID()}`,
        title: `Sources compared: ${comparison.storyName}`,
        categoryId: null,
        items: [],
        comparison,
      };
      const after = touched({ ...before, sections: [...before.sections, section] });
      await put(before, after, `add “Sources compared” to “${after.title}”`);
      return after;
    },

    async remove(id: string): Promise<void> {
      const before = find(id);
      await put(before, null, `delete the briefing “${before.title}”`);
    },

    async rememberExportFolder(folder: string): Promise<void> {
      await store.updateBriefings((file) => void (file.lastExportFolder = folder));
    },
  };
}
export type BriefingService = ReturnType<typeof createBriefingService>;
