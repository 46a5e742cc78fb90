/**
 * Briefing templates: the sections a new briefing starts with. Built in: the
 * category skeleton (one section per highlight category), "Situation report"
 * and "Literature note"; and the user's own, saved from a briefing (its
 * section titles and the categories they collect) in briefings.json. A
 * section's category decides where a highlight added with B lands.
 */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { LibraryStore } from '../store/library-store';
import type { Briefing, BriefingTemplate } from '../store/schemas/briefings-file';

/** Section titles of the category skeleton, by category id. */
const skeletonTitles: Record<string, string> = {
  'key-judgment': 'Key judgments',
  evidence: 'Evidence',
  counterpoint: 'Counterpoints',
  question: 'Open questions',
  quote: 'Quotes',
};

export const defaultTemplateId = 'categories';

const fixedTemplates: BriefingTemplate[] = [
  {
    id: 'situation-report',
    name: 'Situation report',
    sections: [
      { title: 'Situation', categoryId: 'evidence' },
      { title: 'Assessment', categoryId: 'key-judgment' },
      { title: 'Outlook', categoryId: 'question' },
      { title: 'Sources', categoryId: 'quote' },
    ],
  },
  {
    id: 'literature-note',
    name: 'Literature note',
    sections: [
      { title: 'Summary', categoryId: 'key-judgment' },
      { title: 'Key passages', categoryId: 'quote' },
      { title: 'Questions', categoryId: 'question' },
    ],
  },
];

export interface TemplateChoice extends BriefingTemplate {
  builtIn: boolean;
}

/** Every template: the built-in ones first, then the user's, newest last. */
export function briefingTemplates(store: LibraryStore): TemplateChoice[] {
  const skeleton: BriefingTemplate = {
    id: defaultTemplateId,
    name: 'Categories',
    sections: store.index().settings.categories.map((category) => ({
      title: skeletonTitles[category.id] ?? category.name,
      categoryId: category.id,
    })),
  };
  return [
    ...[skeleton, ...fixedTemplates].map((template) => ({ ...template, builtIn: true })),
    ...store.briefings().templates.map((template) => ({ ...template, builtIn: false })),
  ];
}

export function findTemplate(store: LibraryStore, id: string): TemplateChoice {
  const template = briefingTemplates(store).find((candidate) => candidate.id === id);
  if (!template) throw new AppFailure('not-found', 'That briefing template no longer exists.');
  return template;
}

/** Saves the briefing's sections (titles and categories) as a template of the user's. */
export async function saveTemplate(
  store: LibraryStore,
  briefing: Briefing,
  name: string,
): Promise<TemplateChoice> {
  if (briefing.sections.length === 0)
    throw new AppFailure('invalid-request', 'A briefing with no sections cannot be a template.');
  const template: BriefingTemplate = {
    id: `t-${randomUUID()}`,
    name: name.trim() || briefing.title,
    sections: briefing.sections.map((section) => ({ title: section.title, categoryId: section.categoryId })),
  };
  await store.updateBriefings((file) => void file.templates.push(template));
  return { ...template, builtIn: false };
}
