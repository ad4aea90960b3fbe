/*
 * The document renderer: A4 PDFs in Persian (right to left, Persian digits), English and Vietnamese, correctly
 * shaped. Certificates use it; so can receipts, bills and letters. See docs/adr/0008-certificate-pdf-pipeline.md.
 */
export { localizeDigits } from './digits.js';
export { qrVersionOf } from './qr.js';
export { renderDocument } from './render-document.js';
export type { Block, DocumentLang, DocumentSpec, Inline, LabelledRow, TableColumn } from './types.js';
