/**
 * Pure edits to a briefing's sections, as the editor makes them: move an item
 * up or down (across section edges), to another section, or to a drop target;
 * add, rename, move and remove sections. Each returns the new sections in the
 * shape `setBriefingSections` takes.
 */
import type { BriefingView } from '../../../shared/contract';

export interface SectionInput {
  id: string;
  title: string;
  categoryId: string | null;
  items: { id: string; articleId: string; highlightId: string; commentary: string }[];
}

export function sectionInputs(view: BriefingView): SectionInput[] {
  return view.sections.map(({ id, title, categoryId, items }) => ({
    id,
    title,
    categoryId,
    items: items.map(({ id: itemId, articleId, highlightId, commentary }) => ({
      id: itemId,
      articleId,
      highlightId,
      commentary,
    })),
  }));
}

function locate(sections: SectionInput[], itemId: string): [number, number] {
  for (const [s, section] of sections.entries()) {
    const i = section.items.findIndex((item) => item.id === itemId);
    if (i >= 0) return [s, i];
  }
  return [-1, -1];
}

/** Moves an item one place up or down; at a section's edge it moves into the neighbouring section. */
export function moveItem(sections: SectionInput[], itemId: string, step: -1 | 1): SectionInput[] {
  const next = structuredClone(sections);
  const [s, i] = locate(next, itemId);
  if (s < 0) return sections;
  const section = next[s]!;
  const [item] = section.items.splice(i, 1);
  const target = i + step;
  if (target >= 0 && target <= section.items.length) section.items.splice(target, 0, item!);
  else if (step < 0 && s > 0) next[s - 1]!.items.push(item!);
  else if (step > 0 && s < next.length - 1) next[s + 1]!.items.unshift(item!);
  else section.items.splice(i, 0, item!);
  return next;
}

/** Moves an item to a section (at its end), or before another item. */
export function placeItem(
  sections: SectionInput[],
  itemId: string,
  to: { sectionId: string; beforeItemId?: string },
): SectionInput[] {
  const next = structuredClone(sections);
  const [s, i] = locate(next, itemId);
  if (s < 0 || itemId === to.beforeItemId) return sections;
  const [item] = next[s]!.items.splice(i, 1);
  const target = next.find((section) => section.id === to.sectionId);
  if (!target) return sections;
  const at = to.beforeItemId ? target.items.findIndex((candidate) => candidate.id === to.beforeItemId) : -1;
  target.items.splice(at >= 0 ? at : target.items.length, 0, item!);
  return next;
}

export function moveSection(sections: SectionInput[], sectionId: string, step: -1 | 1): SectionInput[] {
  const next = [...sections];
  const at = next.findIndex((section) => section.id === sectionId);
  const to = at + step;
  if (at < 0 || to < 0 || to >= next.length) return sections;
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

export function setCommentary(sections: SectionInput[], itemId: string, commentary: string): SectionInput[] {
  return sections.map((section) => ({
    ...section,
    items: section.items.map((item) => (item.id === itemId ? { ...item, commentary } : item)),
  }));
}
