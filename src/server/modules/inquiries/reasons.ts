import type { Locale } from '../../i18n/messages.js';
import type { LocalizedText } from '../certificates/index.js';
import type { AutoIssuanceDecision, Condition } from './rules/decide-auto-issuance.js';
import { jalali, localized, pick, rials } from './texts.js';

function basisText(condition: Extract<Condition, { code: 'recent_basis' }>, lang: Locale): string {
  const { basis, responseMonths, completionMonths } = condition;
  if (!basis)
    return pick(
      lang,
      `پاسخ استعلام معتبر در ${responseMonths} ماه گذشته یا گواهی پایان کار در ${completionMonths} ماه گذشته وجود ندارد`,
      `No inquiry response within the last ${responseMonths} months and no completion certificate within the last ${completionMonths} months`,
      `Không có văn bản trả lời trong ${responseMonths} tháng qua và không có giấy hoàn công trong ${completionMonths} tháng qua`,
    );
  const on = jalali(basis.issuedOn);
  const until = jalali(basis.countsUntil);
  return basis.kind === 'inquiry_response'
    ? pick(
        lang,
        `پاسخ استعلام ${basis.number} مورخ ${on}، معتبر تا ${until} (${responseMonths} ماه)`,
        `Inquiry response ${basis.number} of ${on}, counts until ${until} (${responseMonths} months)`,
        `Văn bản trả lời ${basis.number} ngày ${on}, có giá trị đến ${until} (${responseMonths} tháng)`,
      )
    : pick(
        lang,
        `گواهی پایان کار ${basis.number} مورخ ${on}، معتبر تا ${until} (${completionMonths} ماه)`,
        `Completion certificate ${basis.number} of ${on}, counts until ${until} (${completionMonths} months)`,
        `Giấy hoàn công ${basis.number} ngày ${on}, có giá trị đến ${until} (${completionMonths} tháng)`,
      );
}

/** One condition of the rule as people read it, with its numbers. */
export function conditionText(condition: Condition, lang: Locale): string {
  switch (condition.code) {
    case 'recent_basis':
      return basisText(condition, lang);
    case 'nothing_owed': {
      if (condition.met) return pick(lang, 'بدهی ندارد', 'Nothing owed', 'Không nợ phí');
      const items = condition.items
        .map((i) => `${i.year ?? ''} ${rials(i.payableRials)}`.trim())
        .join(lang === 'fa' ? '؛ ' : '; ');
      return pick(
        lang,
        `بدهی ${rials(condition.totalRials)} ریال (${items})`,
        `${rials(condition.totalRials)} rials owed (${items})`,
        `Còn nợ ${rials(condition.totalRials)} rial (${items})`,
      );
    }
    case 'no_open_violation': {
      if (condition.met)
        return pick(
          lang,
          'تخلف ساختمانی باز ندارد',
          'No open building violation',
          'Không có vi phạm đang mở',
        );
      const since = condition.open.map((v) => jalali(v.openedOn)).join(', ');
      return pick(
        lang,
        `${condition.open.length} تخلف ساختمانی باز (از ${since})`,
        `${condition.open.length} open building violation(s) (since ${since})`,
        `${condition.open.length} vi phạm xây dựng đang mở (từ ${since})`,
      );
    }
    case 'no_pending_article_100': {
      if (condition.met)
        return pick(
          lang,
          'پرونده کمیسیون ماده ۱۰۰ ندارد',
          'No pending Article 100 case',
          'Không có hồ sơ Điều 100',
        );
      const since = condition.pending.map((v) => jalali(v.openedOn)).join(', ');
      return pick(
        lang,
        `${condition.pending.length} پرونده در کمیسیون ماده ۱۰۰ (از ${since})`,
        `${condition.pending.length} case(s) pending before the Article 100 commission (since ${since})`,
        `${condition.pending.length} hồ sơ đang chờ Hội đồng Điều 100 (từ ${since})`,
      );
    }
  }
}

/** The decision's conditions for an API answer: each with whether it was required and met, and its text. */
export function presentConditions(decision: AutoIssuanceDecision, lang: Locale) {
  return decision.conditions.map((condition) => ({
    code: condition.code,
    required: condition.required,
    met: condition.met,
    text: conditionText(condition, lang),
    details: condition,
  }));
}

/** The required conditions that do not hold, as a certificate's reasons (the conditions of a conditional answer). */
export function unmetReasons(decision: AutoIssuanceDecision): LocalizedText[] {
  return decision.conditions
    .filter((c) => c.required && !c.met && c.code !== 'recent_basis')
    .map((c) => localized((lang) => conditionText(c, lang)));
}
