import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language.js';
import { isLanguage, LANGUAGES } from '../i18n/languages.js';

/** One click switches the language; the choice is remembered and the server's messages follow it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();

  async function switchTo(value: string) {
    if (!isLanguage(value) || value === language) return;
    await i18n.changeLanguage(value);
    await queryClient.invalidateQueries();
  }

  return (
    <SegmentedControl
      size="xs"
      value={language}
      onChange={(value) => void switchTo(value)}
      aria-label={t('language.switch')}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: <span lang={code}>{t(`language.${code}`)}</span>,
      }))}
    />
  );
}
