import { ActionIcon, Badge, Card, Group, JsonInput, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DefinitionProblem } from '../../../api/admin-services.js';
import { useLanguage } from '../../../hooks/use-language.js';
import type { ListSection } from './definition-draft.js';
import { itemSummary } from './item-summary.js';
import { ProblemList } from './problem-list.js';

interface ItemEditorProps {
  section: ListSection;
  index: number;
  text: string;
  notJson: boolean;
  problems: (DefinitionProblem & { subPath: string })[];
  onChange: (text: string) => void;
  onRemove: () => void;
}

/** One field, document, state or transition of a definition: its JSON, and the problems found in it. */
export function ItemEditor({ section, index, text, notJson, problems, onChange, onRemove }: ItemEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = itemSummary(section, text, language);
  const faulty = notJson || problems.length > 0;
  return (
    <Card
      withBorder
      padding="sm"
      style={faulty ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
      data-testid={`item-${section}-${index}`}
      data-faulty={faulty}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color="gray" dir="ltr" tt="none">
              {summary?.code || `#${index + 1}`}
            </Badge>
            {summary?.label && <Text fw={600}>{summary.label}</Text>}
            {summary?.detail && (
              <Text size="sm" c="dimmed" dir="ltr">
                {summary.detail}
              </Text>
            )}
          </Group>
          <Tooltip label={t('serviceAdmin.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('serviceAdmin.remove')}
              data-testid="remove-item"
            >
              ×
            </ActionIcon>
          </Tooltip>
        </Group>
        <JsonInput
          value={text}
          onChange={onChange}
          autosize
          minRows={3}
          maxRows={24}
          dir="ltr"
          formatOnBlur
          error={notJson ? t('serviceAdmin.notJson') : undefined}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          aria-label={`${t(`serviceAdmin.sections.${section}`)} ${index + 1}`}
        />
        <ProblemList problems={problems} />
      </Stack>
    </Card>
  );
}
