import type { SandboxSession } from './sandbox-state.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const rials = new Intl.NumberFormat('fa-IR');

const CHOICES: { outcome: string; label: string; hint: string }[] = [
  { outcome: 'pay', label: 'پرداخت', hint: 'Pay: the payer returns with Status=OK' },
  { outcome: 'cancel', label: 'انصراف', hint: 'Cancel: nothing is paid, the payer returns with Status=NOK' },
  { outcome: 'fail', label: 'پرداخت، بازگشت ناموفق', hint: 'Paid, but the callback says Status=NOK' },
  { outcome: 'twice', label: 'پرداخت، بازگشت دوباره', hint: 'Paid; the callback arrives twice' },
  { outcome: 'late', label: 'پرداخت، بازگشت با تأخیر', hint: 'Paid; the callback arrives after a delay' },
  { outcome: 'never', label: 'پرداخت، بدون بازگشت', hint: 'Paid; the callback never arrives' },
];

/** The sandbox's StartPay page: what a tester sees instead of a bank's card form. */
export function startPayPage(session: SandboxSession): string {
  const open = session.status === 'IN_BANK';
  const buttons = CHOICES.map(
    (choice) =>
      `<button name="outcome" value="${choice.outcome}" title="${escapeHtml(choice.hint)}" ${open ? '' : 'disabled'}>${escapeHtml(choice.label)}<small>${escapeHtml(choice.hint)}</small></button>`,
  ).join('\n');
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>درگاه آزمایشی پرداخت</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
.banner{background:#fff3cd;border:1px solid #e0c36a;padding:.5rem 1rem;border-radius:.5rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font:inherit;text-align:start;cursor:pointer}
button small{display:block;color:#666;direction:ltr;text-align:left}
</style></head><body>
<p class="banner">درگاه آزمایشی (sandbox) — هیچ پولی جابه‌جا نمی‌شود. Sandbox gateway speaking ZarinPal REST v4.</p>
<h1>پرداخت</h1>
<dl>
<dt>مبلغ</dt><dd>${rials.format(session.amount)} ریال</dd>
<dt>شرح</dt><dd>${escapeHtml(session.description)}</dd>
<dt>شناسه</dt><dd dir="ltr">${escapeHtml(session.authority)}</dd>
<dt>وضعیت</dt><dd dir="ltr">${session.status}</dd>
</dl>
<form method="post" action="/pg/StartPay/${encodeURIComponent(session.authority)}">
${buttons}
<label>تأخیر بازگشت (ثانیه) <input name="delaySeconds" type="number" min="1" max="3600" value="10"></label>
</form>
</body></html>`;
}

export function messagePage(title: string, text: string): string {
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Vazirmatn,Tahoma,sans-serif;max-width:40rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}
