import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INQUIRY_SERVICE } from '../../src/server/modules/cases/workflow/demo-inquiry.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import type { CaseDetail, PublicCaseStatus } from '../../src/web/api/cases.js';
import type { OwnedParcel } from '../../src/web/api/parcels.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, LATIN_DIGIT, latestOtp, PERSIAN_DIGIT, useBrowser } from './journey.js';

const citizen = DEMO_CITIZENS[0];
const JOURNEY_TIMEOUT_MS = 180_000;
const PERSIAN_KEYBOARD_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

// Tiny files the server's content check accepts: the PNG signature, and a PDF header and trailer.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const field = (name: string) => INQUIRY_SERVICE.formFields.find((f) => f.name === name)!;
const requirement = (code: string) => INQUIRY_SERVICE.documents.find((d) => d.code === code)!;
const transition = (action: string) => INQUIRY_SERVICE.workflow.transitions.find((t) => t.action === action)!;
const stateName = (code: string) => INQUIRY_SERVICE.workflow.states.find((s) => s.code === code)!.labels.fa;

function typedOnPersianKeyboard(text: string): string {
  return text.replace(/[0-9]/g, (digit) => PERSIAN_KEYBOARD_DIGITS[Number(digit)]);
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path, { headers: { 'accept-language': 'fa' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function signInCitizen(page: Page, context: BrowserContext): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel(fa.signIn.nationalId).fill(typedOnPersianKeyboard(citizen.nationalId));
  await page.getByLabel(fa.signIn.mobile).fill(typedOnPersianKeyboard(citizen.mobile));
  await page.getByRole('button', { name: fa.signIn.sendCode }).click();
  await page.getByLabel(fa.signIn.code).waitFor();
  await page.getByLabel(fa.signIn.code).fill(await latestOtp(context, citizen.mobile));
  await page.getByRole('button', { name: fa.signIn.verify, exact: true }).click();
  await page.waitForURL('**/cartable');
}

async function signInStaff(page: Page, username: string): Promise<void> {
  await page.goto('/signin?as=staff');
  await page.getByLabel(fa.signIn.username, { exact: true }).fill(username);
  await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();
  await page.waitForURL('**/staff');
}

/** Uploads a file for a requirement on the case page and waits until the checklist shows it uploaded. */
async function upload(page: Page, code: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const row = page.getByTestId(`document-${code}`);
  await row.locator('input[type=file]').setInputFiles(file);
  await row.getByText(file.name).waitFor();
  expect(await row.getAttribute('data-uploaded')).toBe('true');
}

/** Takes an action on a case through the API with the context's session, as another open tab would. */
async function actInAnotherTab(context: BrowserContext, caseId: string, action: string): Promise<void> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(context, '/api/v1/me');
  const { version } = await getJson<CaseDetail>(context, `/api/v1/cases/${caseId}`);
  const response = await context.request.post(`/api/v1/cases/${caseId}/actions`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { action, version },
  });
  expect(response.status()).toBe(200);
}

async function caseState(page: Page): Promise<string | null> {
  return page.getByTestId('case-state').textContent();
}

