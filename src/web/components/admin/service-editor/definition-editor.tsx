import { Alert, Button, Card, Group, JsonInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DefinitionProblem } from '../../../api/admin-services.js';
import {
  type DefinitionDraft,
  itemOf,
  LIST_SECTIONS,
  type ListSection,
  type ParseError,
  problemsAt,
} from './definition-draft.js';
import { ItemEditor } from './item-editor.js';
import { ProblemList } from './problem-list.js';

interface DefinitionEditorProps {
  draft: DefinitionDraft;
  onChange: (draft: DefinitionDraft) => void;
  /** The problems of the last check or publish, placed by their paths. */
  problems: DefinitionProblem[];
  parseErrors: ParseError[];
  /** What "add" puts in each list section. */
  newItem: Record<ListSection, unknown>;
}

/**
 * A service definition as sections (code and names, form fields, documents, workflow states, transitions), each
 * item its own JSON with its problems beside it, in the UI language.
 */
export function DefinitionEditor({ draft, onChange, problems, parseErrors, newItem }: DefinitionEditorProps) {
  const { t } = useTranslation();
  const notJson = (section: string, index: number | null) =>
    parseErrors.some((e) => e.section === section && e.index === index);
  const topProblems = problemsAt(problems, 'definition', null);

  function setItem(section: ListSection, index: number, text: string) {
    onChange({
      ...draft,
      [section]: draft[section].map((item, i) => (i === index ? { ...item, text } : item)),
    });
  }

  return (
    <Stack gap="lg">
      {topProblems.length > 0 && (
        <Alert color="red" variant="light">
          <ProblemList problems={topProblems} />
        </Alert>
      )}
      <Card withBorder padding="md" data-testid="section-general">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('serviceAdmin.sections.general')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('serviceAdmin.hints.general')}
          </Text>
          <JsonInput
            value={draft.general}
            onChange={(general) => onChange({ ...draft, general })}
            autosize
            minRows={4}
            dir="ltr"
            formatOnBlur
            error={notJson('general', null) ? t('serviceAdmin.notJson') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            aria-label={t('serviceAdmin.sections.general')}
          />
          <ProblemList problems={problemsAt(problems, 'general', null)} />
        </Stack>
      </Card>
      {LIST_SECTIONS.map((section) => (
        <Stack gap="xs" key={section} data-testid={`section-${section}`}>
          <Group justify="space-between">
            <div>
              <Title order={3} size="h4">
                {t(`serviceAdmin.sections.${section}`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`serviceAdmin.hints.${section}`)}
              </Text>
            </div>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => onChange({ ...draft, [section]: [...draft[section], itemOf(newItem[section])] })}
              data-testid={`add-${section}`}
            >
              {t('serviceAdmin.add')}
            </Button>
          </Group>
          <ProblemList problems={problemsAt(problems, section, null)} />
          {draft[section].map((item, index) => (
            <ItemEditor
              key={item.key}
              section={section}
              index={index}
              text={item.text}
              notJson={notJson(section, index)}
              problems={problemsAt(problems, section, index)}
              onChange={(text) => setItem(section, index, text)}
              onRemove={() => onChange({ ...draft, [section]: draft[section].filter((_, i) => i !== index) })}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
