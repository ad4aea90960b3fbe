import { describe, expect, it } from 'vitest';
import { pdfText, pdfToolsMissing, scanQrCodes } from '../../../test/pdf-tools.js';
import { localizeDigits, qrVersionOf, renderDocument } from './index.js';

const reading = describe.skipIf(pdfToolsMissing.length > 0);

const TITLE = 'گواهی پاسخ استعلام ملک';
// Persian words, Latin digits (printed Persian), Persian digits with slashes, a Latin code with digits.
const MIXED = 'پرونده شماره 1403/12345 برای ملک MS-2024-001 در تاریخ ۱۴۰۳/۰۷/۱۵ ثبت شد و بلامانع است.';

/**
 * Poppler drops the space between a number and the Persian word after it in a right-to-left line (it does the
 * same to Chromium's PDFs), so lines are compared without spaces: the order of every letter and digit still has
 * to be exactly right.
 */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

reading('rendered Persian reads back in logical order', () => {
  it('keeps the title, and a line of mixed Persian, Persian digits and Latin text, in the order written', async () => {
    const pdf = await renderDocument({
      lang: 'fa',
      title: TITLE,
      blocks: [{ kind: 'paragraph', text: MIXED }],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfText(pdf);
    expect(lines).toContain(TITLE);
    // Words right to left, numbers left to right, the Latin code intact: pdfkit alone prints «۵۴۳۲۱/۳۰۴۱» and lays
    // the words out left to right; without shaping, lam-alef is not one ligature and «بلامانع» reads back broken.
    expect(lines.map(squeeze)).toContain(
      squeeze('پرونده شماره ۱۴۰۳/۱۲۳۴۵ برای ملک MS-2024-001 در تاریخ ۱۴۰۳/۰۷/۱۵ ثبت شد و بلامانع است.'),
    );
  });

  it('sets labelled rows and table cells right to left, each label beside its own value', async () => {
    const pdf = await renderDocument({
      lang: 'fa',
      title: TITLE,
      blocks: [
        {
          kind: 'rows',
          rows: [{ label: 'شماره گواهی', value: { text: 'IR-07-1404-000123-5', keepDigits: true } }],
        },
        { kind: 'table', columns: [{ title: 'بررسی' }, { title: 'نتیجه' }], rows: [['بدهی عوارض', 'ندارد']] },
      ],
    });
    const text = pdfText(pdf).join('\n');
    expect(text).toContain('IR-07-1404-000123-5');
    expect(text).toContain('شماره گواهی');
    expect(text).toContain('بدهی عوارض');
    // Reading a right-to-left page, the label (rightmost) comes before its value.
    expect(text.indexOf('شماره گواهی')).toBeLessThan(text.indexOf('IR-07-1404-000123-5'));
  });

  it('prints Vietnamese with every diacritic, and a Persian name inside an English line', async () => {
    const pdf = await renderDocument({
      lang: 'vi',
      title: 'Giấy chứng nhận trả lời yêu cầu',
      blocks: [
        { kind: 'paragraph', text: 'Chủ sở hữu: علی رضایی, thửa 1234/56' },
        { kind: 'paragraph', text: 'Người yêu cầu đã được xác nhận' },
      ],
    });
    const lines = pdfText(pdf);
    expect(lines).toContain('Giấy chứng nhận trả lời yêu cầu');
    expect(lines).toContain('Người yêu cầu đã được xác nhận');
    expect(lines.join('\n')).toContain('علی رضایی');
  });

  it('draws a QR code that scans back to its data at level M', async () => {
    const data = `https://shahrvand.example/verify#${'eyJhbGciOiJFZERTQSJ9.'.padEnd(300, 'x')}`;
    const pdf = await renderDocument({ lang: 'en', title: 'QR', blocks: [{ kind: 'qr', data, size: 130 }] });
    expect(scanQrCodes(pdf)).toEqual([data]);
    expect(qrVersionOf(data)).toBeLessThanOrEqual(14);
  });
});

describe('digits in Persian text', () => {
  it('turns digits Persian except inside tokens with Latin letters', () => {
    expect(localizeDigits('پلاک 1234/56 (Ref: MS-2024-001)', 'fa')).toBe('پلاک ۱۲۳۴/۵۶ (Ref: MS-2024-001)');
    expect(localizeDigits('plate 1234/56', 'en')).toBe('plate 1234/56');
  });

  it('fills many pages without losing a line', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ label: `ردیف ${i + 1}`, value: `مقدار ${i + 1}` }));
    const pdf = await renderDocument({ lang: 'fa', title: TITLE, blocks: [{ kind: 'rows', rows }] });
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
  });
});
