import type { Db } from '../../db/schema.js';
import { landUseName } from '../../i18n/messages.js';
import { localDateOf } from '../cases/calendar/zoned-time.js';
import type { CertificateFinding } from '../certificates/index.js';
import { findCurrentLayer } from '../zoning/layer-repository.js';
import { listParcelOverlayHits } from '../zoning/parcel-zoning-repository.js';
import type { ParcelRecordFacts } from './parcel-record.js';
import { jalali, localized, pick, rials } from './texts.js';

const OVERLAY_NAMES: Record<string, [string, string, string]> = {
  street_widening: ['طرح تعریض معبر', 'Street widening', 'Mở rộng đường'],
  heritage: ['حریم میراث فرهنگی', 'Heritage area', 'Khu di sản'],
  protected: ['محدوده حفاظت‌شده', 'Protected area', 'Khu bảo vệ'],
  flood: ['پهنه سیل‌گیر', 'Flood zone', 'Vùng ngập lụt'],
  fault: ['حریم گسل', 'Fault zone', 'Vùng đứt gãy'],
  other: ['محدودیت دیگر', 'Other restriction', 'Hạn chế khác'],
};

function duesFinding(facts: ParcelRecordFacts): CertificateFinding {
  const { debts } = facts;
  const label = localized((lang) =>
    pick(lang, 'بدهی عوارض و بهای خدمات', 'Unpaid dues and charges', 'Phí chưa nộp'),
  );
  if (debts.totalRials === 0n)
    return {
      code: 'dues',
      label,
      result: localized((lang) => pick(lang, 'ندارد', 'None', 'Không có')),
      status: 'clear',
    };
  const items = (lang: 'fa' | 'en' | 'vi') =>
    debts.items
      .map((item) => {
        const what = pick(
          lang,
          `عوارض نوسازی ${item.year}`,
          `renewal dues ${item.year}`,
          `phí cải tạo ${item.year}`,
        );
        return `${what}: ${rials(item.payableRials)}`;
      })
      .join(lang === 'fa' ? '؛ ' : '; ');
  return {
    code: 'dues',
    label,
    result: localized((lang) =>
      pick(
        lang,
        `${rials(debts.totalRials)} ریال (${items('fa')})`,
        `${rials(debts.totalRials)} rials (${items('en')})`,
        `${rials(debts.totalRials)} rial (${items('vi')})`,
      ),
    ),
    status: 'attention',
  };
}

function violationFinding(
  facts: ParcelRecordFacts,
  kind: 'building_violation' | 'article_100',
  today: string,
) {
  const open = facts.violations.filter(
    (v) => v.kind === kind && (v.closed_on === null || v.closed_on > today),
  );
  const closed = facts.violations.filter(
    (v) => v.kind === kind && v.closed_on !== null && v.closed_on <= today,
  );
  const label =
    kind === 'building_violation'
      ? localized((lang) => pick(lang, 'تخلف ساختمانی', 'Building violations', 'Vi phạm xây dựng'))
      : localized((lang) =>
          pick(lang, 'پرونده کمیسیون ماده ۱۰۰', 'Article 100 commission', 'Hội đồng Điều 100'),
        );
  const dates = open.map((v) => jalali(v.opened_on)).join(', ');
  const result =
    open.length > 0
      ? localized((lang) =>
          pick(
            lang,
            `${open.length} پرونده باز (از ${dates})`,
            `${open.length} open (since ${dates})`,
            `${open.length} hồ sơ đang mở (từ ${dates})`,
          ),
        )
      : closed.length > 0
        ? localized((lang) =>
            pick(
              lang,
              `پرونده باز ندارد (${closed.length} مختومه)`,
              `None open (${closed.length} closed)`,
              `Không có hồ sơ mở (${closed.length} đã đóng)`,
            ),
          )
        : localized((lang) => pick(lang, 'ندارد', 'None', 'Không có'));
  return { code: kind, label, result, status: open.length > 0 ? 'blocking' : 'clear' } as CertificateFinding;
}

