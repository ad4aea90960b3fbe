import { describe, expect, it } from 'vitest';
import type { DocumentRequirement, FormField } from '../../api/cases.js';
import { acceptAttribute, fileProblem, formDataOf, initialValues, missingItems } from './form-values.js';

const l = (text: string) => ({ fa: text, en: text, vi: text });
const FIELDS: FormField[] = [
  {
    name: 'purpose',
    type: 'select',
    required: true,
    labels: l('purpose'),
    options: [{ value: 'a', labels: l('A') }],
  },
  { name: 'letterNumber', type: 'text', required: true, labels: l('letter') },
  { name: 'letterDate', type: 'date', required: false, labels: l('date') },
  { name: 'buyer', type: 'national_id', required: false, labels: l('buyer') },
  { name: 'floors', type: 'number', required: false, labels: l('floors') },
  { name: 'corner', type: 'boolean', required: false, labels: l('corner') },
];
const DEED: DocumentRequirement = {
  code: 'deed',
  labels: l('deed'),
  required: true,
  accept: ['pdf', 'png'],
  maxBytes: 1024,
};
const everything = () => true;

describe('case form values', () => {
  it('shows stored answers in the UI language: Solar Hijri dates, Persian digits', () => {
    const values = initialValues(
      FIELDS,
      {
        purpose: 'a',
        letterNumber: 'ن-۱۲',
        letterDate: '2024-08-10',
        buyer: '0012345679',
        floors: 3,
        corner: false,
      },
      'fa',
    );
    expect(values).toEqual({
      purpose: 'a',
      letterNumber: 'ن-۱۲',
      letterDate: '۱۴۰۳/۰۵/۲۰',
      buyer: '۰۰۱۲۳۴۵۶۷۹',
      floors: '۳',
      corner: 'false',
    });
  });

  it('sends Latin digits, Gregorian dates, numbers, booleans, and null for cleared answers', () => {
    const { data, problems } = formDataOf(
      FIELDS,
      {
        purpose: 'a',
        letterNumber: '  ۱۲۳ ',
        letterDate: '۱۴۰۳/۵/۲۰',
        buyer: '۰۰۱۲۳۴۵۶۷۹',
        floors: '۱۲',
        corner: '',
      },
      everything,
    );
    expect(problems).toEqual({});
    expect(data).toEqual({
      purpose: 'a',
      letterNumber: '۱۲۳',
      letterDate: '2024-08-10',
      buyer: '0012345679',
      floors: 12,
      corner: null,
    });
  });

  it('names dates and numbers the browser can tell are wrong, and sends only what may change', () => {
    const values = {
      purpose: 'a',
      letterNumber: 'x',
      letterDate: '1403/13/40',
      buyer: '',
      floors: 'many',
      corner: 'true',
    };
    expect(formDataOf(FIELDS, values, everything).problems).toEqual({ letterDate: 'date', floors: 'number' });
    const onlyLetter = formDataOf(FIELDS, values, (name) => name === 'letterNumber');
    expect(onlyLetter.data).toEqual({ letterNumber: 'x' });
  });

  it('lists required answers and documents still missing', () => {
    const values = initialValues(FIELDS, { purpose: 'a' }, 'en');
    expect(missingItems(FIELDS, values, [DEED], [])).toEqual(['letterNumber', 'deed']);
  });
});

describe('document files', () => {
  it('checks size and type before uploading', () => {
    expect(fileProblem(DEED, { name: 'deed.PDF', size: 10, type: '' })).toBeNull();
    expect(fileProblem(DEED, { name: 'scan', size: 10, type: 'image/png' })).toBeNull();
    expect(fileProblem(DEED, { name: 'deed.jpg', size: 10, type: 'image/jpeg' })).toBe('wrongType');
    expect(fileProblem(DEED, { name: 'deed.pdf', size: 2048, type: 'application/pdf' })).toBe('tooLarge');
    expect(acceptAttribute(DEED)).toBe('application/pdf,.pdf,image/png,.png');
  });
});
