import { describe, expect, it } from 'vitest';
import { EMPTY, parcelOf } from './inquiry-form-values.js';

describe('the parcel an office names', () => {
  it('by renewal code, typed with Persian digits', () => {
    expect(parcelOf({ ...EMPTY, renewalCode: ' ۰۱-۰۰۰۳-۰۱۳ ' })).toEqual({ renewalCode: '01-0003-013' });
  });

  it('by plate: sub plates split on dashes, the unit only when given', () => {
    expect(parcelOf({ ...EMPTY, by: 'plate', section: '۲', main: '۱۰۱', sub: '۲۰۱-۲۰۲', unit: '' })).toEqual({
      plate: { section: 2, main: 101, sub: [201, 202] },
    });
    expect(parcelOf({ ...EMPTY, by: 'plate', section: '2', main: '101', sub: '', unit: '۳' })).toEqual({
      plate: { section: 2, main: 101, unit: 3 },
    });
  });

  it('sends what is no number as null, for the API to name the field', () => {
    const parcel = parcelOf({ ...EMPTY, by: 'plate', section: 'x', main: '101' });
    expect(JSON.parse(JSON.stringify(parcel))).toEqual({ plate: { section: null, main: 101 } });
  });
});
