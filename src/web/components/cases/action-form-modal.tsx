import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionInput, ActionInputSpec, AllowedAction } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { useCaseTexts } from './case-texts.js';

type Spec<Name extends ActionInputSpec['name']> = Extract<ActionInputSpec, { name: Name }>;

/** The colour of an action, from where it leads: approval, refusal, back to the applicant, or elsewhere. */
export function actionColor(action: AllowedAction): string | undefined {
  if (action.to.outcome === 'approved') return 'teal';
  if (action.to.outcome === 'refused') return 'red';
  if (action.to.kind === 'applicant') return 'orange';
  return undefined;
}

/** An action that asks nothing of the actor and keeps the state (claim) runs at once, without a form. */
export function runsAtOnce(action: AllowedAction): boolean {
  return action.kind === 'engine' && action.inputs.length === 0;
}

function specOf<Name extends ActionInputSpec['name']>(action: AllowedAction, name: Name) {
  return action.inputs.find((input): input is Spec<Name> => input.name === name);
}

interface ActionFormModalProps {
  action: AllowedAction;
  pending: boolean;
  onClose: () => void;
  onSubmit: (input: Omit<ActionInput, 'action' | 'version'>) => void;
}

/**
 * The form of one action, drawn from the inputs the API says it takes (from the service definition): the items to
 * return for correction, the site-visit findings, a colleague to assign, a reason (required or optional).
 */
export function ActionFormModal({ action, pending, onClose, onSubmit }: ActionFormModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = useCaseTexts();
  const reasonSpec = specOf(action, 'reason');
  const returnedSpec = specOf(action, 'returnedFields');
  const findingsSpec = specOf(action, 'visitFindings');
  const assigneeSpec = specOf(action, 'assignee');
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [findings, setFindings] = useState<Record<string, string>>({});
  const [assignee, setAssignee] = useState<string | null>(null);
  const canSubmit =
    (!reasonSpec?.required || reason.trim() !== '') &&
    (!returnedSpec || items.length > 0) &&
    (!findingsSpec ||
      findingsSpec.fields.every((field) => !field.required || (findings[field.name] ?? '').trim() !== '')) &&
    (!assigneeSpec || assignee !== null);
  const asksRequired = action.inputs.some((input) => input.required);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    const trimmed = Object.fromEntries(Object.entries(findings).map(([name, text]) => [name, text.trim()]));
    onSubmit({
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(returnedSpec ? { returnedFields: items } : {}),
      ...(findingsSpec ? { visitFindings: trimmed } : {}),
      ...(assigneeSpec && assignee ? { assignee } : {}),
    });
  }

  const choices = (kind: 'field' | 'document') =>
    returnedSpec?.choices.filter((choice) => choice.kind === kind) ?? [];

  return (
    <Modal opened onClose={onClose} title={action.name} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="action-form">
        <Stack>
          {!asksRequired && (
            <Text>
              {action.to.outcome === 'approved'
                ? t('caseActions.approveText')
                : t('caseActions.confirmText', { action: action.name })}
            </Text>
          )}
          {returnedSpec && (
            <Checkbox.Group
              label={t('caseActions.correctionItems')}
              description={t('caseActions.correctionItemsHint')}
              value={items}
              onChange={setItems}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                {(['field', 'document'] as const).map((kind) =>
                  choices(kind).length === 0 ? null : (
                    <Stack gap="xs" key={kind}>
                      <Text size="sm" fw={600} mt="xs">
                        {t(kind === 'field' ? 'caseActions.formFields' : 'caseActions.documents')}
                      </Text>
                      {choices(kind).map((choice) => (
                        <Checkbox key={choice.value} value={choice.value} label={choice.label} />
                      ))}
                    </Stack>
                  ),
                )}
              </Stack>
            </Checkbox.Group>
          )}
          {findingsSpec?.fields.map((field) => (
            <Textarea
              key={field.name}
              label={t('caseActions.findings')}
              description={t('caseActions.findingsHint')}
              value={findings[field.name] ?? ''}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setFindings((all) => ({ ...all, [field.name]: text }));
              }}
              autosize
              minRows={4}
              withAsterisk={field.required}
              data-autofocus
            />
          ))}
          {assigneeSpec && (
            <Select
              label={t('caseActions.assignee')}
              placeholder={t('case.choose')}
              data={assigneeSpec.choices.map((choice) => ({
                value: choice.value,
                label: `${choice.label} (${texts.list(choice.roles.map((role) => format.code('roles', role)))})`,
              }))}
              value={assignee}
              onChange={setAssignee}
              nothingFoundMessage={t('caseActions.noAssignee')}
              searchable
              withAsterisk
            />
          )}
          {reasonSpec && (
            <Textarea
              label={t(reasonSpec.required ? 'caseActions.reason' : 'caseActions.note')}
              description={t('caseActions.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={reasonSpec.maxLength}
              withAsterisk={reasonSpec.required}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={pending}
              disabled={!canSubmit}
              color={actionColor(action)}
              data-testid="action-submit"
            >
              {asksRequired ? action.name : t('caseActions.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
