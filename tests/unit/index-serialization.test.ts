/**
 * The library index is written from cached bytes per record and per run of
 * records (`serializeIndex`); what is written must be exactly
 * `JSON.stringify(index)`, after any change, and a change must be validated.
 */
import { describe, expect, it } from 'vitest';
import { indexPolicy, serializeIndex } from '../../src/main/store/index-document-policy';
import { deepFreeze } from '../../src/main/store/frozen-items';
import { emptyLibraryIndex, type LibraryIndex } from '../../src/main/store/schemas/library-index';
import { sampleArticle } from './store-helpers';

function library(count: number): LibraryIndex {
  const index = emptyLibraryIndex();
  index.articles = Array.from({ length: count }, (_, n) => deepFreeze(sampleArticle(n).record));
  return index;
}

const change = (index: LibraryIndex, edit: (draft: LibraryIndex) => void) => {
  const draft = indexPolicy.draft(index);
  edit(draft);
  return indexPolicy.check(draft, index);
};

describe('the library index', () => {
  it('is written as exactly JSON.stringify(index), before and after changes', () => {
    let index = library(700);
    expect(serializeIndex(index).toString('utf8')).toBe(JSON.stringify(index));
    index = change(index, (draft) => {
      draft.articles[300] = { ...draft.articles[300]!, title: 'A “new” title, with "quotes"' };
      draft.settings.theme = 'dark';
    });
    expect(serializeIndex(index).toString('utf8')).toBe(JSON.stringify(index));
    index = change(index, (draft) => {
      draft.articles.splice(10, 1);
      draft.articles.push(sampleArticle(9999).record);
    });
    expect(serializeIndex(index).toString('utf8')).toBe(JSON.stringify(index));
    expect(serializeIndex(emptyLibraryIndex()).toString('utf8')).toBe(JSON.stringify(emptyLibraryIndex()));
  });

  it('validates new records and the settings, and leaves the previous index as it was', () => {
    const index = library(3);
    const before = JSON.stringify(index);
    expect(() =>
      change(index, (draft) => {
        draft.articles.push({ ...draft.articles[0]!, id: '' });
      }),
    ).toThrow();
    expect(() =>
      change(index, (draft) => {
        (draft.settings as { theme: string }).theme = 'purple';
      }),
    ).toThrow();
    change(index, (draft) => {
      draft.settings.theme = 'dark';
    });
    expect(JSON.stringify(index)).toBe(before);
    // Records are frozen: code that changed one in place would throw instead of corrupting the index.
    expect(() => ((index.articles[0] as { title: string }).title = 'x')).toThrow();
  });
});
