/**
 * A full-text index kept small: for each word and field, the documents that
 * contain it as one run of bytes (document-number gaps and word counts as
 * variable-length integers, about 2.5 bytes a posting), where MiniSearch kept a
 * JavaScript Map entry per posting (about 120 bytes: 415 MB for the benchmark's
 * 10,000 articles). Saved and loaded as those same bytes, so a load is a copy,
 * not the parsing of millions of JSON values.
 *
 * Changes never rewrite the packed bytes: a new or changed document gets a new
 * number and its postings go to a small unpacked tail; a removed one is only
 * marked gone. The tail is packed (and the gone documents dropped) when it grows
 * large and on every save. Ranking is BM25 per field with boosts, as MiniSearch
 * ranked (k 1.2, b 0.7, and its 0.5 floor); prefix and one-typo matches weigh less.
 */
import { TermDictionary } from './term-dictionary';

export interface CompactIndexOptions {
  /** Field names, in the order documents give their texts. */
  fields: readonly string[];
  boosts: readonly number[];
}

export interface WordQuery {
  word: string;
  prefix: boolean;
  fuzzy: boolean;
}

export interface CompactHit {
  id: string;
  score: number;
  /** The indexed word each query word matched (for the snippet's marks). */
  terms: string[];
}

const k1 = 1.2;
const b = 0.7;
const floor = 0.5;
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;
/** Unpacked postings (pairs) past which the tail is packed. */
const tailLimit = 400_000;
const formatTag = 'compact-1';

function writeNumber(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
}

/** Calls `each(doc, count)` for every posting of a packed run. */
function readRun(bytes: Uint8Array, from: number, to: number, each: (doc: number, count: number) => void) {
  let at = from;
  let doc = 0;
  while (at < to) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    let count = 0;
    shift = 0;
    do {
      byte = bytes[at++]!;
      count += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    doc += gap;
    each(doc, count);
  }
}

/** A Uint32Array that grows (doubling) as numbers are appended. */
class Numbers {
  values: Uint32Array<ArrayBuffer>;
  length: number;
  constructor(values = new Uint32Array(1024), length = 0) {
    this.values = values;
    this.length = length;
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  used(): Uint32Array {
    return this.values.subarray(0, this.length);
  }
}

interface Packed {
  bytes: Uint8Array;
  /** Where each slot's run starts (slot = term × fields + field); one more entry at the end. */
  starts: Uint32Array;
  counts: Uint32Array;
}

const emptyPacked = (): Packed => ({
  bytes: new Uint8Array(0),
  starts: new Uint32Array(1),
  counts: new Uint32Array(0),
});

export class CompactIndex {
  readonly #fields: number;
  readonly #boosts: readonly number[];
  #dictionary: TermDictionary;
  #packed: Packed;
  /** Postings since the last pack: slot → [doc, count, doc, count…]. */
  #tail = new Map<number, number[]>();
  #tailSize = 0;
  /** Document number → id (null once removed), and back. */
  #ids: Array<string | null>;
  #numbers = new Map<string, number>();
  /** Word counts: document × fields + field. */
  #lengths: Numbers;
  /** A number the owner keeps with each document (search-engine.ts: what its highlight looked like); 0 when none. */
  #stamps: Numbers;
  #totals: number[];
  #live = 0;

  constructor(
    options: CompactIndexOptions,
    state?: {
      terms: string[];
      ids: string[];
      lengths: Uint32Array<ArrayBuffer>;
      stamps: Uint32Array<ArrayBuffer>;
      packed: Packed;
    },
  ) {
    this.#fields = options.fields.length;
    this.#boosts = options.boosts;
    this.#dictionary = new TermDictionary(state?.terms ?? [], true);
    this.#packed = state?.packed ?? emptyPacked();
    this.#ids = state?.ids ?? [];
    this.#lengths = state ? new Numbers(state.lengths, state.lengths.length) : new Numbers();
    this.#stamps = state ? new Numbers(state.stamps, state.stamps.length) : new Numbers();
    this.#totals = new Array<number>(this.#fields).fill(0);
    const lengths = this.#lengths.values;
    this.#ids.forEach((id, doc) => {
      if (id === null) return;
      this.#numbers.set(id, doc);
      this.#live += 1;
      for (let field = 0; field < this.#fields; field += 1)
        this.#totals[field]! += lengths[doc * this.#fields + field]!;
    });
  }