function certificateFinding(
  facts: ParcelRecordFacts,
  kind: 'building_permit' | 'completion',
  timeZone: string,
): CertificateFinding {
  const latest = facts.certificates.find((c) => c.kind === kind && c.status === 'valid');
  const label =
    kind === 'building_permit'
      ? localized((lang) => pick(lang, 'پروانه ساختمانی', 'Building permit', 'Giấy phép xây dựng'))
      : localized((lang) =>
          pick(lang, 'گواهی پایان کار', 'Completion certificate', 'Giấy chứng nhận hoàn công'),
        );
  if (!latest)
    return {
      code: kind,
      label,
      result: localized((lang) =>
        pick(lang, 'در سامانه ثبت نشده', 'None on record', 'Chưa có trong hệ thống'),
      ),
      status: 'clear',
    };
  const on = jalali(localDateOf(latest.issued_at.getTime(), timeZone));
  return {
    code: kind,
    label,
    result: localized((lang) =>
      pick(
        lang,
        `شماره ${latest.number} مورخ ${on}`,
        `No. ${latest.number} of ${on}`,
        `Số ${latest.number} ngày ${on}`,
      ),
    ),
    status: 'clear',
  };
}

/** Land use and the detailed plan's overlays on the parcel (street widening above all), from the current layers. */
async function zoningFindings(db: Db, municipalityId: string, parcel: { id: string; land_use: string }) {
  const findings: CertificateFinding[] = [
    {
      code: 'land_use',
      label: localized((lang) => pick(lang, 'کاربری', 'Land use', 'Mục đích sử dụng đất')),
      result: localized((lang) => landUseName(lang, parcel.land_use)),
      status: 'clear',
    },
  ];
  const layer = await findCurrentLayer(db, municipalityId, 'overlays');
  const hits = layer ? await listParcelOverlayHits(db, parcel.id, layer.id) : [];
  const widening = hits.filter((hit) => hit.overlay_type === 'street_widening');
  const others = hits.filter((hit) => hit.overlay_type !== 'street_widening');
  const describe = (lang: 'fa' | 'en' | 'vi', list: typeof hits) =>
    list
      .map((hit) => {
        const names = OVERLAY_NAMES[hit.overlay_type] ?? OVERLAY_NAMES.other;
        const name = pick(lang, ...names);
        const area = Number(hit.area_m2).toFixed(1);
        const share = (Number(hit.share) * 100).toFixed(1);
        return pick(
          lang,
          `${name}: ${area} م² (${share}٪)`,
          `${name}: ${area} m² (${share}%)`,
          `${name}: ${area} m² (${share}%)`,
        );
      })
      .join(lang === 'fa' ? '؛ ' : '; ');
  findings.push({
    code: 'street_widening',
    label: localized((lang) => pick(lang, 'تعریض معبر (بر و کف)', 'Street widening', 'Mở rộng đường')),
    result:
      widening.length > 0
        ? localized((lang) => describe(lang, widening))
        : localized((lang) => pick(lang, 'ندارد', 'None', 'Không có')),
    status: widening.length > 0 ? 'attention' : 'clear',
  });
  if (others.length > 0)
    findings.push({
      code: 'overlays',
      label: localized((lang) =>
        pick(lang, 'محدودیت‌های طرح تفصیلی', 'Plan restrictions', 'Hạn chế quy hoạch'),
      ),
      result: localized((lang) => describe(lang, others)),
      status: 'attention',
    });
  return findings;
}

/** Everything an inquiry response states about the parcel, in the order it is printed. */
export async function inquiryFindings(
  db: Db,
  input: {
    municipalityId: string;
    parcel: { id: string; land_use: string };
    facts: ParcelRecordFacts;
    today: string;
    timeZone: string;
  },
): Promise<CertificateFinding[]> {
  const { facts, today, timeZone } = input;
  return [
    duesFinding(facts),
    violationFinding(facts, 'building_violation', today),
    violationFinding(facts, 'article_100', today),
    certificateFinding(facts, 'building_permit', timeZone),
    certificateFinding(facts, 'completion', timeZone),
    ...(await zoningFindings(db, input.municipalityId, input.parcel)),
  ];
}

/** The clearance certificate's one finding: nothing owed. */
export function clearanceFindings(): CertificateFinding[] {
  return [
    {
      code: 'dues',
      label: localized((lang) =>
        pick(lang, 'بدهی عوارض و بهای خدمات', 'Unpaid dues and charges', 'Phí chưa nộp'),
      ),
      result: localized((lang) => pick(lang, 'ندارد', 'None', 'Không có')),
      status: 'clear',
    },
  ];
}
