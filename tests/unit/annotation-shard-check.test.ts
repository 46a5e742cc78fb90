/**
 * The hand-written shard check that opening the store uses instead of zod's
 * parse (annotation-shard-check.ts), held to the schema by property tests: on
 * generated sound shards, on sound shards with one or more fields broken,
 * removed or added (near-miss values: unsafe or negative integers, empty ids,
 * Infinity, wrong selector types, …), and on arbitrary JSON, whatever it says
 * yes to the schema accepts and gives back unchanged. So every shape zod
 * rejects (or would change) is rejected, and goes through zod for its message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationShardSchema } from '../../src/main/store/schemas/annotation-shard';
import { isCanonicalShard } from '../../src/main/store/schemas/annotation-shard-check';
import { inspectJsonText } from '../../src/main/store/file-inspection';
import { shardVersions } from '../../src/main/store/load-annotations';

const text = fc.string({ maxLength: 6 });
const filledText = fc.string({ minLength: 1, maxLength: 6 });
const count = fc.oneof(fc.nat(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER));

/** Records as JSON.parse makes them (a null-prototype object is refused, and left to zod). */
const plain = { noNullPrototype: true } as const;

const highlight = fc.record(
  {
    id: filledText,
    categoryId: filledText,
    quote: fc.record(
      {
        type: fc.constant('TextQuoteSelector'),
        exact: filledText,
        prefix: text,
        suffix: text,
      },
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
  {
    requiredKeys: ['schemaVersion', 'articleId', 'highlights', 'articleNote'],
    ...plain,
  },
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

function mutate(shard: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(shard);
  for (const { at, kind, value } of mutations) {
    const all = slots(copy);
    const [holder, key] = all[at % all.length]!;
    if (kind === 'replace') holder[key] = value;
    else if (kind === 'remove') delete holder[key];
    else if (Array.isArray(holder)) holder.push(value);
    else holder[`extra${at % 3}`] = value;
  }
  return copy;
}

/** The property: a yes from the check is a yes from the schema, which returns the very same value. */
function agreesWithSchema(value: unknown): boolean {
  if (!isCanonicalShard(value)) return false;
  const checked = annotationShardSchema.safeParse(value);
  expect(checked.success).toBe(true);
  expect(checked.data).toStrictEqual(value);
  return true;
}

describe('the fast annotation shard check', () => {
  it('accepts every sound shard, exactly as the schema returns it', () => {
    fc.assert(
      fc.property(soundShard, (shard) => {
        expect(agreesWithSchema(shard)).toBe(true);
        expect(agreesWithSchema(JSON.parse(JSON.stringify(shard)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('says yes to nothing the schema rejects or would change, on broken shards', () => {
    let refused = 0;
    let refusedBySchemaToo = 0;
    fc.assert(
      fc.property(soundShard, fc.array(mutation, { minLength: 1, maxLength: 3 }), (shard, mutations) => {
        const broken = mutate(shard, mutations);
        if (!agreesWithSchema(broken)) {
          refused += 1;
          if (!annotationShardSchema.safeParse(broken).success) refusedBySchemaToo += 1;
        }
      }),
      { numRuns: 3000 },
    );
    // The generator breaks shards in ways the schema rejects, so the property above is not vacuous.
    expect(refusedBySchemaToo).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(refusedBySchemaToo);
  });

  it('says yes to nothing the schema rejects with any one field set to each near-miss value or removed', () => {
    const values = fc.sample(nearMiss, 200).filter((value, at, all) => all.indexOf(value) === at);
    values.push(Symbol('removed'));
    let refusedBySchema = 0;
    for (const shard of fc.sample(soundShard, 60)) {
      slots(shard).forEach((_, at) => {
        for (const value of values) {
          const broken = structuredClone(shard);
          const [holder, key] = slots(broken)[at]!;
          if (typeof value === 'symbol') delete holder[key];
          else holder[key] = value;
          if (!agreesWithSchema(broken) && !annotationShardSchema.safeParse(broken).success)
            refusedBySchema += 1;
        }
      });
    }
    expect(refusedBySchema).toBeGreaterThan(1000);
  });

  it('says yes to nothing the schema rejects, on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        agreesWithSchema(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses values JSON can carry that zod rejects or changes', () => {
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
    expect(agreesWithSchema(sound)).toBe(true);
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
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(json);
      expect(isCanonicalShard(JSON.parse(variant))).toBe(false);
    }
    const withoutOrphaned = structuredClone(sound) as { highlights: Record<string, unknown>[] };
    delete withoutOrphaned.highlights[0]!.orphaned;
    expect(isCanonicalShard(withoutOrphaned)).toBe(false);
  });

  it('leaves a shard it refuses to zod: sound with the extra field stripped, or damaged with its message', () => {
    const base = '{"schemaVersion":1,"articleId":"a1","highlights":[],"articleNote":null';
    const extra = inspectJsonText(`${base},"extra":true}`, shardVersions);
    expect(extra).toEqual({
      state: 'sound',
      schemaVersion: 1,
      data: { schemaVersion: 1, articleId: 'a1', highlights: [], articleNote: null },
    });
    const damaged = inspectJsonText(`${base.replace('"a1"', '""')}}`, shardVersions);
    expect(damaged.state).toBe('damaged');
    expect(damaged.state === 'damaged' && damaged.problem).toMatch(/wrong shape \(at articleId: /);
    const sound = inspectJsonText(`${base}}`, shardVersions);
    expect(sound).toEqual({
      state: 'sound',
      schemaVersion: 1,
      data: { schemaVersion: 1, articleId: 'a1', highlights: [], articleNote: null },
    });
  });
});
