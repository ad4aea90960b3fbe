import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import serverFa from '../../src/server/i18n/fa.json' with { type: 'json' };
import { DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, useBrowser } from './journey.js';

const persianNumber = new Intl.NumberFormat('fa-IR', { useGrouping: false });

/** Replaces the JSON of one part of the definition being edited. */
async function setJson(page: Page, testId: string, value: unknown) {
  const input = page.getByTestId(testId).locator('textarea').first();
  await input.fill(JSON.stringify(value, null, 2));
  await input.blur();
}

async function readJson(page: Page, testId: string) {
  return JSON.parse(await page.getByTestId(testId).locator('textarea').first().inputValue());
}

describe.skipIf(!canRun)('an administrator defines a service and rolls it out district by district', () => {
  const browser = useBrowser();

  it('new service: a problem shown at its transition in Persian (and English), fixed, published, rolled out, a second version', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await browser.newPage('service-admin');
    const code = `pilot_${Date.now() % 1_000_000}`;
    await page.goto('/signin?as=staff');
    await page.getByLabel(fa.signIn.username, { exact: true }).fill('admin');
    await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();
    await page.waitForURL('**/admin');

    // The list: every service with its version and the districts where it is live.
    await page.getByRole('tab', { name: fa.serviceAdmin.navLabel }).click();
    await page.getByTestId('services-table').waitFor();
    const listed = (await (await context.request.get('/api/v1/admin/services')).json()) as {
      services: { code: string; version: number }[];
    };
    const inquiry = listed.services.find((s) => s.code === 'inquiry')!;
    const inquiryRow = page.locator('[data-testid="service-row"][data-code="inquiry"]');
    expect(await inquiryRow.getByTestId('service-version').textContent()).toBe(
      persianNumber.format(inquiry.version),
    );
    expect(await inquiryRow.getByTestId('live-inquiry-1').isChecked()).toBe(true);
    await screenshot(page, 'admin-services-fa');

    // A new service from the template, with a transition to a state that does not exist.
    await page.getByTestId('new-service').click();
    await page.waitForURL('**/admin/services/new');
    const general = await readJson(page, 'section-general');
    await setJson(page, 'section-general', { ...general, code });
    const approve = await readJson(page, 'item-transitions-1');
    await setJson(page, 'item-transitions-1', { ...approve, to: 'nowhere' });
    await page.getByTestId('check').click();
    const faulty = page.getByTestId('item-transitions-1');
    await faulty.getByTestId('problems').waitFor();
    const expected = serverFa.serviceDefinition.unknown_target
      .replace('{action}', approve.action)
      .replace('{state}', 'nowhere');
    expect(await faulty.getByTestId('problems').textContent()).toContain(expected);
    expect(await faulty.getByTestId('problems').locator('li').first().getAttribute('data-path')).toBe(
      'workflow.transitions[1].to',
    );
    expect(await faulty.getAttribute('data-faulty')).toBe('true');
    expect(await page.getByTestId('item-transitions-0').getAttribute('data-faulty')).toBe('false');
    await screenshot(page, 'admin-service-problem-fa');

    // The same problem in English after switching the language, then back to Persian.
    await page.getByText('English', { exact: true }).click();
    await faulty.getByText(`transition "${approve.action}" goes to unknown state "nowhere"`).waitFor();
    await page.getByText('فارسی', { exact: true }).click();
    await faulty.getByText(expected).waitFor();

    // Fixed, published as version 1.
    await setJson(page, 'item-transitions-1', approve);
    await page.getByTestId('publish').click();
    await page.waitForURL(`**/admin/services/${code}`);
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('version-row').waitFor();
    expect(await page.getByTestId('version-row').count()).toBe(1);
    expect(await page.getByTestId('problem-count').count()).toBe(0);

    // Rolled out to district 1 only, with its toggle.
    await page.getByText(fa.serviceAdmin.back).click();
    const toggle = page.getByTestId(`live-${code}-1`);
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });
    await expect.poll(async () => toggle.isChecked()).toBe(true);
    const detail = async () =>
      (await (await context.request.get(`/api/v1/admin/services/${code}`)).json()) as {
        version: number;
        liveDistrictIds: string[];
      };
    const districts = (await (await context.request.get('/api/v1/admin/districts')).json()) as {
      districts: { id: string; number: number }[];
    };
    const districtOne = districts.districts.find((d) => d.number === 1)!.id;
    expect((await detail()).liveDistrictIds).toEqual([districtOne]);
    expect(await page.getByTestId(`live-${code}-2`).isChecked()).toBe(false);

    // A second version: the English name changed; both versions listed, the new one current.
    await page.locator(`[data-testid="service-row"][data-code="${code}"]`).getByRole('link').first().click();
    await page.waitForURL(`**/admin/services/${code}`);
    const named = await readJson(page, 'section-general');
    await setJson(page, 'section-general', { ...named, names: { ...named.names, en: 'Pilot service' } });
    await page.getByTestId('publish').click();
    await page.getByTestId('notice').waitFor();
    await expect.poll(async () => page.getByTestId('version-row').count()).toBe(2);
    expect((await detail()).version).toBe(2);
    await screenshot(page, 'admin-service-versions-fa');

    // Rolled back so the other journeys see the demo catalogue unchanged.
    const { csrfToken } = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    await context.request.put(`/api/v1/admin/services/${code}/districts`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { districtIds: [] },
    });
    await context.close();
  });
});
