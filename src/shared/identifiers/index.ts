export { compactDigits, stripNonDigits, toLatinDigits, toPersianDigits } from '../digits.js';
export type { BillInvalidReason, BillServiceName, ParsedBill } from './bill.js';
export {
  BILL_SERVICE_TYPES,
  billCheckDigit,
  billServiceName,
  isValidBillId,
  MUNICIPAL_SERVICE_TYPE,
  makeBillId,
  makePaymentId,
  normalizeBillId,
  parseBill,
} from './bill.js';
export { isValidCardNumber, luhnCheckDigit, normalizeCardNumber } from './card.js';
export { isValidLegalId, legalIdCheckDigit, normalizeLegalId } from './legal-id.js';
export { isValidMobile, normalizeMobile } from './mobile.js';
export { isValidNationalId, nationalIdCheckDigit, normalizeNationalId } from './national-id.js';
export { isWellFormedPostalCode, looksLikeRealPostalCode, normalizePostalCode } from './postal-code.js';
export { isValidSheba, normalizeSheba } from './sheba.js';
