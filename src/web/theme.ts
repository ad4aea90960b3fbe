import {
  createTheme,
  type MantineThemeOverride,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Language } from './i18n/languages.js';

const PERSIAN_FONTS = 'Vazirmatn, Tahoma, sans-serif';
const LATIN_FONTS = '"Noto Sans", Vazirmatn, system-ui, sans-serif';

/**
 * The theme for a language: Vazirmatn for Persian; Noto Sans (with its Vietnamese subset) for English and
 * Vietnamese, falling back to Vazirmatn for the Persian names and addresses they show. It also gives Mantine's
 * icon-only buttons labels in that language.
 */
export function themeFor(language: Language, t: TFunction): MantineThemeOverride {
  const fontFamily = language === 'fa' ? PERSIAN_FONTS : LATIN_FONTS;
  const clearButtonProps = { 'aria-label': t('common.clear') };
  return createTheme({
    fontFamily,
    headings: { fontFamily },
    primaryColor: 'teal',
    defaultRadius: 'md',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
      Select: Select.extend({ defaultProps: { clearButtonProps } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps } }),
    },
  });
}
