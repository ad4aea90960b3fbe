import { compactDigits } from '../digits.js';

/** Service types (2nd digit from the right of a bill ID) on which all sources agree; 7–9 differ per switch (§7.6). */
export const BILL_SERVICE_TYPES = {
  1: 'water',
  2: 'electricity',
  3: 'gas',
  4: 'landline',
  5: 'mobile',
  6: 'municipal',
} as const;

export type BillServiceName = (typeof BILL_SERVICE_TYPES)[keyof typeof BILL_SERVICE_TYPES];

export const MUNICIPAL_SERVICE_TYPE = 6;

/** Returns the agreed name of a bill service type (1–6), or null for codes whose meaning varies by switch. */
export function billServiceName(serviceType: number): BillServiceName | null {
  return Object.hasOwn(BILL_SERVICE_TYPES, serviceType)
    ? BILL_SERVICE_TYPES[serviceType as keyof typeof BILL_SERVICE_TYPES]
    : null;
}

export type BillInvalidReason =
  | 'bill-id-format'
  | 'payment-id-format'
  | 'bill-check-digit'
  | 'unknown-service-type'
  | 'payment-check-digit'
  | 'payment-bill-binding';

export type ParsedBill =
  | {
      valid: true;
      billId: string;
      paymentId: string;
      serviceType: number;
      serviceName: BillServiceName | null;
      amountRials: number;
      yearCode: number;
      period: number;
      barcode: string;
    }
  | { valid: false; reason: BillInvalidReason };

const MAX_AMOUNT_THOUSANDS = 99_999_999;

/** Computes the mod-11 check digit (weights 2..7 cycling from the right) used by bill and payment IDs. */
export function billCheckDigit(digits: string): number {
  const latin = compactDigits(digits);
  if (!/^\d+$/.test(latin)) throw new RangeError('billCheckDigit expects a non-empty digit string');
  let sum = 0;
  for (let i = 0; i < latin.length; i++) {
    sum += Number(latin[latin.length - 1 - i]) * (2 + (i % 6));
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

// Leading zeros carry no value (the barcode re-pads them) but would shift weights in the payment binding.
function canonicalId(input: string): string | null {
  const digits = compactDigits(input).replace(/^0+/, '');
  return /^\d{6,13}$/.test(digits) ? digits : null;
}

function billIdProblem(billId: string): BillInvalidReason | null {
  if (billCheckDigit(billId.slice(0, -1)) !== Number(billId.slice(-1))) return 'bill-check-digit';
  if (billId.at(-2) === '0') return 'unknown-service-type';
  return null;
}

/** Returns the canonical Latin form of a valid bill ID (شناسه قبض), or null. */
export function normalizeBillId(input: string): string | null {
  const billId = canonicalId(input);
  return billId !== null && billIdProblem(billId) === null ? billId : null;
}

/** True if the input is a valid bill ID on its own (without a payment ID). */
export function isValidBillId(input: string): boolean {
  return normalizeBillId(input) !== null;
}

function assertIntegerInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

function integerDigits(name: string, value: string | number, maxDigits: number): string {
  const digits = typeof value === 'number' ? String(value) : compactDigits(value);
  if (!/^\d+$/.test(digits) || digits.length > maxDigits) {
    throw new RangeError(`${name} must be at most ${maxDigits} digits, got ${String(value)}`);
  }
  return digits;
}

/** Builds a bill ID: file ID (1–8 digits, not 0), 3-digit company code, service type 1–9, check digit. */
export function makeBillId(params: {
  fileId: string | number;
  companyCode: string | number;
  serviceType: number;
}): string {
  const fileId = integerDigits('fileId', params.fileId, 8).replace(/^0+/, '');
  if (fileId === '') throw new RangeError('fileId must not be zero');
  const companyCode = integerDigits('companyCode', params.companyCode, 3).padStart(3, '0');
  assertIntegerInRange('serviceType', params.serviceType, 1, 9);
  const body = `${fileId}${companyCode}${params.serviceType}`;
  return `${body}${billCheckDigit(body)}`;
}

/** Builds a payment ID bound to a bill ID; the amount must be a whole number of thousands of rials. */
export function makePaymentId(params: {
  amountRials: number;
  yearCode: number;
  period: number;
  billId: string;
}): string {
  const { amountRials, yearCode, period } = params;
  if (!Number.isSafeInteger(amountRials) || amountRials % 1000 !== 0) {
    throw new RangeError(`amountRials must be a whole multiple of 1000, got ${amountRials}`);
  }
  assertIntegerInRange('amountRials / 1000', amountRials / 1000, 1, MAX_AMOUNT_THOUSANDS);
  assertIntegerInRange('yearCode', yearCode, 0, 9);
  assertIntegerInRange('period', period, 0, 99);
  const billId = normalizeBillId(params.billId);
  if (billId === null) throw new RangeError(`billId is not a valid bill ID: ${params.billId}`);
  const body = `${amountRials / 1000}${yearCode}${String(period).padStart(2, '0')}`;
  const check1 = billCheckDigit(body);
  const check2 = billCheckDigit(`${billId}${body}${check1}`);
  return `${body}${check1}${check2}`;
}

/** Validates a bill ID / payment ID pair and extracts service type, amount in rials and the 26-digit barcode. */
export function parseBill(billIdInput: string, paymentIdInput: string): ParsedBill {
  const billId = canonicalId(billIdInput);
  if (billId === null) return { valid: false, reason: 'bill-id-format' };
  const paymentId = canonicalId(paymentIdInput);
  if (paymentId === null) return { valid: false, reason: 'payment-id-format' };
  const billProblem = billIdProblem(billId);
  if (billProblem !== null) return { valid: false, reason: billProblem };
  if (billCheckDigit(paymentId.slice(0, -2)) !== Number(paymentId.at(-2))) {
    return { valid: false, reason: 'payment-check-digit' };
  }
  if (billCheckDigit(billId + paymentId.slice(0, -1)) !== Number(paymentId.at(-1))) {
    return { valid: false, reason: 'payment-bill-binding' };
  }
  const serviceType = Number(billId.at(-2));
  return {
    valid: true,
    billId,
    paymentId,
    serviceType,
    serviceName: billServiceName(serviceType),
    amountRials: Number(paymentId.slice(0, -5)) * 1000,
    yearCode: Number(paymentId.at(-5)),
    period: Number(paymentId.slice(-4, -2)),
    barcode: billId.padStart(13, '0') + paymentId.padStart(13, '0'),
  };
}
