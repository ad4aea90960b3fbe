import { describe, expect, it } from 'vitest';
import type { FormField } from './types.js';
import { checkForm, validateForm } from './validate-form.js';

const L = { fa: 'ف', en: 'f', vi: 'f' };
const FIELDS: FormField[] = [
  { name: 'title', type: 'text', required: true, labels: L, maxLength: 5 },
  { name: 'floors', type: 'number', required: true, labels: L, min: 1, max: 40 },
  { name: 'since', type: 'date', required: false, labels: L },
  {
    name: 'purpose',
    type: 'select',
    required: true,
    labels: L,
    options: [
      { value: 'transfer', labels: L },
      { value: 'mortgage', labels: L },
    ],
  },
  { name: 'agreed', type: 'boolean', required: true, labels: L },
  { name: 'nationalId', type: 'national_id', required: false, labels: L },
  { name: 'mobile', type: 'mobile', required: false, labels: L },
  { name: 'postalCode', type: 'postal_code', required: false, labels: L },
];

const VALID = { title: 'خانه', floors: 3, purpose: 'transfer', agreed: false };

describe('validateForm', () => {
  it('accepts a valid form', () => {
    expect(validateForm(FIELDS, VALID)).toEqual([]);
  });

  it('reports every missing required field, but not for a partial draft', () => {
    expect(validateForm(FIELDS, { title: '  ' })).toEqual([
      { field: 'title', rule: 'required' },
      { field: 'floors', rule: 'required' },
      { field: 'purpose', rule: 'required' },
      { field: 'agreed', rule: 'required' },
    ]);
    expect(validateForm(FIELDS, {}, { partial: true })).toEqual([]);
  });

  it('still checks the values a partial draft has', () => {
    expect(validateForm(FIELDS, { floors: 99, nationalId: '0076229646' }, { partial: true })).toEqual([
      { field: 'floors', rule: 'maximum' },
      { field: 'nationalId', rule: 'national_id' },
    ]);
  });

  it.each([
    [{ floors: 0 }, 'floors', 'minimum'],
    [{ floors: 41 }, 'floors', 'maximum'],
    [{ floors: 'سه' }, 'floors', 'type'],
    [{ floors: '1e3' }, 'floors', 'type'],
    [{ floors: Number.NaN }, 'floors', 'type'],
    [{ title: 'ساختمان' }, 'title', 'maxLength'],
    [{ title: 7 }, 'title', 'type'],
    [{ purpose: 'gift' }, 'purpose', 'enum'],
    [{ agreed: 'yes' }, 'agreed', 'type'],
    [{ since: '2025-02-30' }, 'since', 'type'],
    [{ since: '1404/01/01' }, 'since', 'type'],
    [{ nationalId: '0076229646' }, 'nationalId', 'national_id'],
    [{ nationalId: 76229645 }, 'nationalId', 'type'],
    [{ mobile: '02112345678' }, 'mobile', 'mobile'],
    [{ postalCode: '12345' }, 'postalCode', 'postal_code'],
    [{ colour: 'blue' }, 'colour', 'unknown'],
  ])('rejects %j', (change, field, rule) => {
    expect(validateForm(FIELDS, { ...VALID, ...change })).toEqual([{ field, rule }]);
  });

  it('accepts Persian digits and normalises values', () => {
    const { errors, values } = checkForm(FIELDS, {
      ...VALID,
      title: ' خانه ',
      floors: '۱۲٫۵',
      since: '۲۰۲۵-۰۳-۲۱',
      nationalId: '۰۰۷۶۲۲۹۶۴۵',
      mobile: '+98 912 345 6789',
      postalCode: '۱۳۱۸۸-۴۴۵۱۱',
    });
    expect(errors).toEqual([]);
    expect(values).toEqual({
      title: 'خانه',
      floors: 12.5,
      since: '2025-03-21',
      purpose: 'transfer',
      agreed: false,
      nationalId: '0076229645',
      mobile: '09123456789',
      postalCode: '1318844511',
    });
  });

  it('treats anything but an object as an empty form', () => {
    expect(validateForm(FIELDS, null, { partial: true })).toEqual([]);
    expect(validateForm(FIELDS, 'x')).toHaveLength(4);
  });
});
