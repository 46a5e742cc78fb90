/**
 * The hand-written checks that opening the store uses instead of zod's parse
 * (annotation shards: annotation-shard-check.ts; library.json's records:
 * library-index-check.ts, through `libraryVersions.parseQuickly`), held to the
 * schemas by property tests: on generated sound values, on sound values with
 * fields broken, removed or added (near-miss values: unsafe or negative
 * integers, empty ids, Infinity, wrong selector types, …), on every single
 * field set to every near-miss value, and on arbitrary JSON, whatever a check
 * takes the schema accepts and gives back unchanged. So every shape zod
 * rejects (or would change) is refused, and goes through zod for its message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { annotationShardSchema } from '../../src/main/store/schemas/annotation-shard';
import { isCanonicalShard } from '../../src/main/store/schemas/annotation-shard-check';
import { isCanonicalRecord } from '../../src/main/store/schemas/library-index-check';
import { articleRecordSchema, libraryIndexSchema } from '../../src/main/store/schemas/library-index';
import { libraryVersions } from '../../src/main/store/migrations/library-versions';
import { inspectJsonText } from '../../src/main/store/file-inspection';
import { shardVersions } from '../../src/main/store/load-annotations';
import { defaultCategories } from '../../src/shared/default-categories';

/** Records as JSON.parse makes them (a null-prototype object is refused, and left to zod). */
const plain = { noNullPrototype: true } as const;
const text = fc.string({ maxLength: 6 });
const filledText = fc.string({ minLength: 1, maxLength: 6 });
const textOrNull = fc.option(text, { nil: null });
const count = fc.oneof(fc.nat(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER));

const highlight = fc.record(
  {
    id: filledText,
    categoryId: filledText,
    quote: fc.record(
      { type: fc.constant('TextQuoteSelector'), exact: filledText, prefix: text, suffix: text },
      plain,
    ),
    position: fc.record({ type: fc.constant('TextPositionSelector'), start: count, end: count }, plain),
    rulesVersion: count,
    note: text,
    tags: fc.array(text, { maxLength: 3 }),
    createdAt: text,
    updatedAt: text,
    orphaned: fc.boolean(),
  },
  plain,
);

const soundShard = fc.record(
  {
    schemaVersion: fc.constant(1),
    articleId: filledText,
    highlights: fc.array(highlight, { maxLength: 3 }),
    articleNote: fc.option(fc.record({ text, updatedAt: text }, plain), { nil: null }),
    reading: fc.record(
      {
        offset: count,
        progress: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
        read: fc.boolean(),
        updatedAt: text,
      },
      plain,
    ),
  },
  { requiredKeys: ['schemaVersion', 'articleId', 'highlights', 'articleNote'], ...plain },
);

const soundRecord = fc.record(
  {
    id: filledText,
    title: text,
    titleDerived: fc.boolean(),
    titleEdited: fc.boolean(),
    wordCount: count,
    readingMinutes: count,
    sourceFile: textOrNull,
    addedAt: text,
    source: fc.record(
      { outlet: textOrNull, author: textOrNull, publishedAt: textOrNull, url: textOrNull },
      plain,
    ),
    flagCount: count,
    contentKey: filledText,
    tags: fc.array(text, { maxLength: 3 }),
  },
  {
    requiredKeys: [
      'id',
      'title',
      'titleDerived',
      'titleEdited',
      'wordCount',
      'readingMinutes',
      'sourceFile',
      'addedAt',
      'source',
      'flagCount',
      'contentKey',
    ],
    ...plain,
  },
);

const soundLibrary = fc.record(
  {
    schemaVersion: fc.constant(4),
    articles: fc.array(soundRecord, { maxLength: 3 }),
    seeding: fc.constant(null),
    settings: fc.constant({ theme: 'system', categories: structuredClone(defaultCategories) }),
    stories: fc.constant([]),
  },
  plain,
);

/** Values one step away from a sound field's: each is wrong for some field and right for another. */
const nearMiss = fc.constantFrom<unknown>(
  -1,
  -0,
  0.5,
  1.0000001,
  2 ** 53,
  Infinity,
  -Infinity,
  NaN,
  '',
  'x',
  null,
  undefined,
  true,
  [],
  [1],
  [''],
  {},
  'TextQuoteSelector',
  'TextPositionSelector',
  0,
  1,
  2,
  4,
);

/** Every (object or array, key) in a value, in a fixed order. */
function slots(value: unknown, found: [Record<string, unknown>, string][] = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      found.push([value as Record<string, unknown>, key]);
      slots((value as Record<string, unknown>)[key], found);
    }
  }
  return found;
}

type Mutation = { at: number; kind: 'replace' | 'remove' | 'add'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('replace', 'remove', 'add'),
  value: fc.oneof(nearMiss, fc.jsonValue({ maxDepth: 2 })),
});

function mutate(sound: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(sound);
  for (const { at, kind, value: generated } of mutations) {
    // A copy: the generated value is fast-check's own, and may be put in more than once.
    const value: unknown = structuredClone(generated);
    const all = slots(copy);
    if (all.length === 0) break;
    const [holder, key] = all[at % all.length]!;
    if (kind === 'replace') holder[key] = value;
    else if (kind === 'remove') delete holder[key];
    else if (Array.isArray(holder)) holder.push(value);
    else holder[`extra${at % 3}`] = value;
  }
  return copy;
}

