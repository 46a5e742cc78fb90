/**
 * The IPC methods for briefings: list, create, read, edit, rearrange, add a
 * highlight, delete, preview (the export's HTML), copy an item or section, templates (list, save
 * a briefing as one), and export (save dialog, then an atomic write; "Open" and
 * "Show in folder" only for files exported in this session).
 */
import path from 'node:path';
import { AppFailure } from '../../shared/api-error';
import type { AppServices } from '../app-services';
import { resolveBriefing } from '../briefings/briefing-document';
import { briefingView } from '../briefings/briefing-view';
import { briefingTemplates, saveTemplate } from '../briefings/briefing-templates';
import { exportBriefing, renderBriefing } from '../briefings/export-briefing';
import { exportFormats } from '../briefings/export-formats';
import { briefingClip } from '../briefings/exporters/clip-export';
import { loadNoteLibraries } from '../briefings/note-markdown';
import type { Briefing } from '../store/schemas/briefings-file';
import type { Handlers, HandlerServices } from './handler-types';

type BriefingMethods =
  | 'listBriefings'
  | 'createBriefing'
  | 'getBriefing'
  | 'updateBriefing'
  | 'setBriefingSections'
  | 'addToBriefing'
  | 'deleteBriefing'
  | 'exportBriefing'
  | 'previewBriefing'
  | 'clipBriefingPart'
  | 'listBriefingMemberships'
  | 'listBriefingTemplates'
  | 'saveBriefingTemplate'
  | 'openExportedFile'
  | 'showExportedFile';

function fileNameFor(title: string, extension: string): string {
  // Characters file systems refuse, and control characters, become spaces.
  const base =
    title
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'briefing';
  return `${base}.${extension}`;
}

export function createBriefingHandlers(
  { store, briefings }: AppServices,
  services: HandlerServices,
): Pick<Handlers, BriefingMethods> {
  const view = (briefing: Briefing) => briefingView(store, briefing);
  const find = (id: string) => briefings.find(id);
  /** Files exported in this session: the only paths "Open" and "Show in folder" accept. */
  const exported = new Set<string>();
  const requireExported = (file: string) => {
    if (!exported.has(file))
      throw new AppFailure('invalid-request', 'Only files exported in this session can be opened from here.');
  };

  return {
    listBriefings: () =>
      store
        .briefings()
        .briefings.map((briefing) => ({
          id: briefing.id,
          title: briefing.title,
          date: briefing.date,
          updatedAt: briefing.updatedAt,
          itemCount: briefing.sections.reduce((sum, section) => sum + section.items.length, 0),
        }))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    listBriefingMemberships: () => {
      const memberships: Record<string, string[]> = {};
      for (const briefing of store.briefings().briefings)
        for (const section of briefing.sections)
          for (const item of section.items) (memberships[item.highlightId] ??= []).push(briefing.id);
      return memberships;
    },
    createBriefing: async ({ title, template }) => view(await briefings.create(title, template)),
    getBriefing: ({ id }) => view(find(id)),
    updateBriefing: async ({ id, ...fields }) => view(await briefings.updateFields(id, fields)),
    setBriefingSections: async ({ id, sections }) => view(await briefings.setSections(id, sections)),
    addToBriefing: async ({ briefingId, articleId, highlightId }) => {
      const { briefing, added } = await briefings.addHighlight(briefingId, articleId, highlightId);
      return { briefing: view(briefing), added };
    },
    deleteBriefing: async ({ id }) => {
      await briefings.remove(id);
      return { id };
    },
    exportBriefing: async ({ id, format, pageSize }) => {
      const briefing = find(id);
      const { extension } = exportFormats[format];
      const folder = store.briefings().lastExportFolder;
      const suggested = fileNameFor(briefing.title, extension);
      const target = await services.pickExportPath(folder ? path.join(folder, suggested) : suggested, format);
      if (!target) return { status: 'cancelled' as const };
      const result = await exportBriefing(store, briefing, {
        format,
        target,
        pageSize,
        printToPdf: services.printToPdf,
      });
      exported.add(result.path);
      await briefings.rememberExportFolder(path.dirname(result.path));
      return { status: 'saved' as const, ...result };
    },
    previewBriefing: async ({ id }) => ({
      html: String(await renderBriefing(store, find(id), { format: 'html' })),
    }),
    clipBriefingPart: async ({ id, ...part }) => {
      await loadNoteLibraries();
      return briefingClip(resolveBriefing(store, find(id)), part);
    },
    listBriefingTemplates: async () => ({ templates: briefingTemplates(store) }),
    saveBriefingTemplate: async ({ id, name }) => saveTemplate(store, find(id), name),
    openExportedFile: async ({ path: file }) => {
      requireExported(file);
      await services.openPath(file);
      return { opened: true };
    },
    showExportedFile: async ({ path: file }) => {
      requireExported(file);
      await services.showInFolder(file);
      return { shown: true };
    },
  };
}
