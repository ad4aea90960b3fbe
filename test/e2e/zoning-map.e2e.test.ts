import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/server/modules/demo-city/demo-accounts.js';
import type { MapExtent, MapFeatures, ParcelZoning, PublicParcel } from '../../src/web/api/zoning.js';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, LATIN_DIGIT, latestOtp, PERSIAN_DIGIT, useBrowser } from './journey.js';

const DEMO_RENEWAL_CODE = '01-0001-003';
const PERSIAN_KEYBOARD_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** A frame of the page must come back this fast while the whole city is in view. */
const RESPONSIVE_FRAME_MS = 1_000;
// A different citizen from citizen-sign-in.e2e.test.ts, which may run at the same time.
const citizen = DEMO_CITIZENS[1];

const persianPercent = new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 1 });
const persianNumber = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 0 });
const englishPercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

function typedOnPersianKeyboard(text: string): string {
  return text.replace(/[0-9]/g, (digit) => PERSIAN_KEYBOARD_DIGITS[Number(digit)]);
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path, { headers: { 'accept-language': 'fa' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A parcel of the demo city: 01-0001-003, or else the first one in view at the centre of the map. */
async function demoParcelCode(context: BrowserContext): Promise<string> {
  const found = await getJson<{ parcels: PublicParcel[] }>(
    context,
    `/api/v1/zoning/parcels?renewalCode=${DEMO_RENEWAL_CODE}`,
  );
  if (found.parcels.length > 0) return found.parcels[0].renewalCode;
  const { center } = await getJson<MapExtent>(context, '/api/v1/map/extent');
  const d = 0.002;
  const bbox = [center.lng - d, center.lat - d, center.lng + d, center.lat + d].join(',');
  const features = await getJson<MapFeatures>(context, `/api/v1/map/features?bbox=${bbox}&zoom=18`);
  const code = features.parcels?.features[0]?.properties.renewalCode;
  if (!code) throw new Error('No demo parcel found near the centre of the map');
  return code;
}

/** Whether a Leaflet pane's canvas has anything drawn on it. */
function paneHasPixels(page: Page, pane: string): Promise<boolean> {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`.leaflet-${name}-pane canvas`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4 * 97) if (data[i] > 0) return true;
    return false;
  }, pane);
}

/** Waits until Leaflet has finished zooming and drawn the new view. */
async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
  await frameLatency(page);
  await frameLatency(page);
}

function frameLatency(page: Page): Promise<number> {
  return page.evaluate(() => {
    const start = performance.now();
    return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
  });
}

