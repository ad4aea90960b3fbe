import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionInput, type AllowedAction, type CaseDetail, useCaseAction } from '../../api/cases.js';
import { ActionFormModal, actionColor, runsAtOnce } from './action-form-modal.js';
import { useCaseTexts } from './case-texts.js';

interface StaffCaseActionsProps {
  detail: CaseDetail;
  meId: string;
  onError: (error: unknown) => void;
  onDone: (message: string) => void;
}

/**
 * The actions a staff member may take on the case now, as buttons; an action that asks for something (a reason,
 * items to correct, findings, a colleague) opens its form, drawn from what the API says it needs.
 */
export function StaffCaseActions({ detail, meId, onError, onDone }: StaffCaseActionsProps) {
  const { t } = useTranslation();
  const texts = useCaseTexts();
  const act = useCaseAction(detail.id);
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const mine = detail.assigneeId === meId;
  const actions = detail.allowedActions.filter((a) => !(a.action === 'claim' && mine));

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
                variant={runsAtOnce(action) ? 'filled' : 'light'}
                color={actionColor(action)}
                loading={act.isPending && act.variables?.action === action.action}
                disabled={act.isPending}
                onClick={() => (runsAtOnce(action) ? run(action) : setOpen(action))}
                data-testid={`action-${action.action}`}
              >
                {texts.actionName(action)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {open && (
        <ActionFormModal
          action={open}
          pending={act.isPending}
          onClose={() => setOpen(null)}
          onSubmit={(input) => run(open, input)}
        />
      )}
    </Card>
  );
}
