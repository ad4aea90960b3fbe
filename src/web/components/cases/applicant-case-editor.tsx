import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AllowedAction,
  type CaseDetail,
  useCaseAction,
  useSaveCaseForm,
  useSaveThenAct,
} from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { ConfirmModal } from '../confirm-modal.js';
import { CaseAnswers } from './case-answers.js';
import { isFieldAtFault } from './case-error-alert.js';
import { useCaseTexts } from './case-texts.js';
import { DocumentsCard } from './document-checklist.js';
import { FormFieldInput } from './form-field-input.js';
import { type FormValues, formDataOf, initialValues, missingItems } from './form-values.js';

/** Actions that send the file to the district (submit, resubmit, …): the form is saved first when it changed. */
const sendsToDistrict = (action: AllowedAction) => action.to.kind === 'staff';
/** Actions that close the case without a decision (withdrawal): confirmed as dangerous. */
const withdraws = (action: AllowedAction) => action.to.outcome === 'withdrawn';

interface ApplicantCaseEditorProps {
  detail: CaseDetail;
  /** The last error of an action on this case (shown by the page), to mark the fields it names. */
  problem: unknown;
  onError: (error: unknown) => void;
  /** Tells the page what was done (the case is reloaded after, which remounts this editor). */
  onDone: (message: string, action?: string) => void;
}

/**
 * The applicant's side of a case (a citizen, or an office for one): the form, the documents checklist and the
 * actions. A draft is editable throughout; a case returned for correction only in the items staff named, which are
 * highlighted; otherwise everything is read-only. Mount it with `key={detail.version}` so a newer case resets it.
 */
export function ApplicantCaseEditor({ detail, problem, onError, onDone }: ApplicantCaseEditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = useCaseTexts();
  const { formFields, documents } = detail.definition;
  const editable = (code: string) => detail.editable === 'all' || detail.editable.includes(code);
  const returned = useMemo(() => new Set(detail.returnedItems), [detail.returnedItems]);
  const initial = useMemo(
    () => initialValues(formFields, detail.formData, format.language),
    [formFields, detail.formData, format.language],
  );
  const [values, setValues] = useState<FormValues>(initial);
  const [confirming, setConfirming] = useState<AllowedAction | null>(null);
  const save = useSaveCaseForm(detail.id);
  const sendAct = useSaveThenAct(detail.id);
  const act = useCaseAction(detail.id);

  const current = formDataOf(formFields, values, editable);
  const dirty =
    JSON.stringify(current.data) !== JSON.stringify(formDataOf(formFields, initial, editable).data);
  const hasLocalProblems = Object.keys(current.problems).length > 0;
  const anyFieldEditable = formFields.some((field) => editable(field.name));
  const anyDocumentEditable = documents.some((doc) => editable(doc.code));
  const missing = missingItems(formFields, values, documents, detail.documents);
  const sending = detail.allowedActions.filter(sendsToDistrict);
  const others = detail.allowedActions.filter((a) => !sendsToDistrict(a));
  const busy = save.isPending || sendAct.isPending || act.isPending;

  function setValue(name: string, value: string) {
    setValues((all) => ({ ...all, [name]: value }));
  }

  function saveForm(event: FormEvent) {
    event.preventDefault();
    if (hasLocalProblems) return;
    onError(null);
    save.mutate(
      { version: detail.version, formData: current.data },
      { onSuccess: () => onDone(t('case.saved')), onError },
    );
  }

  function send(action: { action: string; name: string }) {
    if (hasLocalProblems) return;
    onError(null);
    sendAct.mutate(
      { version: detail.version, formData: dirty ? current.data : null, action: action.action },
      { onSuccess: () => onDone(t('case.done', { action: action.name }), action.action), onError },
    );
  }

  function confirm() {
    if (!confirming) return;
    const action = confirming;
    onError(null);
    act.mutate(
      { action: action.action, version: detail.version },
      {
        onSuccess: () => {
          setConfirming(null);
          onDone(t('case.done', { action: action.name }), action.action);
        },
        onError: (error) => {
          setConfirming(null);
          onError(error);
        },
      },
    );
  }

  return (
    <Stack gap="md">
      <Card withBorder padding="lg" component="form" onSubmit={saveForm} noValidate data-testid="case-form">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('case.formTitle')}
          </Title>
          {!anyFieldEditable && <CaseAnswers fields={formFields} data={detail.formData} />}
          {anyFieldEditable && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
              {formFields.map((field) => (
                <FormFieldInput
                  key={field.name}
                  field={field}
                  value={values[field.name] ?? ''}
                  onChange={(value) => setValue(field.name, value)}
                  readOnly={!editable(field.name)}
                  toCorrect={returned.has(field.name)}
                  problem={current.problems[field.name] ?? null}
                  invalid={isFieldAtFault(problem, field.name)}
                />
              ))}
            </SimpleGrid>
          )}
          {anyFieldEditable && (
            <Group justify="flex-end" gap="sm">
              <Button
                type="submit"
                variant="default"
                loading={save.isPending}
                disabled={!dirty || hasLocalProblems || busy}
                data-testid="save-form"
              >
                {t(detail.editable === 'all' ? 'case.saveDraft' : 'case.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      <DocumentsCard detail={detail} editable={editable} returned={returned} />

      {sending.length === 0 && others.length > 0 && (
        <Group justify="flex-end" data-testid="applicant-actions">
          {others.map((action) => (
            <Button
              key={action.action}
              variant="subtle"
              color={withdraws(action) ? 'red' : undefined}
              onClick={() => setConfirming(action)}
              disabled={busy}
              data-testid={`action-${action.action}`}
            >
              {action.name}
            </Button>
          ))}
        </Group>
      )}
      {sending.length > 0 && (
        <Card withBorder padding="lg" data-testid="applicant-actions">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {sending[0].name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('case.submitHint')}
            </Text>
            {(anyFieldEditable || anyDocumentEditable) && (
              <Alert
                color={missing.length > 0 ? 'yellow' : 'teal'}
                variant="light"
                data-testid="completeness"
              >
                {missing.length > 0
                  ? t('case.missing', {
                      items: texts.list(missing.map((code) => texts.itemName(detail.definition, code))),
                    })
                  : t('case.complete')}
              </Alert>
            )}
            <Group justify="space-between">
              <Group gap="sm">
                {sending.map((action) => (
                  <Button
                    key={action.action}
                    onClick={() => send(action)}
                    loading={sendAct.isPending}
                    disabled={busy || hasLocalProblems}
                    data-testid={`action-${action.action}`}
                  >
                    {action.name}
                  </Button>
                ))}
              </Group>
              <Group gap="sm">
                {others.map((action) => (
                  <Button
                    key={action.action}
                    variant="subtle"
                    color={withdraws(action) ? 'red' : undefined}
                    onClick={() => setConfirming(action)}
                    disabled={busy}
                    data-testid={`action-${action.action}`}
                  >
                    {action.name}
                  </Button>
                ))}
              </Group>
            </Group>
          </Stack>
        </Card>
      )}

      {confirming && (
        <ConfirmModal
          title={confirming.name}
          message={
            withdraws(confirming)
              ? t('caseActions.withdrawText')
              : t('caseActions.confirmText', { action: confirming.name })
          }
          confirmLabel={confirming.name}
          onConfirm={confirm}
          onClose={() => setConfirming(null)}
          pending={act.isPending}
          error={null}
          danger={withdraws(confirming)}
        />
      )}
    </Stack>
  );
}
