import { numberToWords } from '@persian-tools/persian-tools';
import { type Locale, type MessageKey, translate } from '../../i18n/messages.js';
import { type Block, type DocumentSpec, type Inline, renderDocument } from '../../pdf/index.js';
import { jalaliDate } from '../certificates/jalali-dates.js';
import type { Receipt } from './read-receipt.js';

type Strip<T> = T extends `receipts.${infer K}` ? K : never;
type TextKey = Strip<MessageKey>;

const NUMBER_LOCALES: Record<Locale, string> = { fa: 'fa-IR', en: 'en-US', vi: 'vi-VN' };

/** Whole rials with the language's digits and thousands separators: «۶۰٬۸۱۸٬۰۰۰», "60,818,000", "60.818.000". */
export function receiptAmount(rials: number, lang: Locale): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 0 }).format(rials);
}

/** Jalali date and 24-hour time in the municipality's zone; English and Vietnamese add the Gregorian date. */
export function receiptDateTime(
  at: Date,
  timeZone: string,
  lang: Locale,
  t: (key: TextKey, p?: object) => string,
) {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  const jalali = jalaliDate(at, timeZone);
  const gregorian = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(at);
  const date = lang === 'fa' ? jalali : `${jalali} (${gregorian})`;
  return t('date_time', { date, time });
}

function municipalityName(receipt: Receipt, lang: Locale): string {
  const names = receipt.municipality;
  return lang === 'fa' ? names.nameFa : lang === 'vi' ? names.nameVi || names.nameEn : names.nameEn;
}

function payerText(receipt: Receipt, t: (key: TextKey, p?: object) => string): string {
  const { payer } = receipt;
  if (payer.kind === 'anonymous') return t('payer_anonymous');
  const person = { name: payer.name ?? '', nationalId: payer.nationalId ?? '' };
  if (payer.kind === 'office') return t('payer_office', { office: payer.officeName ?? '', ...person });
  return t('payer_citizen', person);
}

/** The receipt as a document for the renderer: the facts, the bills with their IDs, the amounts, the outcome. */
export function receiptDocument(receipt: Receipt, lang: Locale): DocumentSpec {
  const t = (key: TextKey, params: object = {}) =>
    translate(lang, `receipts.${key}` as const, params as Record<string, unknown>);
  const amount = (rials: number) => receiptAmount(rials, lang);
  // Codes with letters or hyphens keep ASCII digits: Persian digits around a hyphen would be reordered.
  const exact = (text: string): Inline => ({ text, keepDigits: true });
  const municipality = municipalityName(receipt, lang);
  const number = receipt.receiptNo ?? receipt.paymentId;
  const gatewayName = translate(lang, `receipts.gateway_${receipt.gateway}` as MessageKey);
  const words = lang === 'fa' ? numberToWords(receipt.amountRials) : null;
  const rows = [
    { label: t('receipt_no'), value: number },
    ...(receipt.paidAt
      ? [
          {
            label: t('paid_at'),
            value: receiptDateTime(new Date(receipt.paidAt), receipt.municipality.timeZone, lang, t),
          },
        ]
      : []),
    { label: t('payer'), value: payerText(receipt, t) },
    { label: t('amount'), value: { text: t('rials', { amount: amount(receipt.amountRials) }), bold: true } },
    ...(typeof words === 'string' && words
      ? [{ label: t('amount_words'), value: t('rials', { amount: words }) }]
      : []),
    {
      label: t('gateway'),
      value: gatewayName.startsWith('receipts.') ? receipt.gateway : gatewayName,
    },
    ...(receipt.refId ? [{ label: t('ref_id'), value: receipt.refId }] : []),
    // The masked card reads left to right as printed on the card, inside a right-to-left line too.
    ...(receipt.cardPan ? [{ label: t('card'), value: exact(`\u2066${receipt.cardPan}\u2069`) }] : []),
  ];
  const billName = (item: Receipt['items'][number]) =>
    item.kind === 'renewal_dues' ? t('kind_renewal_dues', { year: item.year }) : `${item.kind} ${item.year}`;
  const plate = (item: Receipt['items'][number]) =>
    item.plate
      ? t('plate_value', {
          section: item.plate.registrationSection,
          main: item.plate.mainPlate,
          sub: item.plate.subPlates.length > 0 ? t('plate_sub', { sub: item.plate.subPlates.join('/') }) : '',
        })
      : t('hidden');
  const blocks: Block[] = [
    { kind: 'rows', rows },
    { kind: 'heading', text: t('bills') },
    {
      kind: 'table',
      columns: [
        { title: t('col_bill'), width: 2.2 },
        { title: t('col_renewal_code'), width: 2 },
        { title: t('col_plate'), width: 2.4 },
        { title: t('col_bill_id'), width: 2.2 },
        { title: t('col_payment_id'), width: 2.2 },
      ],
      rows: receipt.items.map((item) => [
        billName(item),
        item.parcel ? exact(item.parcel.renewalCode) : t('hidden'),
        plate(item),
        item.billId,
        item.paymentId ?? t('hidden'),
      ]),
    },
    { kind: 'heading', text: t('amounts') },
    {
      kind: 'table',
      columns: [
        { title: t('col_bill_id'), width: 2.2 },
        { title: t('col_principal'), width: 2 },
        { title: t('col_penalty'), width: 1.6 },
        { title: t('col_prize'), width: 1.8 },
        { title: t('col_amount'), width: 2 },
      ],
      rows: [
        ...receipt.items.map((item) => [
          item.billId,
          amount(item.principalRials),
          amount(item.penaltyRials),
          amount(item.prizeRials),
          amount(item.amountRials),
        ]),
        [
          { text: t('total'), bold: true },
          { text: amount(receipt.totals.principalRials), bold: true },
          { text: amount(receipt.totals.penaltyRials), bold: true },
          { text: amount(receipt.totals.prizeRials), bold: true },
          { text: amount(receipt.amountRials), bold: true },
        ],
      ],
    },
    { kind: 'notice', tone: 'positive', text: t('paid_notice') },
  ];
  return {
    lang,
    title: t('title'),
    issuer: t('issuer', { municipality }),
    footer: t('footer', { number, municipality }),
    blocks,
    info: { subject: `${t('title')} ${number}`, keywords: `receipt ${number} ${receipt.paymentId}` },
  };
}

/** The receipt as a printable A4 PDF in Persian, English or Vietnamese. */
export function renderReceiptPdf(receipt: Receipt, lang: Locale): Promise<Buffer> {
  return renderDocument(receiptDocument(receipt, lang));
}
