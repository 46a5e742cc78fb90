/**
 * Sentences several outlets share (near duplicates: Jaccard similarity of word
 * shingles at least 0.5, found through MinHash bands) against sentences only
 * one source has. Each group lists the sentence as every source wrote it.
 */
import { bandKeys, jaccard, shingles, signature, tokensOf } from './minhash';
import type { StoryArticle } from './story-types';

export interface Sentence {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export interface SharedSentence {
  /** The sentence as each source wrote it (one per article, the first met). */
  versions: Sentence[];
}

export const sameSentenceThreshold = 0.5;
const minimumWords = 6;
/** Past this many sentences an article (a book-length text) is compared by its opening only. */
const sentencesPerArticle = 3_000;
const sentenceEnd = /[.!?]["”’»]?(?=\s+["“«\p{Lu}\p{N}])/gu;

/** Sentences of an article: split at . ! ? followed by a space and a capital or quote, and at line ends. */
export function sentencesOf(article: StoryArticle): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    const raw = article.text.slice(from, to);
    const text = raw.trim();
    if (text === '') return;
    const start = from + raw.indexOf(text);
    sentences.push({ articleId: article.id, start, end: start + text.length, text });
  };
  let lineStart = 0;
  for (const line of article.text.split('\n')) {
    let from = 0;
    for (const end of line.matchAll(sentenceEnd)) {
      push(lineStart + from, lineStart + end.index + end[0].length);
      from = end.index + end[0].length;
    }
    push(lineStart + from, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return sentences;
}

export function findSharedSentences(articles: StoryArticle[]): {
  shared: SharedSentence[];
  singleSource: Sentence[];
} {
  const sentences = articles.flatMap((article) =>
    sentencesOf(article)
      .filter((sentence) => tokensOf(sentence.text).length >= minimumWords)
      .slice(0, sentencesPerArticle),
  );
  const sets = sentences.map((sentence) => shingles(tokensOf(sentence.text)));
  const buckets = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const key of bandKeys(signature(set))) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [index]);
      else bucket.push(index);
    }
  });
  const parent = sentences.map((_, index) => index);
  const find = (index: number): number =>
    parent[index] === index ? index : (parent[index] = find(parent[index]!));
  const checked = new Set<string>();
  for (const members of buckets.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const a = members[i]!;
        const b = members[j]!;
        const pair = `${a}:${b}`;
        if (checked.has(pair) || sentences[a]!.articleId === sentences[b]!.articleId) continue;
        checked.add(pair);
        if (jaccard(sets[a]!, sets[b]!) >= sameSentenceThreshold) parent[find(b)] = find(a);
      }
    }
  }
  const groups = new Map<number, Sentence[]>();
  sentences.forEach((sentence, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [sentence]);
    else group.push(sentence);
  });
  const shared: SharedSentence[] = [];
  const singleSource: Sentence[] = [];
  for (const group of groups.values()) {
    const byArticle = new Map<string, Sentence>();
    for (const sentence of group)
      if (!byArticle.has(sentence.articleId)) byArticle.set(sentence.articleId, sentence);
    if (byArticle.size > 1) shared.push({ versions: [...byArticle.values()] });
    else singleSource.push(...group);
  }
  return { shared, singleSource };
}
