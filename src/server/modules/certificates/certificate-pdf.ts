import { type Locale, landUseName, type MessageKey, translate } from '../../i18n/messages.js';
import { type Block, type DocumentSpec, type Inline, renderDocument } from '../../pdf/index.js';
import type { CertificateContent, LocalizedText } from './content.js';
import { certificateDate } from './jalali-dates.js';

type Strip<T> = T extends `certificates.${infer K}` ? K : never;
type TextKey = Strip<MessageKey>;

function localized(text: LocalizedText, lang: Locale): string {
  return lang === 'fa' ? text.fa : lang === 'vi' ? (text.vi ?? text.en) : text.en;
}

function dang(share: { numerator: number; denominator: number }): string {
  const sixths = (6 * share.numerator) / share.denominator;
  return Number.isInteger(sixths) ? String(sixths) : sixths.toFixed(2).replace(/0+$/, '');
}

/** A purpose the catalogue names (transfer, mortgage, utility_connection), or the code as the issuer gave it. */
function purposeText(purpose: string, t: (key: TextKey) => string): string {
  const key = `purpose_${purpose}` as TextKey;
  const text = t(key);
  return text === `certificates.${key}` ? purpose : text;
}

const OUTCOME_TONE = { no_objection: 'positive', conditional: 'warning', refused: 'negative' } as const;

export interface CertificatePdfInput {
  content: CertificateContent;
  token: string;
  timeZone: string;
  revokedAt: Date | null;
  /** The public verification page, e.g. https://shahrvand.example/verify. */
  verifyUrl: string;
}

/** The URL in the QR code: the verification page with the signed payload in the fragment (never sent to a server). */
export function verificationLink(verifyUrl: string, token: string): string {
  return `${verifyUrl}#${token}`;
}

/** The certificate as a document for the renderer: rows, findings, outcome, reasons, QR and signature note. */
export function certificateDocument(input: CertificatePdfInput, lang: Locale): DocumentSpec {
  const { content } = input;
  const t = (key: TextKey, params: Record<string, unknown> = {}) =>
    translate(lang, `certificates.${key}` as const, params);
  const tz = input.timeZone;
  const plate = content.parcel.plate;
  const exact = (text: string): Inline => ({ text, keepDigits: true });
  const rows = [
    { label: t('number'), value: exact(content.number) },
    { label: t('issued_at'), value: certificateDate(new Date(content.issuedAt), tz, lang) },
    { label: t('valid_until'), value: certificateDate(new Date(content.validUntil), tz, lang) },
    {
      label: t('plate'),
      value: t('plate_value', {
        section: plate.section,
        main: plate.main,
        sub: plate.sub.length > 0 ? t('plate_sub', { sub: plate.sub.join('/') }) : '',
      }),
    },
    // Codes with hyphens keep ASCII digits: Persian digits around a hyphen would be reordered right to left.
    { label: t('renewal_code'), value: exact(content.parcel.renewalCode) },
    ...(content.parcel.address ? [{ label: t('address'), value: content.parcel.address }] : []),
    { label: t('land_area'), value: t('land_area_value', { area: content.parcel.landAreaM2 }) },
    { label: t('land_use'), value: landUseName(lang, content.parcel.landUse) },
    {
      label: t('owners'),
      value: content.owners
        .map((o) => t('owner_value', { name: o.name, nationalId: o.nationalId, share: dang(o.share) }))
        .join('\n'),
    },
    ...(content.purpose ? [{ label: t('purpose'), value: purposeText(content.purpose, t) }] : []),
    ...(content.requester ? [{ label: t('requester'), value: content.requester.name }] : []),
  ];
  const blocks: Block[] = [];
  if (input.revokedAt)
    blocks.push({
      kind: 'notice',
      tone: 'negative',
      text: t('revoked', { date: certificateDate(input.revokedAt, tz, lang) }),
    });
  blocks.push({ kind: 'rows', rows });
  if (content.findings.length > 0) {
    blocks.push({ kind: 'heading', text: t('findings') });
    blocks.push({
      kind: 'table',
      columns: [
        { title: t('finding_check'), width: 2 },
        { title: t('finding_result'), width: 3 },
      ],
      rows: content.findings.map((f) => [localized(f.label, lang), localized(f.result, lang)]),
    });
  }
  blocks.push({ kind: 'notice', tone: OUTCOME_TONE[content.outcome], text: t(`outcome_${content.outcome}`) });
  if (content.reasons.length > 0) {
    blocks.push({
      kind: 'heading',
      text: t(content.outcome === 'refused' ? 'reasons_refused' : 'reasons_conditional'),
    });
    content.reasons.forEach((reason, i) => {
      blocks.push({ kind: 'paragraph', text: `${i + 1}. ${localized(reason, lang)}` });
    });
  }
  blocks.push({ kind: 'spacer', height: 6 });
  blocks.push({
    kind: 'qr',
    data: verificationLink(input.verifyUrl, input.token),
    caption: t('qr_caption'),
    size: 120,
    beside: { text: t('signed_note', { kid: content.kid, url: input.verifyUrl }), keepDigits: true },
  });
  return {
    lang,
    title: t(`title_${content.kind}`),
    issuer: t('issuer', {
      municipality: localized(content.municipality.name, lang),
      district: localized(content.parcel.district.name, lang),
    }),
    footer: { text: t('footer', { number: content.number, url: input.verifyUrl }), keepDigits: true },
    blocks,
    info: { subject: content.number, keywords: `certificate ${content.number} ${content.kid}` },
  };
}

/** The certificate as a printable A4 PDF in Persian, English or Vietnamese, with its signed QR code. */
export function renderCertificatePdf(input: CertificatePdfInput, lang: Locale): Promise<Buffer> {
  return renderDocument(certificateDocument(input, lang));
}
