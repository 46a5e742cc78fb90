/**
 * The search index's words, each with a number, and the two lookups the
 * queries need beyond an exact word: every word starting with a prefix (a sorted
 * list searched by halves) and every word one edit away (only words of a
 * neighbouring length are compared). A plain list and map: for the 42,000 words
 * of the benchmark library it takes a few MB where a radix tree of maps
 * (MiniSearch's SearchableMap) took 11 MB and answered a prefix ten times slower.
 */

/** Words added since the sorted list was made; past this many, it is sorted again. */
const unsortedLimit = 2_000;

/** Whether `a` and `b` differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return endA - start <= 1 && endB - start <= 1;
}

export class TermDictionary {
  readonly terms: string[] = [];
  readonly #numbers = new Map<string, number>();
  /** Term numbers in the order of their words; those added since are in #unsorted. */
  #sorted: number[] = [];
  #unsorted: number[] = [];
  /** Term numbers by word length (in UTF-16 units), for the one-edit lookup. */
  readonly #byLength: number[][] = [];

  /** `sorted`: the terms come in order already (as the packed index saves them), so none are sorted here. */
  constructor(terms: string[] = [], sorted = false) {
    terms.forEach((term, number) => {
      this.terms.push(term);
      this.#numbers.set(term, number);
      (this.#byLength[term.length] ??= []).push(number);
    });
    if (sorted) this.#sorted = terms.map((_, number) => number);
    else this.#sort();
  }

  /** Every term number in the order of the words. */
  inOrder(): number[] {
    if (this.#unsorted.length > 0) this.#sort();
    return this.#sorted;
  }

  get size(): number {
    return this.terms.length;
  }

  numberOf(term: string): number | undefined {
    return this.#numbers.get(term);
  }

  /** The term's number, adding it when new. */
  add(term: string): number {
    const known = this.#numbers.get(term);
    if (known !== undefined) return known;
    const number = this.terms.length;
    this.terms.push(term);
    this.#numbers.set(term, number);
    (this.#byLength[term.length] ??= []).push(number);
    this.#unsorted.push(number);
    if (this.#unsorted.length > unsortedLimit) this.#sort();
    return number;
  }

  #sort(): void {
    const terms = this.terms;
    this.#sorted = terms.map((_, n) => n).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    this.#unsorted = [];
  }

  /** Numbers of the words that start with `prefix` (the word itself included). */
  withPrefix(prefix: string): number[] {
    const terms = this.terms;
    const sorted = this.#sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[sorted[middle]!]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < sorted.length && terms[sorted[at]!]!.startsWith(prefix); at += 1)
      found.push(sorted[at]!);
    for (const number of this.#unsorted) if (terms[number]!.startsWith(prefix)) found.push(number);
    return found;
  }

  /** Numbers of the words one edit away from `word` (not the word itself). */
  oneEditFrom(word: string): number[] {
    const found: number[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length += 1)
      for (const number of this.#byLength[length] ?? []) {
        const term = this.terms[number]!;
        if (term !== word && withinOneEdit(word, term)) found.push(number);
      }
    return found;
  }
}
