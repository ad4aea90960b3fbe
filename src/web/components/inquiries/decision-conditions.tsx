import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquiryCondition } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';

/**
 * The auto-issuance rule's conditions, met or not, each with its numbers (the server writes the text in the UI
 * language, its digits are shown in the UI's): why a request was issued at once or sent to the district.
 */
export function DecisionConditions({ conditions }: { conditions: InquiryCondition[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List spacing="xs" data-testid="decision-conditions" listStyleType="none">
      {conditions.map((condition) => (
        <List.Item
          key={condition.code}
          data-testid="decision-condition"
          data-code={condition.code}
          data-met={condition.met ? 'true' : 'false'}
          icon={
            <ThemeIcon size="sm" radius="xl" color={condition.met ? 'teal' : 'red'} variant="light">
              <span aria-hidden="true">{condition.met ? '✓' : '✗'}</span>
            </ThemeIcon>
          }
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" dir="auto">
              <Text span fw={600} size="sm">
                {condition.met ? t('inquiries.conditions.met') : t('inquiries.conditions.notMet')}
              </Text>
              {' — '}
              {/* The API writes its numbers in ASCII digits for every language; Persian readers get Persian digits. */}
              {format.digits(condition.text)}
            </Text>
            {!condition.required && (
              <Badge size="xs" variant="outline" color="gray">
                {t('inquiries.conditions.notRequired')}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
