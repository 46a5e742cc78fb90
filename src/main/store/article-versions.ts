/**
 * Reads an article file of any version this app has written and brings it to
 * the current shape: a version-1 file (plain paragraphs) or one cleaned by
 * older rules is cleaned again from its unchanged raw text. A version-2 file
 * is a version-3 one without links: a Markdown or HTML article is cleaned
 * again (its links come from its raw text, the cleaning rules being the same),
 * a plain-text one is relabelled as it is; either is written back as version 3.
 */
import { pageFurnitureOf, recleanArticle } from '../articles/article-from-text';
import { cleaningRulesVersion } from '../cleaning/rules-version';
import { inspectJsonFile, type FileInspection, type VersionedSchemas } from './file-inspection';
import { articleFileV1Schema, type ArticleFileV1 } from './migrations/library-v2';
import {
  articleFileSchema,
  articleFileV2Schema,
  articleFileVersion,
  type ArticleFile,
  type ArticleFileV2,
} from './schemas/article-file';
import { emptySourceMetadata, type ArticleRecord } from './schemas/library-index';

export const articleVersions: VersionedSchemas = {
  current: articleFileVersion,
  schemaFor: (version) =>
    version === 1
      ? articleFileV1Schema
      : version === 2
        ? articleFileV2Schema
        : version === articleFileVersion
          ? articleFileSchema
          : null,
};

/** A record from before version 3 of the index, given the fields version 3 added. */
export function upgradeRecord(record: ArticleFileV1['record']): ArticleRecord {
  return {
    ...record,
    titleEdited: false,
    source: emptySourceMetadata(),
    flagCount: 0,
    contentKey: 'pending',
  };
}

export type ArticleInspection =
  | Exclude<FileInspection, { state: 'sound' }>
  | { state: 'sound'; article: ArticleFile; upgraded: boolean; stale?: boolean };

/**
 * With `reclean` false, an article cleaned by older rules is returned as it is, marked `stale`
 * (the store has it re-cleaned in the import worker instead); a version-1 file is always upgraded.
 */
export async function upgradeArticle(
  data: unknown,
  schemaVersion: number,
  reclean = true,
): Promise<{ article: ArticleFile; upgraded: boolean; stale?: boolean }> {
  if (schemaVersion === 1) {
    const old = data as ArticleFileV1;
    return { article: await recleanArticle(upgradeRecord(old.record), old.rawText), upgraded: true };
  }
  const article = asCurrentShape(data, schemaVersion);
  const needsCleaning = cleanedByOlderRules(article, schemaVersion);
  if (needsCleaning && !reclean) return { article, upgraded: false, stale: true };
  if (needsCleaning) {
    return {
      article: await recleanArticle(
        article.record,
        article.rawText,
        article.format,
        article.readerChoices,
        pageFurnitureOf(article.cleaned),
      ),
      upgraded: true,
    };
  }
  return { article, upgraded: schemaVersion !== articleFileVersion };
}

/** A sound version-2 or version-3 article file in version 3's shape (a version-1 file is only cast). */
function asCurrentShape(data: unknown, schemaVersion: number): ArticleFile {
  // Version 2's shape is version 3's without links.
  return (schemaVersion === 2 ? articleV2ToV3(data as ArticleFileV2) : data) as ArticleFile;
}

/**
 * Whether an article must be cleaned again: by rules older than these, or a version-2 Markdown or
 * HTML article (only those had links to lose). Version 1 files are always re-cleaned on upgrade.
 */
function cleanedByOlderRules(article: ArticleFile, schemaVersion: number): boolean {
  if (schemaVersion === 1) return true;
  return (
    article.cleaned.rulesVersion < cleaningRulesVersion || (schemaVersion === 2 && article.format !== 'text')
  );
}

export function articleV2ToV3(article: ArticleFileV2): ArticleFile {
  return { ...article, schemaVersion: 3 };
}

export async function inspectArticleFile(file: string, reclean = true): Promise<ArticleInspection> {
  const inspection = await inspectJsonFile(file, articleVersions);
  if (inspection.state !== 'sound') return inspection;
  return { state: 'sound', ...(await upgradeArticle(inspection.data, inspection.schemaVersion, reclean)) };
}

/**
 * Whether the article file must be cleaned again when read, as `upgradeArticle` decides it (a file
 * that is missing or damaged says nothing: it is checked, and repaired, when it is read).
 */
export async function cleanedWithOlderRules(file: string): Promise<boolean> {
  const inspection = await inspectJsonFile(file, articleVersions);
  if (inspection.state !== 'sound') return false;
  const { data, schemaVersion } = inspection;
  return cleanedByOlderRules(asCurrentShape(data, schemaVersion), schemaVersion);
}