/**
 * The properties for one fast path: `quick` returns the value it takes (or undefined to leave it
 * to the schema); whatever it takes, the schema accepts and returns equal.
 */
function holdsToSchema(
  name: string,
  sound: fc.Arbitrary<unknown>,
  quick: (value: unknown) => unknown,
  schema: z.ZodType,
) {
  /** True when the fast path took the value (and then the schema agrees). */
  const agrees = (value: unknown): boolean => {
    const taken = quick(value);
    if (taken === undefined) return false;
    const checked = schema.safeParse(value);
    expect(checked.success).toBe(true);
    expect(checked.data).toStrictEqual(taken);
    return true;
  };

  describe(name, () => {
    it('takes every sound value, exactly as the schema returns it', () => {
      fc.assert(
        fc.property(sound, (value) => {
          expect(agrees(value)).toBe(true);
          expect(agrees(JSON.parse(JSON.stringify(value)))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('takes nothing the schema rejects or would change, with fields broken, removed or added', () => {
      let refusedBySchema = 0;
      fc.assert(
        fc.property(sound, fc.array(mutation, { minLength: 1, maxLength: 3 }), (value, mutations) => {
          const broken = mutate(value, mutations);
          if (!agrees(broken) && !schema.safeParse(broken).success) refusedBySchema += 1;
        }),
        { numRuns: 2000 },
      );
      // The mutations break values in ways the schema rejects: the property above is not vacuous.
      expect(refusedBySchema).toBeGreaterThan(500);
    });

    it('takes nothing the schema rejects with any one field set to each near-miss value or removed', () => {
      const values = fc.sample(nearMiss, 200).filter((value, at, all) => all.indexOf(value) === at);
      values.push(Symbol('removed'));
      let refusedBySchema = 0;
      for (const value of fc.sample(sound, 40)) {
        slots(value).forEach((_, at) => {
          for (const replacement of values) {
            const broken = structuredClone(value);
            const [holder, key] = slots(broken)[at]!;
            if (typeof replacement === 'symbol') delete holder[key];
            else holder[key] = replacement;
            if (!agrees(broken) && !schema.safeParse(broken).success) refusedBySchema += 1;
          }
        });
      }
      expect(refusedBySchema).toBeGreaterThan(500);
    });

    it('takes nothing the schema rejects, on arbitrary JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          agrees(value);
        }),
        { numRuns: 500 },
      );
    });
  });
}

holdsToSchema(
  'the fast annotation shard check',
  soundShard,
  (value) => (isCanonicalShard(value) ? value : undefined),
  annotationShardSchema,
);
holdsToSchema(
  'the fast article record check',
  soundRecord,
  (value) => (isCanonicalRecord(value) ? value : undefined),
  articleRecordSchema,
);
holdsToSchema(
  'the fast read of library.json',
  soundLibrary,
  (value) => libraryVersions.parseQuickly!(4, value),
  libraryIndexSchema,
);

describe('the fast checks on what JSON can carry', () => {
  const sound = {
    schemaVersion: 1,
    articleId: 'a1',
    highlights: [
      {
        id: 'h1',
        categoryId: 'c1',
        quote: { type: 'TextQuoteSelector', exact: 'word', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        rulesVersion: 1,
        note: '',
        tags: [],
        createdAt: 't',
        updatedAt: 't',
        orphaned: false,
      },
    ],
    articleNote: null,
  };

  it('refuses values zod rejects or changes', () => {
    expect(isCanonicalShard(sound)).toBe(true);
    const json = JSON.stringify(sound);
    const variants = [
      json.replace('"start":0', '"start":1e999'), // Infinity
      json.replace('"start":0', '"start":9007199254740992'), // past the safe integers
      json.replace('"start":0', '"start":-1'),
      json.replace('"start":0', '"start":0.5'),
      json.replace('"exact":"word"', '"exact":""'),
      json.replace('"orphaned":false', '"orphaned":null'),
      json.replace('"note":""', '"note":"","__proto__":{}'),
      json.replace('"articleNote":null', '"articleNote":null,"extra":1'),
      json.replace('"articleNote":null', '"articleNote":null,"reading":null'),
      json.replace(',"orphaned":false', ''),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(json);
      expect(isCanonicalShard(JSON.parse(variant))).toBe(false);
    }
  });

  it('leaves a shard it refuses to zod: sound with the extra field stripped, or damaged with its message', () => {
    const base = '{"schemaVersion":1,"articleId":"a1","highlights":[],"articleNote":null';
    const stripped = { schemaVersion: 1, articleId: 'a1', highlights: [], articleNote: null };
    expect(inspectJsonText(`${base},"extra":true}`, shardVersions)).toEqual({
      state: 'sound',
      schemaVersion: 1,
      data: stripped,
    });
    expect(inspectJsonText(`${base}}`, shardVersions)).toEqual({
      state: 'sound',
      schemaVersion: 1,
      data: stripped,
    });
    const damaged = inspectJsonText(`${base.replace('"a1"', '""')}}`, shardVersions);
    expect(damaged.state === 'damaged' && damaged.problem).toMatch(/wrong shape \(at articleId: /);
  });
});