describe.skipIf(!canRun)('anyone asks the map what may be built on a parcel', () => {
  const browser = useBrowser();

  it('finds a parcel by its renewal code and reads its rules and fees in Persian, then in English', async () => {
    const { context, page } = await browser.newPage('zoning-map');
    const code = await demoParcelCode(context);
    const zoning = await getJson<ParcelZoning>(context, `/api/v1/parcels/${code}/zoning`);
    expect(zoning.zone, 'the demo parcel lies in a zone').not.toBeNull();
    expect(zoning.rule?.maxDensityPct, 'the demo parcel has a density limit').toBeTypeOf('number');
    expect(zoning.fees, 'the demo parcel has a fee estimate').not.toBeNull();

    // The whole city at first: zones and overlays drawn, parcels left out with a word to zoom in.
    const firstView = page.waitForResponse((response) => response.url().includes('/api/v1/map/features'));
    await page.goto('/');
    await page.getByTestId('map-link').click();
    await page.waitForURL('**/map');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const cityWide = (await (await firstView).json()) as MapFeatures;
    expect(cityWide.zones.features.length).toBeGreaterThan(0);
    await page.getByTestId('zoning-map').waitFor();
    await page.getByTestId('map-legend').waitFor();
    if (cityWide.parcels === null) {
      expect(cityWide.parcelsInView).toBeGreaterThan(cityWide.parcelLimit);
      const message = await page.getByTestId('zoom-in-message').textContent();
      expect(message).toContain(persianNumber.format(cityWide.parcelsInView));
    }
    await expect.poll(() => paneHasPixels(page, 'sv-zones')).toBe(true);
    if (cityWide.overlays.features.length > 0)
      expect(await page.locator('.leaflet-sv-overlays-pane path').count()).toBeGreaterThan(0);

    // Zoomed further out still: no parcels asked for, and the page keeps answering.
    const zoomedOut = page.waitForResponse((response) => response.url().includes('/api/v1/map/features'));
    await page.getByRole('button', { name: fa.map.zoomOut, exact: true }).click();
    const outFeatures = (await (await zoomedOut).json()) as MapFeatures;
    expect(outFeatures.parcels).toBeNull();
    await page.getByTestId('zoom-in-message').waitFor();
    expect(await frameLatency(page)).toBeLessThan(RESPONSIVE_FRAME_MS);
    await mapSettled(page);
    await screenshot(page, 'zoning-map-city-fa');

    // The renewal code typed on a Persian keyboard.
    await page.getByTestId('search-renewal-code').fill(typedOnPersianKeyboard(code));
    await page.getByRole('button', { name: fa.search.submit, exact: true }).click();
    const panel = page.getByTestId('zoning-panel');
    await panel.waitFor();
    await page.waitForURL(`**/map?parcel=${code}`);

    expect(await page.getByTestId('zone-code').textContent()).toBe(zoning.zone?.code);
    const density = await page.getByTestId('density').textContent();
    expect(density).toBe(persianPercent.format((zoning.rule?.maxDensityPct ?? 0) / 100));
    expect(density).toMatch(PERSIAN_DIGIT);
    expect(density).not.toMatch(LATIN_DIGIT);
    expect(await panel.textContent()).toContain(fa.zoning.density);
    expect(fa.zoning.density).toContain('تراکم');
    expect(await page.getByTestId('resolution').textContent()).toBe(zoning.ruleSet?.resolutionNo);
    const total = await page.getByTestId('fee-total').textContent();
    expect(total).toContain(persianNumber.format(zoning.fees?.totalRials ?? 0));
    expect(total).toMatch(PERSIAN_DIGIT);
    expect(total).not.toMatch(LATIN_DIGIT);
    for (const overlay of zoning.overlays) {
      const share = fa.overlays.share
        .replace('{{share}}', persianPercent.format(Math.round(overlay.share * 100) / 100))
        .replace('{{overlay}}', fa.overlayTypes[overlay.type as keyof typeof fa.overlayTypes]);
      expect(await page.getByTestId('overlays').textContent()).toContain(share);
    }
    // The selected parcel is outlined on the map, which has zoomed in to the parcels.
    await expect.poll(() => page.locator('.leaflet-sv-selected-pane path').count()).toBeGreaterThan(0);
    await mapSettled(page);
    await screenshot(page, 'zoning-map-fa');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: en.map.title }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByText(en.zoning.density, { exact: true }).waitFor();
    expect(await page.getByTestId('density').textContent()).toBe(
      englishPercent.format((zoning.rule?.maxDensityPct ?? 0) / 100),
    );
    await screenshot(page, 'zoning-map-en');

    // The address of the panel can be shared: it opens the same parcel.
    const shared = await context.newPage();
    await shared.goto(`/map?parcel=${encodeURIComponent(code)}`);
    await shared.getByTestId('zoning-panel').waitFor();
    expect(await shared.getByTestId('zoning-renewal-code').textContent()).toBe(code);

    // A point of the map (what a click asks): the lookup finds the parcel, and its address follows.
    const { lat, lng } = zoning.parcel.centroid;
    await shared.goto(`/map?at=${lat.toFixed(6)},${lng.toFixed(6)}`);
    await shared.waitForURL(`**/map?parcel=${code}`);
    expect(await shared.getByTestId('zoning-renewal-code').textContent()).toBe(code);
    await expect.poll(() => shared.getByTestId('zoning-address').textContent()).toBe(zoning.parcel.address);
    await context.close();
  });

  it('a citizen checks a building design on their parcel', async () => {
    const { context, page } = await browser.newPage('building-check');
    await page.goto('/signin');
    await page.getByLabel(fa.signIn.nationalId).fill(citizen.nationalId);
    await page.getByLabel(fa.signIn.mobile).fill(citizen.mobile);
    await page.getByRole('button', { name: fa.signIn.sendCode }).click();
    await page.getByLabel(fa.signIn.code).waitFor();
    await page.getByLabel(fa.signIn.code).fill(await latestOtp(context, citizen.mobile));
    await page.getByRole('button', { name: fa.signIn.verify, exact: true }).click();
    await page.waitForURL('**/cartable');
    await page.getByTestId('renewal-code').first().click();
    await page.waitForURL('**/cartable/parcels/*');
    const section = page.getByTestId('what-may-i-build');
    await section.getByTestId('zoning-panel').waitFor();

    // Too many floors: the API names the field, the form marks it, the message is in Persian.
    await section.getByLabel(fa.building.floors, { exact: true }).fill('۹۹');
    await section.getByLabel(fa.building.floorArea, { exact: true }).fill('۱۰۰');
    await section.getByLabel(fa.building.units, { exact: true }).fill('۲');
    await section.getByRole('button', { name: fa.building.submit }).click();
    await section.getByTestId('api-error').waitFor();
    expect(await section.getByLabel(fa.building.floors, { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await section.getByTestId('api-error').textContent()).toMatch(/[\u0600-\u06FF]/);

    await section.getByLabel(fa.building.floors, { exact: true }).fill('۲');
    await section.getByRole('button', { name: fa.building.submit }).click();
    await section.getByTestId('building-check-result').waitFor();
    expect(await section.getByTestId('api-error').count()).toBe(0);
    const rows = section.getByTestId('building-checks').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const verdict = section.getByTestId('building-check-verdict');
    const ok = (await verdict.getAttribute('data-ok')) === 'true';
    expect(await verdict.textContent()).toContain(ok ? fa.building.ok : fa.building.notOk.split('{{')[0]);
    const total = await section.getByTestId('building-check-result').getByTestId('fee-total').textContent();
    expect(total).toMatch(PERSIAN_DIGIT);
    expect(total).not.toMatch(LATIN_DIGIT);
    await section.getByTestId('building-check-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'building-check-fa');
    await context.close();
  });
});
