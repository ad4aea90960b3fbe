import type { InquiryParcelRef, InquiryPurpose } from '../../api/inquiries.js';
import { parseTypedNumber, toLatinDigits } from '../../format.js';

export interface Values {
  by: 'renewalCode' | 'plate';
  renewalCode: string;
  section: string;
  main: string;
  sub: string;
  unit: string;
  purpose: InquiryPurpose | null;
  letterNumber: string;
  letterDate: string;
}

export const EMPTY: Values = {
  by: 'renewalCode',
  renewalCode: '',
  section: '',
  main: '',
  sub: '',
  unit: '',
  purpose: null,
  letterNumber: '',
  letterDate: '',
};

/** Numbers typed with Persian or Latin digits; anything else is NaN, sent as null, so that the API names the field. */
function typedInteger(text: string): number {
  const value = parseTypedNumber(text);
  return typeof value === 'number' ? value : Number.NaN;
}

/** The parcel as the API takes it, from what the operator typed (Persian or Latin digits). */
export function parcelOf(values: Values): InquiryParcelRef {
  if (values.by === 'renewalCode') return { renewalCode: toLatinDigits(values.renewalCode).trim() };
  const sub = toLatinDigits(values.sub)
    .split(/[-,/\s]+/)
    .filter(Boolean)
    .map(typedInteger);
  const unit = values.unit.trim() === '' ? undefined : typedInteger(values.unit);
  return {
    plate: {
      section: typedInteger(values.section),
      main: typedInteger(values.main),
      ...(sub.length > 0 ? { sub } : {}),
      ...(unit === undefined ? {} : { unit }),
    },
  };
}
