/**
 * The packed search index (compact-index.ts) and its word list: ranked AND
 * matches, prefixes and one-typo matches, replacing and removing documents
 * before and after packing, and a saved index read back the same (or refused
 * when damaged).
 */
import { describe, expect, it } from 'vitest';
import { CompactIndex, type WordQuery } from '../../src/main/search/compact-index';
import { TermDictionary, withinOneEdit } from '../../src/main/search/term-dictionary';

const options = { fields: ['title', 'text'], boosts: [3, 1] };
const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
const doc = (title: string, text: string) => [words(title), words(text)];
const exact = (word: string): WordQuery => ({ word, prefix: false, fuzzy: false });
const all = () => true;

function library(): CompactIndex {
  const index = new CompactIndex(options);
  index.add('a', doc('Security guarantees', 'the alliance offered guarantees of security'));
  index.add('b', doc('Grain exports', 'ships carried grain through the strait'));
  index.add('c', doc('Ceasefire talks', 'security was discussed, grain was not'));
  return index;
}

describe('the word list', () => {
  it('finds words by prefix and by one edit, new words included', () => {
    const dictionary = new TermDictionary(['security', 'secure', 'grain', 'strait']);
    dictionary.add('sectarian');
    const named = (numbers: number[]) => numbers.map((n) => dictionary.terms[n]).sort();
    expect(named(dictionary.withPrefix('secu'))).toEqual(['secure', 'security']);
    expect(named(dictionary.withPrefix('sect'))).toEqual(['sectarian']);
    expect(named(dictionary.oneEditFrom('straight'))).toEqual([]);
    expect(named(dictionary.oneEditFrom('strai'))).toEqual(['strait']);
    expect(named(dictionary.oneEditFrom('grian'))).toEqual([]);
    expect(withinOneEdit('grain', 'groin')).toBe(true);
    expect(withinOneEdit('grain', 'gain')).toBe(true);
    expect(withinOneEdit('grain', 'grains')).toBe(true);
    expect(withinOneEdit('grain', 'rgain')).toBe(false);
  });
});

describe('the packed index', () => {
  it('ranks documents with every word, a title match first', () => {
    const index = library();
    const hits = index.search([exact('security')], all, 10);
    expect(hits.map((hit) => hit.id)).toEqual(['a', 'c']);
    expect(hits[0]!.terms).toEqual(['security']);
    expect(index.search([exact('security'), exact('grain')], all, 10).map((hit) => hit.id)).toEqual(['c']);
    expect(index.search([exact('security')], (id) => id !== 'a', 10).map((hit) => hit.id)).toEqual(['c']);
  });

  it('matches a prefix and one typo, weighing them below the word itself', () => {
    const index = library();
    expect(index.search([{ word: 'guar', prefix: true, fuzzy: false }], all, 10)[0]).toMatchObject({
      id: 'a',
      terms: ['guarantees'],
    });
    const swapped = index.search([{ word: 'gorin', prefix: false, fuzzy: true }], all, 10);
    expect(swapped).toHaveLength(0);
    const near = index.search([{ word: 'strat', prefix: false, fuzzy: true }], all, 10);
    expect(near.map((hit) => [hit.id, hit.terms[0]])).toEqual([['b', 'strait']]);
  });

  it('replaces and removes documents before and after packing, and lists everything with no words', () => {
    const index = library();
    index.add('b', doc('Grain exports resume', 'convoys sail'));
    expect(index.search([exact('ships')], all, 10)).toHaveLength(0);
    expect(index.search([exact('convoys')], all, 10).map((hit) => hit.id)).toEqual(['b']);
    index.pack();
    index.remove('c');
    expect(index.documentCount).toBe(2);
    expect(index.search([exact('ceasefire')], all, 10)).toHaveLength(0);
    expect(index.search([exact('convoys')], all, 10).map((hit) => hit.id)).toEqual(['b']);
    index.pack();
    expect(index.search([], all, 10).map((hit) => hit.id)).toEqual(['a', 'b']);
    expect(index.ids().sort()).toEqual(['a', 'b']);
  });

  it('reads back what it saved, with changes made since, and refuses damaged bytes', () => {
    const index = library();
    index.pack();
    index.add('d', doc('Strait closed', 'no ships'), 7);
    const saved = index.serialize();
    const again = CompactIndex.load(options, saved);
    expect(again.documentCount).toBe(4);
    expect([again.stampOf('d'), again.stampOf('a'), again.stampOf('gone')]).toEqual([7, 0, 0]);
    expect(again.search([exact('strait')], all, 10).map((hit) => hit.id)).toEqual(['d', 'b']);
    expect(again.search([exact('security')], all, 10)).toEqual(index.search([exact('security')], all, 10));
    expect(() => CompactIndex.load(options, saved.subarray(0, saved.length - 3))).toThrow();
    expect(() => CompactIndex.load(options, Buffer.from('{}'))).toThrow();
    expect(() => CompactIndex.load({ fields: ['text'], boosts: [1] }, saved)).toThrow();
  });
});
