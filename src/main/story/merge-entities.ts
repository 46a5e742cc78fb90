/**
 * Alias merging: mentions of one person, organisation or place under one
 * entity. Names meet when their spelling keys match (Zelenskyy / Zelenskiy /
 * Zelensky, Kyiv / Kiev), when an acronym spells a longer name's initials
 * (U.S. / United States), and when a surname alone belongs to exactly one full
 * name in the story ("Trump" / "Donald Trump"). A surname two people share is
 * given, mention by mention, to the full name last written before it in the
 * same article, so different people with one surname are never merged unless
 * the text itself says which one is meant. The reader's own merges, splits and
 * renames are applied last.
 */
import { acronymOf, initialsOf, nameTokens, spellingKey } from './name-forms';
import type { Entity, EntityKind, Mention } from './story-types';

export interface EntityChoices {
  /** Names the reader put together (each group becomes one entity). */
  merges: string[][];
  /** Names the reader took out of their entity (each becomes its own). */
  splits: string[];
  /** The label the reader gave the entity holding a name. */
  renames: Record<string, string>;
}

export const noChoices: EntityChoices = { merges: [], splits: [], renames: {} };

/** The key two spellings of one name share. */
export const nameKey = (name: string): string => nameTokens(name).map(spellingKey).join(' ');

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}

function majorityKind(mentions: Mention[]): EntityKind {
  const counts = new Map<EntityKind, number>();
  for (const mention of mentions) counts.set(mention.kind, (counts.get(mention.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The automatic groups: a key per mention (keys of one group share a union-find root). */
function groupNames(mentions: Mention[], unions: UnionFind): Map<Mention, string> {
  const keys = new Set(mentions.map((mention) => nameKey(mention.name)));
  const personKeys = new Set(mentions.filter((m) => m.kind === 'person').map((m) => nameKey(m.name)));
  const multiWord = [...keys].filter((key) => key.includes(' '));
  for (const key of keys) unions.find(key);
  // Acronyms meet the names whose initials they spell.
  const byInitials = new Map<string, Set<string>>();
  for (const mention of mentions) {
    const initials = initialsOf(mention.name);
    if (initials !== null)
      byInitials.set(initials, (byInitials.get(initials) ?? new Set()).add(nameKey(mention.name)));
  }
  for (const mention of mentions) {
    const acronym = acronymOf(mention.name);
    const expansions = acronym === null ? undefined : byInitials.get(acronym);
    if (expansions?.size === 1) unions.union([...expansions][0]!, nameKey(mention.name));
  }
  // A lone surname: the full names of people that end with it.
  const fullNamesBySurname = new Map<string, Set<string>>();
  for (const key of multiWord) {
    if (!personKeys.has(key)) continue;
    const surname = key.slice(key.lastIndexOf(' ') + 1);
    fullNamesBySurname.set(surname, (fullNamesBySurname.get(surname) ?? new Set()).add(key));
  }
  const assigned = new Map<Mention, string>();
  // Only full names whose surname two people share can own a bare surname mention-by-mention.
  const shared = new Set(
    [...fullNamesBySurname.values()].filter((owners) => owners.size > 1).flatMap((owners) => [...owners]),
  );
  const sharedSurnameNames = mentions.filter((mention) => shared.has(nameKey(mention.name)));
  for (const mention of mentions) {
    const key = nameKey(mention.name);
    const owners = key.includes(' ') ? undefined : fullNamesBySurname.get(key);
    if (owners === undefined || personKeys.has(key) === false) {
      assigned.set(mention, key);
    } else if (owners.size === 1) {
      unions.union([...owners][0]!, key);
      assigned.set(mention, key);
    } else {
      assigned.set(mention, nearestOwner(mention, sharedSurnameNames, owners) ?? key);
    }
  }
  return assigned;
}

/** The full name written last before the mention in the same article (else first after it). */
function nearestOwner(mention: Mention, fullNames: Mention[], owners: Set<string>): string | null {
  const sameArticle = fullNames.filter(
    (other) => other.articleId === mention.articleId && owners.has(nameKey(other.name)),
  );
  const before = sameArticle.filter((other) => other.start < mention.start).pop();
  const after = sameArticle.find((other) => other.start > mention.start);
  const owner = before ?? after;
  return owner === undefined ? null : nameKey(owner.name);
}

function applyChoices(
  mentions: Mention[],
  assigned: Map<Mention, string>,
  unions: UnionFind,
  choices: EntityChoices,
): void {
  const split = new Set(choices.splits.map(nameKey));
  for (const mention of mentions) {
    const key = nameKey(mention.name);
    if (split.has(key)) assigned.set(mention, `split:${key}`);
  }
  for (const group of choices.merges) {
    const keys = group.map(nameKey);
    for (const key of keys.slice(1))
      unions.union(
        split.has(keys[0]!) ? `split:${keys[0]}` : keys[0]!,
        split.has(key) ? `split:${key}` : key,
      );
  }
}

function labelOf(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.name, (counts.get(mention.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1])[0]![0];
}

/** Groups the story's mentions into entities, largest first. */
export function mergeEntities(mentions: Mention[], choices: EntityChoices = noChoices): Entity[] {
  const unions = new UnionFind();
  const assigned = groupNames(mentions, unions);
  applyChoices(mentions, assigned, unions, choices);
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const root = unions.find(assigned.get(mention)!);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [mention]);
    else group.push(mention);
  }
  const renames = new Map(Object.entries(choices.renames).map(([name, label]) => [nameKey(name), label]));
  const entities = [...groups].map(([root, members]): Entity => {
    const aliases = [...new Set(members.map((mention) => mention.name))].sort();
    const renamed = aliases.map((alias) => renames.get(nameKey(alias))).find((label) => label !== undefined);
    return {
      id: `entity:${root}`,
      label: renamed ?? labelOf(members),
      kind: majorityKind(members),
      aliases,
      mentions: members,
    };
  });
  return entities.sort((a, b) => b.mentions.length - a.mentions.length || a.label.localeCompare(b.label));
}
