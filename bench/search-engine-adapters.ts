/**
 * The candidate search engines behind one small interface, each set up as the
 * app would need it (prefix and typo-tolerant matching where the engine has it,
 * incremental updates), so `search-engines.ts` times them alike: MiniSearch,
 * FlexSearch, Orama, and the packed index the app now uses (compact-index.ts).
 */
import MiniSearch from 'minisearch';
import { Document } from 'flexsearch';
import { create, insertMultiple, load, remove, insert, save, search } from '@orama/orama';
import { CompactIndex } from '../src/main/search/compact-index';
import { isCommonWord } from '../src/main/search/search-engine';
import { searchTokens } from '../src/shared/search-text';

export interface BenchDoc {
  [key: string]: string;
  id: string;
  title: string;
  body: string;
}

interface Engine<I> {
  build(docs: BenchDoc[]): Promise<I>;
  serialize(index: I): Promise<string | Buffer>;
  load(serialized: string | Buffer): Promise<I>;
  search(index: I, query: string): Promise<string[]>;
  update(index: I, doc: BenchDoc): Promise<void>;
}

const miniOptions = {
  fields: ['title', 'body'],
  // As the app searches (src/main/search/search-engine.ts): the last word as a prefix, one typo in longer words.
  searchOptions: {
    combineWith: 'AND' as const,
    boost: { title: 2 },
    prefix: (term: string, at: number, terms: string[]) => at === terms.length - 1 && term.length >= 2,
    fuzzy: (term: string) => (term.length >= 5 ? 1 : false),
    maxFuzzy: 1,
  },
};

const minisearch: Engine<MiniSearch<BenchDoc>> = {
  build: async (docs) => {
    const index = new MiniSearch<BenchDoc>(miniOptions);
    index.addAll(docs);
    return index;
  },
  serialize: async (index) => JSON.stringify(index),
  load: async (serialized) => MiniSearch.loadJSON<BenchDoc>(String(serialized), miniOptions),
  search: async (index, query) =>
    index
      .search(query)
      .slice(0, 20)
      .map((result) => String(result.id)),
  update: async (index, doc) => {
    index.discard(doc.id);
    index.add(doc);
  },
};

type FlexIndex = Document<BenchDoc>;
const flexOptions = () =>
  new Document<BenchDoc>({
    document: { id: 'id', index: ['title', 'body'] },
    tokenize: 'forward',
    encoder: 'LatinBalance',
    fastupdate: false,
  });

const flexsearch: Engine<FlexIndex> = {
  build: async (docs) => {
    const index = flexOptions();
    for (const doc of docs) index.add(doc);
    return index;
  },
  serialize: async (index) => {
    const parts: Record<string, string> = {};
    await index.export((key: string, data: string) => {
      parts[key] = data;
    });
    return JSON.stringify(parts);
  },
  load: async (serialized) => {
    const index = flexOptions();
    for (const [key, data] of Object.entries(JSON.parse(String(serialized)) as Record<string, string>))
      await index.import(key, data);
    return index;
  },
  search: async (index, query) => {
    const fields = index.search(query, { limit: 20, suggest: true }) as Array<{ result: unknown[] }>;
    return [...new Set(fields.flatMap((field) => field.result.map(String)))];
  },
  update: async (index, doc) => {
    index.update(doc);
  },
};

const oramaSchema = { id: 'string', title: 'string', body: 'string' } as const;
type OramaDb = ReturnType<typeof create<typeof oramaSchema>>;

const orama: Engine<OramaDb> = {
  build: async (docs) => {
    const db = create({ schema: oramaSchema });
    await insertMultiple(db, docs, 500);
    return db;
  },
  serialize: async (db) => JSON.stringify(save(db)),
  load: async (serialized) => {
    const db = create({ schema: oramaSchema });
    load(db, JSON.parse(String(serialized)));
    return db;
  },
  search: async (db, query) => {
    const found = await search(db, { term: query, tolerance: 1, limit: 20 });
    return found.hits.map((hit) => hit.id);
  },
  update: async (db, doc) => {
    await remove(db, doc.id);
    await insert(db, doc);
  },
};

const compactOptions = { fields: ['title', 'body'], boosts: [2, 1] };
/** As the app indexes and asks (search-engine.ts): folded words, the commonest English words left out. */
const indexWords = (text: string) => searchTokens(text).filter((word) => !isCommonWord(word));

const compact: Engine<CompactIndex> = {
  build: async (docs) => {
    const index = new CompactIndex(compactOptions);
    for (const doc of docs) index.add(doc.id, [indexWords(doc.title), indexWords(doc.body)]);
    index.pack();
    return index;
  },
  serialize: async (index) => index.serialize(),
  load: async (serialized) => CompactIndex.load(compactOptions, Buffer.from(serialized)),
  search: async (index, query) => {
    const words = indexWords(query);
    return index
      .search(
        words.map((word, at) => ({
          word,
          prefix: at === words.length - 1 && word.length >= 2,
          fuzzy: word.length >= 5,
        })),
        () => true,
        20,
      )
      .map((hit) => hit.id);
  },
  update: async (index, doc) => {
    index.add(doc.id, [indexWords(doc.title), indexWords(doc.body)]);
  },
};

export const engines: Record<string, Engine<never>> = {
  minisearch: minisearch as Engine<never>,
  flexsearch: flexsearch as Engine<never>,
  orama: orama as Engine<never>,
  compact: compact as Engine<never>,
};
