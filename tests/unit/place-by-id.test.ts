/** Putting a record into the state an operation names: replace, add, remove, and leave alone when absent. */
import { describe, expect, it } from 'vitest';
import { placeById } from '../../src/main/history/place-by-id';

describe('placeById', () => {
  const list = () => [
    { id: 'a', v: 1 },
    { id: 'b', v: 2 },
  ];

  it('replaces, adds and removes by id', () => {
    const items = list();
    placeById(items, 'a', { id: 'a', v: 9 });
    placeById(items, 'c', { id: 'c', v: 3 });
    placeById(items, 'b', null);
    expect(items).toEqual([
      { id: 'a', v: 9 },
      { id: 'c', v: 3 },
    ]);
  });

  it('removing a record that is not there changes nothing (never the last one)', () => {
    const items = list();
    placeById(items, 'missing', null);
    expect(items).toEqual(list());
  });
});
