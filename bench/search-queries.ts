/**
 * 100 realistic search queries over the Brown-corpus library, made the same way
 * every run (a fixed seed): single words, two-word runs, quoted phrases, word
 * prefixes as typed so far, and words with one typo. The engine comparison and
 * `npm run bench` both time these, so their figures are comparable.
 */
export interface BenchQuery {
  kind: 'word' | 'two-words' | 'phrase' | 'prefix' | 'typo';
  text: string;
}

/** A small deterministic generator (mulberry32), so the queries never change between runs. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(paragraph: string): string[] {
  return paragraph
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Swaps two neighbouring letters in the middle of the word: the commonest typing slip. */
function typo(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
}

export function benchQueries(paragraphs: string[], count = 100): BenchQuery[] {
  const random = seeded(14);
  const pick = () => {
    for (;;) {
      const candidates = words(paragraphs[Math.floor(random() * paragraphs.length)]!);
      const from = Math.floor(random() * candidates.length);
      const at = candidates.findIndex(
        (word, i) => i >= from && word.length >= 5 && i < candidates.length - 1,
      );
      if (at >= 0) return [candidates[at]!, candidates[at + 1]!] as const;
    }
  };
  const queries: BenchQuery[] = [];
  const kinds: BenchQuery['kind'][] = ['word', 'word', 'two-words', 'phrase', 'prefix', 'typo'];
  for (let n = 0; n < count; n += 1) {
    const kind = kinds[n % kinds.length]!;
    const [word, next] = pick();
    const text =
      kind === 'word'
        ? word
        : kind === 'two-words'
          ? `${word} ${next}`
          : kind === 'phrase'
            ? `"${word} ${next}"`
            : kind === 'prefix'
              ? word.slice(0, 4)
              : typo(word);
    queries.push({ kind, text });
  }
  return queries;
}