  get documentCount(): number {
    return this.#live;
  }

  has(id: string): boolean {
    return this.#numbers.has(id);
  }

  ids(): string[] {
    return [...this.#numbers.keys()];
  }

  /** The number kept with a document; 0 when it has none or is not indexed. */
  stampOf(id: string): number {
    const doc = this.#numbers.get(id);
    return doc === undefined ? 0 : this.#stamps.values[doc]!;
  }

  /** Indexes a document from its fields' words (already folded and filtered); replaces one of that id. */
  add(id: string, fieldWords: ReadonlyArray<readonly string[]>, stamp = 0): void {
    this.remove(id);
    const doc = this.#ids.length;
    this.#ids.push(id);
    this.#numbers.set(id, doc);
    this.#stamps.push(stamp);
    this.#live += 1;
    for (let field = 0; field < this.#fields; field += 1) {
      const words = fieldWords[field] ?? [];
      this.#lengths.push(words.length);
      this.#totals[field]! += words.length;
      const counts = new Map<number, number>();
      for (const word of words) {
        const term = this.#dictionary.add(word);
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, count] of counts) {
        const slot = term * this.#fields + field;
        let run = this.#tail.get(slot);
        if (!run) this.#tail.set(slot, (run = []));
        run.push(doc, count);
        this.#tailSize += 1;
      }
    }
    if (this.#tailSize > tailLimit) this.pack();
  }

  remove(id: string): void {
    const doc = this.#numbers.get(id);
    if (doc === undefined) return;
    this.#numbers.delete(id);
    this.#ids[doc] = null;
    this.#live -= 1;
    for (let field = 0; field < this.#fields; field += 1)
      this.#totals[field]! -= this.#lengths.values[doc * this.#fields + field]!;
  }

  /** Calls `each` for every live posting of a slot, packed first, then the tail. */
  #postings(slot: number, each: (doc: number, count: number) => void): void {
    const { bytes, starts } = this.#packed;
    if (slot + 1 < starts.length) readRun(bytes, starts[slot]!, starts[slot + 1]!, each);
    const run = this.#tail.get(slot);
    if (run) for (let at = 0; at < run.length; at += 2) each(run[at]!, run[at + 1]!);
  }

  #slotCount(slot: number): number {
    const { counts } = this.#packed;
    return (slot < counts.length ? counts[slot]! : 0) + (this.#tail.get(slot)?.length ?? 0) / 2;
  }

  /** The dictionary's terms a query word stands for, each with its weight. */
  #expand({ word, prefix, fuzzy }: WordQuery): Map<number, number> {
    const found = new Map<number, number>();
    const exact = this.#dictionary.numberOf(word);
    if (exact !== undefined) found.set(exact, 1);
    const terms = this.#dictionary.terms;
    if (prefix)
      for (const term of this.#dictionary.withPrefix(word))
        if (!found.has(term)) found.set(term, (prefixWeight * word.length) / terms[term]!.length);
    if (fuzzy)
      for (const term of this.#dictionary.oneEditFrom(word))
        if (!found.has(term)) found.set(term, (fuzzyWeight * word.length) / (word.length + 0.3));
    return found;
  }

  /** Documents matching every word (ranked), or with no words every document, kept when `filter` allows. */
  search(words: WordQuery[], filter: (id: string) => boolean, limit: number): CompactHit[] {
    const ids = this.#ids;
    const lengths = this.#lengths.values;
    if (words.length === 0) {
      const all: CompactHit[] = [];
      for (const id of ids) {
        if (all.length >= limit) break;
        if (id !== null && filter(id)) all.push({ id, score: 0, terms: [] });
      }
      return all;
    }
    const size = ids.length;
    const fields = this.#fields;
    const averages = this.#totals.map((total) => (this.#live > 0 ? total / this.#live : 1) || 1);
    const perWord = words.map((query, at) => {
      const { scores, termOf } = this.#scratch(at, size);
      const touched: number[] = [];
      for (const [term, weight] of this.#expand(query)) {
        for (let field = 0; field < fields; field += 1) {
          const slot = term * fields + field;
          const having = this.#slotCount(slot);
          if (having === 0) continue;
          const idf = Math.log(1 + (this.#live - having + 0.5) / (having + 0.5));
          const scale = weight * this.#boosts[field]! * idf;
          const average = averages[field]!;
          this.#postings(slot, (doc, count) => {
            if (ids[doc] === null) return;
            const length = lengths[doc * fields + field]!;
            const score =
              scale * (floor + (count * (k1 + 1)) / (count + k1 * (1 - b + (b * length) / average)));
            if (scores[doc] === 0) touched.push(doc);
            scores[doc]! += score;
            if (termOf[doc] === -1) termOf[doc] = term;
          });
        }
      }
      return { scores, termOf, touched };
    });
    const smallest = perWord.reduce((best, word) =>
      word.touched.length < best.touched.length ? word : best,
    );
    const hits: CompactHit[] = [];
    const terms = this.#dictionary.terms;
    for (const doc of smallest.touched) {
      let score = 0;
      let all = true;
      for (const word of perWord) {
        const value = word.scores[doc]!;
        if (value === 0) {
          all = false;
          break;
        }
        score += value;
      }
      if (!all || !filter(ids[doc]!)) continue;
      hits.push({ id: ids[doc]!, score, terms: perWord.map((word) => terms[word.termOf[doc]!]!) });
    }
    for (const { scores, termOf, touched } of perWord)
      for (const doc of touched) {
        scores[doc] = 0;
        termOf[doc] = -1;
      }
    hits.sort((x, y) => y.score - x.score);
    return hits.slice(0, limit);
  }

  /** Per-document score and matched word for the `at`th query word: kept between queries (cleared after each). */
  readonly #scratches: Array<{ scores: Float32Array; termOf: Int32Array }> = [];
  #scratch(at: number, size: number) {
    // Queries of many words are rare: past the fourth word the arrays are made for the query alone.
    if (at >= 4) return { scores: new Float32Array(size), termOf: new Int32Array(size).fill(-1) };
    let scratch = this.#scratches[at];
    if (!scratch || scratch.scores.length < size) {
      const room = Math.ceil(size * 1.25) + 1024;
      scratch = { scores: new Float32Array(room), termOf: new Int32Array(room).fill(-1) };
      this.#scratches[at] = scratch;
    }
    return scratch;
  }

  /**
   * Packs the tail into the bytes, drops removed documents and words no longer used, and renumbers:
   * words in their sorted order, so a loaded index needs no sorting.
   */
  pack(): void {
    const fields = this.#fields;
    const renumber = new Int32Array(this.#ids.length).fill(-1);
    const ids: string[] = [];
    const lengths = new Numbers(new Uint32Array(Math.max(1024, this.#live * fields)));
    const stamps = new Numbers(new Uint32Array(Math.max(1024, this.#live)));
    this.#ids.forEach((id, doc) => {
      if (id === null) return;
      renumber[doc] = ids.length;
      ids.push(id);
      stamps.push(this.#stamps.values[doc]!);
      for (let field = 0; field < fields; field += 1)
        lengths.push(this.#lengths.values[doc * fields + field]!);
    });
    const oldTerms = this.#dictionary.terms;
    const terms: string[] = [];
    const bytes: number[] = [];
    const chunks: Uint8Array[] = [];
    let written = 0;
    const starts: number[] = [0];
    const counts: number[] = [];
    const run: number[] = [];
    for (const term of this.#dictionary.inOrder()) {
      const before = { starts: starts.length, counts: counts.length };
      let used = false;
      for (let field = 0; field < fields; field += 1) {
        run.length = 0;
        this.#postings(term * fields + field, (doc, count) => {
          if (renumber[doc]! >= 0) run.push(renumber[doc]!, count);
        });
        let previous = 0;
        for (let at = 0; at < run.length; at += 2) {
          writeNumber(bytes, run[at]! - previous);
          writeNumber(bytes, run[at + 1]!);
          previous = run[at]!;
        }
        counts.push(run.length / 2);
        starts.push(written + bytes.length);
        used ||= run.length > 0;
      }
      if (!used) {
        // A word no document has any more: forget it, and its empty runs.
        starts.length = before.starts;
        counts.length = before.counts;
        continue;
      }
      terms.push(oldTerms[term]!);
      if (bytes.length > 1 << 20) {
        chunks.push(Uint8Array.from(bytes));
        written += bytes.length;
        bytes.length = 0;
      }
    }
    chunks.push(Uint8Array.from(bytes));
    written += bytes.length;
    const packed = new Uint8Array(written);
    let offset = 0;
    for (const chunk of chunks) {
      packed.set(chunk, offset);
      offset += chunk.length;
    }
    this.#dictionary = new TermDictionary(terms, true);
    this.#packed = { bytes: packed, starts: Uint32Array.from(starts), counts: Uint32Array.from(counts) };
    this.#tail = new Map();
    this.#tailSize = 0;
    this.#ids = ids;
    this.#numbers = new Map(ids.map((id, doc) => [id, doc]));
    this.#lengths = lengths;
    this.#stamps = stamps;
  }

  /**
   * The packed index as bytes: sizes, a JSON part (words, ids), then as 32-bit numbers the
   * documents' word counts and stamps and the runs' starts and counts, then the runs.
   */
  serialize(): Buffer {
    this.pack();
    const { bytes, starts, counts } = this.#packed;
    const json = Buffer.from(
      JSON.stringify({
        format: formatTag,
        fields: this.#fields,
        terms: this.#dictionary.terms,
        ids: this.#ids,
      }),
    );
    const sizes = Buffer.alloc(16);
    sizes.writeUInt32LE(json.length, 0);
    sizes.writeUInt32LE(this.#ids.length, 4);
    sizes.writeUInt32LE(counts.length, 8);
    sizes.writeUInt32LE(bytes.length, 12);
    const raw = (array: Uint8Array | Uint32Array) =>
      Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    return Buffer.concat([
      sizes,
      json,
      raw(this.#lengths.used()),
      raw(this.#stamps.used()),
      raw(starts),
      raw(counts),
      raw(bytes),
    ]);
  }

  /** Reads what `serialize` wrote; throws on anything that does not add up. */
  static load(options: CompactIndexOptions, data: Buffer): CompactIndex {
    if (data.length < 16) throw new Error('the index is cut short');
    const fields = options.fields.length;
    const jsonLength = data.readUInt32LE(0);
    const docs = data.readUInt32LE(4);
    const slots = data.readUInt32LE(8);
    const byteLength = data.readUInt32LE(12);
    let at = 16 + jsonLength;
    const meta = JSON.parse(data.subarray(16, at).toString('utf8')) as {
      format: unknown;
      fields: unknown;
      terms: unknown;
      ids: unknown;
    };
    if (meta.format !== formatTag || meta.fields !== fields)
      throw new Error('the index is of another format');
    const { terms, ids } = meta;
    if (
      !Array.isArray(terms) ||
      !Array.isArray(ids) ||
      terms.length * fields !== slots ||
      ids.length !== docs
    )
      throw new Error('the index does not add up');
    if (at + (docs * fields + docs + slots * 2 + 1) * 4 + byteLength !== data.length)
      throw new Error('the index has the wrong length');
    // Copied out of the file's buffer (which may not be aligned for 32-bit numbers, and is let go).
    const numbers = (count: number) => {
      const copy = new Uint32Array(count);
      new Uint8Array(copy.buffer).set(data.subarray(at, (at += count * 4)));
      return copy;
    };
    const lengths = numbers(docs * fields);
    const stamps = numbers(docs);
    const starts = numbers(slots + 1);
    const counts = numbers(slots);
    const bytes = new Uint8Array(byteLength);
    bytes.set(data.subarray(at, at + byteLength));
    if (starts[slots] !== byteLength) throw new Error('the index does not add up');
    return new CompactIndex(options, {
      terms: terms as string[],
      ids: ids as string[],
      lengths,
      stamps,
      packed: { bytes, starts, counts },
    });
  }
}
