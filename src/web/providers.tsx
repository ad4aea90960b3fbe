import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './hooks/use-language.js';
import { directionOf } from './i18n/languages.js';
import { themeFor } from './theme.js';

function LanguageTheme({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const { t } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(directionOf(language)), [language, setDirection]);
  const theme = useMemo(() => themeFor(language, t), [language, t]);
  return <MantineProvider theme={theme}>{children}</MantineProvider>;
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider
        initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}
        detectDirection
      >
        <LanguageTheme>{children}</LanguageTheme>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
