import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, LATIN_DIGIT, useBrowser } from './journey.js';

interface MunicipalityOverview {
  counts: Record<'districts' | 'staff' | 'offices' | 'apiClients' | 'parcels' | 'citizens', number>;
}

const persianNumber = new Intl.NumberFormat('fa-IR');

describe.skipIf(!canRun)('the administrator signs in and sees the municipality', () => {
  const browser = useBrowser();

  it('from /signin to the admin municipality page with its counts', async () => {
    const { context, page } = await browser.newPage('admin');

    await page.goto('/signin?as=staff');
    await page.getByLabel(fa.signIn.username, { exact: true }).fill('admin');
    await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();

    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: fa.admin.title }).waitFor();
    await page.getByTestId('count-parcels').waitFor();
    const response = await context.request.get('/api/v1/admin/municipality');
    expect(response.status()).toBe(200);
    const { counts } = (await response.json()) as MunicipalityOverview;
    expect(counts.parcels).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(counts)) {
      const shown = await page.getByTestId(`count-${name}`).getByTestId('count-value').textContent();
      expect(shown, name).toBe(persianNumber.format(value));
      expect(shown, name).not.toMatch(LATIN_DIGIT);
    }
    await screenshot(page, 'admin-municipality-fa');

    await page.getByRole('tab', { name: fa.admin.nav.staff }).click();
    await page.getByTestId('staff-table').waitFor();
    await screenshot(page, 'admin-staff-fa');

    await page.getByRole('tab', { name: fa.admin.nav.apiClients }).click();
    await page.getByTestId('api-clients-table').waitFor();
    await page.getByRole('button', { name: fa.apiClients.add }).click();
    await page.getByLabel(fa.apiClients.name).fill('بانک آزمون');
    await page.getByRole('combobox', { name: fa.apiClients.kind }).click();
    await page.getByRole('option', { name: fa.apiClientKinds.bank, exact: true }).click();
    await page.getByRole('button', { name: fa.common.add, exact: true }).click();
    await page.getByTestId('client-secret').waitFor();
    expect((await page.getByTestId('client-secret').textContent())?.length).toBeGreaterThan(16);
    await screenshot(page, 'admin-api-client-secret-fa');
    await page.getByRole('button', { name: fa.apiClients.secretStored }).click();

    // The new client's webhook: register a callback URL; its signing secret is shown once.
    await page.getByRole('button', { name: fa.webhooks.action, exact: true }).last().click();
    await page.getByTestId('webhook-none').waitFor();
    await page.getByTestId('webhook-url').fill('http://127.0.0.1:9/hooks');
    await page.getByRole('button', { name: fa.common.save, exact: true }).click();
    await page.getByTestId('webhook-secret').waitFor();
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
    await page.getByRole('switch', { name: fa.webhooks.enabled }).waitFor();
    await screenshot(page, 'admin-api-client-webhook-fa');
    await page.keyboard.press('Escape');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: fa.auth.signOut, exact: true }).click();
    await page.getByRole('heading', { name: fa.home.title }).waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    expect((await context.request.get('/api/v1/me')).status()).toBe(401);
    await context.close();
  });
});
