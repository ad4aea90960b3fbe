import { Button, Card, Checkbox, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionInput, type CaseDetail, useCaseAction } from '../../api/cases.js';
import { useCaseTexts } from './case-texts.js';

type AllowedAction = CaseDetail['allowedActions'][number];

/** What an action asks of the staff member; the service definition does not send it, so it is known here. */
interface ActionNeeds {
  reason: 'required' | 'optional' | 'none';
  returnedFields?: boolean;
  findings?: boolean;
  /** A confirmation text (catalogue key) instead of the generic one. */
  confirmText?: 'caseActions.approveText';
  color?: string;
}

const NEEDS: Record<string, ActionNeeds> = {
  request_correction: { reason: 'required', returnedFields: true, color: 'orange' },
  refuse: { reason: 'required', color: 'red' },
  record_visit_findings: { reason: 'none', findings: true },
  approve: { reason: 'none', confirmText: 'caseActions.approveText', color: 'teal' },
  order_site_visit: { reason: 'optional' },
};
const DEFAULT_NEEDS: ActionNeeds = { reason: 'optional' };
/** Engine actions this page does not offer: `assign` needs a list of colleagues, `escalate` is the system's. */
const HIDDEN = new Set(['assign', 'escalate']);

interface StaffCaseActionsProps {
  detail: CaseDetail;
  meId: string;
  onError: (error: unknown) => void;
  onDone: (message: string) => void;
}

/** The actions a staff member may take on the case now, as buttons; those needing input open a form first. */
export function StaffCaseActions({ detail, meId, onError, onDone }: StaffCaseActionsProps) {
  const { t } = useTranslation();
  const texts = useCaseTexts();
  const act = useCaseAction(detail.id);
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const mine = detail.assigneeId === meId;
  const actions = detail.allowedActions.filter(
    (a) => !HIDDEN.has(a.action) && !(a.action === 'claim' && mine),
  );

  function run(action: AllowedAction, input: Omit<ActionInput, 'action' | 'version'> = {}) {
    onError(null);
    act.mutate(
      { action: action.action, version: detail.version, ...input },
      {
        onSuccess: () => {
          setOpen(null);
          onDone(t('case.done', { action: texts.actionName(action) }));
        },
        onError: (error) => {
          setOpen(null);
          onError(error);
        },
      },
    );
  }

  const assignment = mine
    ? t('case.assignedToYou')
    : detail.assigneeId
      ? t('case.assignedToColleague')
      : t('case.unassigned');

  return (
    <Card withBorder padding="lg" data-testid="staff-actions">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('case.staffActions')}
          </Title>
          {detail.outcome === null && detail.submittedAt && (
            <Text size="sm" c="dimmed" data-testid="assignment">
              {assignment}
            </Text>
          )}
        </Group>
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('case.noStaffActions')}
          </Text>
        ) : (
          <Group gap="sm">
            {actions.map((action) => (
              <Button
                key={action.action}
                variant={action.action === 'claim' ? 'filled' : 'light'}
                color={NEEDS[action.action]?.color}
                loading={act.isPending && act.variables?.action === action.action}
                disabled={act.isPending}
                onClick={() => (action.action === 'claim' ? run(action) : setOpen(action))}
                data-testid={`action-${action.action}`}
              >
                {texts.actionName(action)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {open && (
        <ActionModal
          detail={detail}
          action={open}
          needs={NEEDS[open.action] ?? DEFAULT_NEEDS}
          pending={act.isPending}
          onClose={() => setOpen(null)}
          onSubmit={(input) => run(open, input)}
        />
      )}
    </Card>
  );
}

interface ActionModalProps {
  detail: CaseDetail;
  action: AllowedAction;
  needs: ActionNeeds;
  pending: boolean;
  onClose: () => void;
  onSubmit: (input: Omit<ActionInput, 'action' | 'version'>) => void;
}

function ActionModal({ detail, action, needs, pending, onClose, onSubmit }: ActionModalProps) {
  const { t } = useTranslation();
  const texts = useCaseTexts();
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [findings, setFindings] = useState('');
  const { formFields, documents } = detail.definition;
  const name = texts.actionName(action);
  const canSubmit =
    (needs.reason !== 'required' || reason.trim() !== '') &&
    (!needs.returnedFields || items.length > 0) &&
    (!needs.findings || findings.trim() !== '');
  const asksSomething = needs.reason !== 'none' || needs.returnedFields || needs.findings;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    onSubmit({
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(needs.returnedFields ? { returnedFields: items } : {}),
      ...(needs.findings ? { visitFindings: { findings: findings.trim() } } : {}),
    });
  }

  return (
    <Modal opened onClose={onClose} title={name} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="action-form">
        <Stack>
          {(needs.confirmText || !asksSomething) && (
            <Text>
              {needs.confirmText ? t(needs.confirmText) : t('caseActions.confirmText', { action: name })}
            </Text>
          )}
          {needs.returnedFields && (
            <Checkbox.Group
              label={t('caseActions.correctionItems')}
              description={t('caseActions.correctionItemsHint')}
              value={items}
              onChange={setItems}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                <Text size="sm" fw={600}>
                  {t('caseActions.formFields')}
                </Text>
                {formFields.map((field) => (
                  <Checkbox key={field.name} value={field.name} label={texts.label(field.labels)} />
                ))}
                <Text size="sm" fw={600} mt="xs">
                  {t('caseActions.documents')}
                </Text>
                {documents.map((doc) => (
                  <Checkbox key={doc.code} value={doc.code} label={texts.label(doc.labels)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {needs.findings && (
            <Textarea
              label={t('caseActions.findings')}
              description={t('caseActions.findingsHint')}
              value={findings}
              onChange={(event) => setFindings(event.currentTarget.value)}
              autosize
              minRows={4}
              withAsterisk
              data-autofocus
            />
          )}
          {needs.reason !== 'none' && (
            <Textarea
              label={t(needs.reason === 'required' ? 'caseActions.reason' : 'caseActions.note')}
              description={t('caseActions.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={2000}
              withAsterisk={needs.reason === 'required'}
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
              color={needs.color}
              data-testid="action-submit"
            >
              {asksSomething ? name : t('caseActions.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
