import { describe, expect, it } from 'vitest';
import { renderZoningMessage, ZONING_MESSAGE_KEYS, zoningMessage } from './messages.js';
import { selectRule } from './select-rule.js';
import { bandarLengehRuleSet } from './test-support.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('zoning messages', () => {
  it('every message has the same placeholders in Persian, English and Vietnamese', () => {
    for (const key of ZONING_MESSAGE_KEYS) {
      const message = zoningMessage(key, {});
      const en = placeholders(renderZoningMessage(message, 'en'));
      expect(placeholders(renderZoningMessage(message, 'fa')), key).toEqual(en);
      expect(placeholders(renderZoningMessage(message, 'vi')), key).toEqual(en);
    }
  });

  it('renders a selection outcome for a Persian-speaking citizen', () => {
    const selection = selectRule(bandarLengehRuleSet(), {
      zoneCode: '1-222',
      lotAreaM2: 250,
      streetWidthM: 9,
    });
    expect(renderZoningMessage(selection.conditions[1], 'fa')).toBe(
      'عرض معبر 9 متر از 10 متر لازم برای این مساحت کمتر است: ضوابط ردیف 100–200 m² اعمال می‌شود.',
    );
  });
});
