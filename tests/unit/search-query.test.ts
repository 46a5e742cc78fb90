/**
 * The search query parser: words, phrases, filters, diacritics and any script,
 * and hostile input (huge, regex-like, unbalanced quotes) read quickly with the
 * cuts reported.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery, queryLimits } from '../../src/main/search/parse-query';
import { foldText, foldWithOffsets, searchTokens } from '../../src/shared/search-text';

describe('search text folding', () => {
  it('drops case, diacritics and compatibility forms', () => {
    expect(foldText('Café CRÈME ﬁnal Ｆｕｌｌ')).toBe('cafe creme final full');
    expect(searchTokens('Zürich, São Paulo — Łódź!')).toEqual(['zurich', 'sao', 'paulo', 'łodz']);
  });

  it('keeps non-Latin words and cuts unspaced scripts into characters', () => {
    expect(searchTokens('Москва и Київ')).toEqual(['москва', 'и', 'киів']);
    expect(searchTokens('東京都 iPhone手机')).toEqual(['東', '京', '都', 'iphone', '手', '机']);
    expect(searchTokens('القدس')).toEqual(['القدس']);
  });

  it('maps folded offsets back to the original text', () => {
    const { folded, origin } = foldWithOffsets('Él café');
    const at = folded.indexOf('cafe');
    expect(at).toBe(3);
    expect(origin[at]).toBe(3);
    expect(origin[at + 4]).toBe(7);
  });
});

describe('parseQuery', () => {
  it('reads words, phrases and every filter', () => {
    const parsed = parseQuery(
      '"Security guarantees" Ukraine outlet:"The Times" tag:#nato category:evidence in:notes after:2024 before:2025-03',
    );
    expect(parsed.words).toEqual(['security', 'guarantees', 'ukraine']);
    expect(parsed.phrases).toEqual(['security guarantees']);
    expect(parsed.outlets).toEqual(['the times']);
    expect(parsed.tags).toEqual(['nato']);
    expect(parsed.categories).toEqual(['evidence']);
    expect(parsed.kinds).toEqual(['note']);
    expect(parsed.after).toBe('2024-01-01');
    expect(parsed.before).toBe('2025-03-31');
    expect(parsed.notices).toEqual([]);
  });

  it('searches every kind without in:, and reports a bad date instead of failing', () => {
    const parsed = parseQuery('nato before:yesterday');
    expect(parsed.kinds).toEqual(['article', 'highlight', 'note']);
    expect(parsed.before).toBeNull();
    expect(parsed.notices.join(' ')).toMatch(/before:yesterday.*ignored/);
  });

  it('treats an unknown key and an unbalanced quote as text', () => {
    const parsed = parseQuery('https://example.org "open ended');
    expect(parsed.words).toEqual(['https', 'example', 'org', 'open', 'ended']);
    expect(parsed.phrases).toEqual([]);
  });

  it('reads regex-like input as plain words', () => {
    const parsed = parseQuery('(a+)+$ .* [^x] \\d{1000} ((((');
    expect(parsed.words).toEqual(['a', 'x', 'd', '1000']);
  });

  it('caps a 10,000-character query and says so, quickly', () => {
    const started = performance.now();
    const parsed = parseQuery('word '.repeat(2_000) + 'x'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(200);
    expect(parsed.notices[0]).toContain(`${queryLimits.length} characters`);
    const many = parseQuery(Array.from({ length: 60 }, (_, n) => `w${n}`).join(' '));
    expect(many.words).toHaveLength(queryLimits.words);
    expect(many.notices[0]).toContain(`${queryLimits.words} words`);
  });

  it('folds filters and phrases in any script', () => {
    const parsed = parseQuery('outlet:Le\u0301monde "Κίεβο Μόσχα" tag:Sécurité');
    expect(parsed.outlets).toEqual(['lemonde']);
    expect(parsed.tags).toEqual(['securite']);
    expect(parsed.phrases).toEqual(['κιεβο μοσχα']);
  });
});