describe.skipIf(!canRun)(
  'a citizen files a request, staff return it, the citizen corrects it, staff approve',
  () => {
    const browser = useBrowser();

    it('inquiry response: draft, documents, submit, correction, resubmit, approval, timeline in Persian', {
      timeout: JOURNEY_TIMEOUT_MS,
    }, async () => {
      const startedAt = performance.now();
      const { context, page } = await browser.newPage('case-citizen');
      await signInCitizen(page, context);
      const { parcels } = await getJson<{ parcels: OwnedParcel[] }>(context, '/api/v1/me/parcels');
      const parcel = parcels[0];

      // From the cartable's parcel page: «New request», the services live in the parcel's district.
      await page
        .getByTestId('renewal-code')
        .filter({ hasText: typedOnPersianKeyboard(parcel.renewalCode) })
        .click();
      await page.waitForURL(`**/cartable/parcels/${parcel.id}`);
      await page.getByTestId('new-request').click();
      await page.waitForURL('**/new-request');
      // Exactly the citizen's inquiry service: the institutions' one (docs/inquiries.md) starts with the same words.
      await page
        .getByTestId('service')
        .filter({ has: page.getByText(INQUIRY_SERVICE.names.fa, { exact: true }) })
        .click();
      await page.getByTestId('start-request').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      const caseId = page.url().split('/').at(-1)!;
      expect(await caseState(page)).toBe(stateName('draft'));

      // The form, typed on a Persian keyboard; the Solar Hijri date is stored as a Gregorian date.
      await page.getByRole('combobox', { name: field('purpose').labels.fa }).click();
      await page.getByRole('option', { name: field('purpose').options![0].labels.fa, exact: true }).click();
      await page.getByLabel(field('requesterLetterNumber').labels.fa).fill('۴۵۶۷/ص');
      await page.getByLabel(field('requesterLetterDate').labels.fa).fill('۱۴۰۳/۰۵/۲۰');
      await page.getByTestId('save-form').click();
      await page.getByTestId('notice').getByText(fa.case.saved).waitFor();
      const draft = await getJson<CaseDetail>(context, `/api/v1/cases/${caseId}`);
      expect(draft.formData).toEqual({
        purpose: 'transfer',
        requesterLetterNumber: '۴۵۶۷/ص',
        requesterLetterDate: '2024-08-10',
      });
      expect(await page.getByLabel(field('requesterLetterDate').labels.fa).inputValue()).toBe('۱۴۰۳/۰۵/۲۰');

      // The checklist says what is required, in which formats and up to what size; a text file is refused.
      const checklist = page.getByTestId('document-checklist');
      expect(await checklist.textContent()).toContain(fa.case.required);
      expect(await checklist.textContent()).toContain(fa.case.optional);
      expect(await page.getByTestId('completeness').textContent()).toContain(
        requirement('deed_image').labels.fa,
      );
      await page
        .getByTestId('document-deed_image')
        .locator('input[type=file]')
        .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a deed') });
      await page.getByTestId('document-deed_image').getByTestId('upload-error').waitFor();
      for (const code of ['inquiry_letter', 'deed_image', 'owner_id_card']) {
        await upload(page, code, { name: `${code}.png`, mimeType: 'image/png', buffer: PNG });
      }
      await page.getByTestId('completeness').getByText(fa.case.complete).waitFor();
      await screenshot(page, 'case-draft-fa');

      // Submit: the tracking code and the file number, prominently, in Persian digits.
      await page.getByTestId('action-submit').click();
      await page.getByTestId('tracking-code').waitFor();
      const submitted = await getJson<CaseDetail>(context, `/api/v1/cases/${caseId}`);
      expect(submitted.state.code).toBe('submitted');
      const shownCode = await page.getByTestId('tracking-code').textContent();
      expect(shownCode).toBe(typedOnPersianKeyboard(submitted.trackingCode!));
      expect(await page.getByTestId('file-number').textContent()).toBe(
        typedOnPersianKeyboard(submitted.fileNumber!),
      );
      expect(await caseState(page)).toBe(stateName('submitted'));
      await screenshot(page, 'case-submitted-fa');

      // The district's expert (the parcel's district) finds it in the queue, takes it, and returns it.
      const staff = await browser.newPage('case-staff');
      await signInStaff(staff.page, `d${parcel.districtNumber}.expert`);
      const row = staff.page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(typedOnPersianKeyboard(submitted.fileNumber!));
      await screenshot(staff.page, 'staff-queue-fa');
      await row.getByTestId('claim').click();
      await row.getByText(fa.queue.me, { exact: true }).waitFor();
      await row.getByTestId('queue-file-number').click();
      await staff.page.waitForURL(`**/cases/${caseId}`);
      await staff.page.getByTestId('case-answers').getByText('۴۵۶۷/ص').waitFor();
      expect(await staff.page.getByTestId('case-answers').textContent()).toContain('۲۰ مرداد ۱۴۰۳');
      const reason = 'تصویر سند خوانا نیست؛ لطفاً تصویر واضح هر دو صفحه سند را بارگذاری کنید.';
      await staff.page.getByTestId('action-request_correction').click();
      const dialog = staff.page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: requirement('deed_image').labels.fa, exact: true }).check();
      await dialog
        .getByRole('checkbox', { name: field('requesterLetterNumber').labels.fa, exact: true })
        .check();
      await dialog.getByLabel(fa.caseActions.reason).fill(reason);
      await dialog.getByTestId('action-submit').click();
      await staff.page.getByTestId('notice').waitFor();
      expect(await caseState(staff.page)).toBe(stateName('returned'));
      await screenshot(staff.page, 'case-staff-returned-fa');

      // The citizen sees why; only the deed image and the letter number may change, highlighted. A new image,
      // the corrected number, then resubmit (which saves the form first).
      await page.reload();
      await page.getByTestId('returned').waitFor();
      expect(await page.getByTestId('returned-reason').textContent()).toContain(reason);
      expect(await page.getByTestId('returned-items').textContent()).toContain(
        requirement('deed_image').labels.fa,
      );
      expect(await page.getByTestId('document-deed_image').getAttribute('data-to-correct')).toBe('true');
      expect(await page.getByTestId('upload-inquiry_letter').count()).toBe(0);
      const letterNumber = page.getByLabel(field('requesterLetterNumber').labels.fa);
      expect(await letterNumber.getAttribute('data-to-correct')).toBe('true');
      expect(await letterNumber.getAttribute('readonly')).toBeNull();
      const letterDate = page.getByLabel(field('requesterLetterDate').labels.fa);
      expect(await letterDate.getAttribute('readonly')).not.toBeNull();
      await letterNumber.fill('۴۵۶۸/ص');
      await upload(page, 'deed_image', { name: 'deed-clear.pdf', mimeType: 'application/pdf', buffer: PDF });
      await screenshot(page, 'case-returned-fa');
      await page.getByTestId('action-resubmit').click();
      await page.getByTestId('notice').waitFor();
      expect(await caseState(page)).toBe(stateName('submitted'));
      const resubmitted = await getJson<CaseDetail>(context, `/api/v1/cases/${caseId}`);
      expect(resubmitted.formData.requesterLetterNumber).toBe('۴۵۶۸/ص');
      expect(resubmitted.returnedItems).toEqual([]);

      // The expert reloads the resubmitted case; before they approve, the case changes in another tab: the stale
      // page's action gets a conflict, said in Persian, and the case is reloaded.
      await staff.page.reload();
      await staff.page.getByTestId('action-approve').waitFor();
      expect(await caseState(staff.page)).toBe(stateName('submitted'));
      await actInAnotherTab(staff.context, caseId, 'claim');
      await staff.page.getByTestId('action-approve').click();
      await staff.page.getByRole('dialog').getByTestId('action-submit').click();
      await staff.page.getByTestId('api-error').getByText(fa.case.conflict).waitFor();
      // The reloaded case: the expert approves it from the file history.
      await staff.page.getByTestId('action-approve').click();
      await staff.page.getByRole('dialog').getByTestId('action-submit').click();
      await staff.page.getByTestId('closed').waitFor();
      expect(await caseState(staff.page)).toBe(stateName('approved'));

      // The citizen sees the whole timeline in Persian: names, roles, Solar Hijri dates, the reason, the approval.
      await page.reload();
      await page.getByTestId('closed').waitFor();
      const timeline = page.getByTestId('case-timeline');
      const names = await timeline.getByTestId('step-name').allTextContents();
      for (const expected of [
        fa.caseEvents.created,
        transition('submit').labels.fa,
        transition('request_correction').labels.fa,
        transition('resubmit').labels.fa,
        transition('approve').labels.fa,
      ]) {
        expect(names).toContain(expected);
      }
      for (const name of names) expect(name).toMatch(/[\u0600-\u06FF]/);
      const metas = await timeline.getByTestId('step-meta').allTextContents();
      for (const meta of metas) {
        expect(meta).toMatch(PERSIAN_DIGIT);
        expect(meta).not.toMatch(LATIN_DIGIT);
      }
      expect(metas.join(' ')).toContain(fa.roles.expert);
      expect(metas.join(' ')).toContain(fa.caseRoles.applicant);
      expect(await timeline.getByTestId('step-reason').first().textContent()).toBe(reason);
      expect(await timeline.getByTestId('step-returned').textContent()).toContain(
        requirement('deed_image').labels.fa,
      );
      expect(await timeline.textContent()).toContain(stateName('approved'));
      await screenshot(page, 'case-timeline-fa');

      // The same case in English: left to right, the service's own English names, Latin digits.
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: INQUIRY_SERVICE.names.en }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await timeline.getByText(transition('request_correction').labels.en).waitFor();
      expect(await timeline.getByTestId('step-meta').first().textContent()).toMatch(LATIN_DIGIT);
      await screenshot(page, 'case-timeline-en');
      await page.getByText('فارسی', { exact: true }).click();
      await page.getByRole('heading', { name: INQUIRY_SERVICE.names.fa }).waitFor();
      await page.goto('/cases');
      await page.getByTestId('case-row').first().waitFor();
      expect(await page.getByTestId('cases-table').textContent()).toContain(stateName('approved'));

      // Anyone with the tracking code and the national ID follows it without signing in.
      const visitor = await browser.newPage('case-track');
      await visitor.page.goto('/');
      await visitor.page.getByTestId('home-track').getByRole('link').click();
      await visitor.page.waitForURL('**/track');
      await visitor.page.getByTestId('track-code').fill(typedOnPersianKeyboard(submitted.trackingCode!));
      await visitor.page.getByTestId('track-national-id').fill(citizen.nationalId);
      await visitor.page.getByRole('button', { name: fa.track.submit }).click();
      await visitor.page.getByTestId('case-status').waitFor();
      const status = await getJson<PublicCaseStatus>(
        visitor.context,
        `/api/v1/cases/status?trackingCode=${submitted.trackingCode}&nationalId=${citizen.nationalId}`,
      );
      expect(status.state.code).toBe('approved');
      expect(await visitor.page.getByTestId('case-state').textContent()).toBe(stateName('approved'));
      expect(await visitor.page.getByTestId('timeline-step').count()).toBe(status.steps.length);
      await screenshot(visitor.page, 'track-fa');

      process.stderr.write(`case journey: ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
      await Promise.all([context.close(), staff.context.close(), visitor.context.close()]);
    });
  },
);
