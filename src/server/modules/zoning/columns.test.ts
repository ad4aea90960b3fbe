import { describe, expect, it } from 'vitest';
import { DictionaryColumn, IntListColumn, StringColumn, UuidColumn } from './columns.js';

describe('columns of the in-memory parcel facts', () => {
  it('gives back every string, ASCII or not, past its first capacity', () => {
    const column = new StringColumn(2, 1);
    const values = ['01-0001-003', '', 'کد-۱۲', 'x'.repeat(300), '۰۱-۲'];
    for (const value of values) column.push(value);
    column.finish();
    expect(values.map((_, i) => column.get(i))).toEqual(values);
    const ascii = new StringColumn(1, 1);
    for (const value of ['A-1', 'B-22']) ascii.push(value);
    ascii.finish();
    expect([ascii.get(0), ascii.get(1)]).toEqual(['A-1', 'B-22']);
  });

  it('keeps UUIDs, lists of integers and repeated values row by row', () => {
    const ids = new UuidColumn(1);
    const uuids = ['0f8fad5b-d9cb-469f-a165-70867728950e', '7C9E6679-7425-40DE-944B-E07FC1F90AE7'];
    for (const uuid of uuids) ids.push(uuid);
    ids.finish();
    expect([ids.get(0), ids.get(1)]).toEqual(uuids.map((uuid) => uuid.toLowerCase()));
    expect(() => ids.push('not-a-uuid')).toThrow(RangeError);

    const lists = new IntListColumn(1);
    for (const list of [[7], [], [3, 5, 9]]) lists.push(list);
    lists.finish();
    expect([lists.get(0), lists.get(1), lists.get(2)]).toEqual([[7], [], [3, 5, 9]]);

    const uses = new DictionaryColumn<string>(1);
    for (const use of ['residential', 'commercial', 'residential']) uses.push(use);
    uses.finish();
    expect([uses.get(0), uses.get(1), uses.get(2)]).toEqual(['residential', 'commercial', 'residential']);
    expect(uses.memoryBytes).toBe(6);
  });
});
