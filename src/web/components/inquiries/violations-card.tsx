import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/session.js';
import {
  useCloseViolation,
  useRecordViolation,
  useViolations,
  VIOLATION_KINDS,
  type Violation,
  type ViolationKind,
} from '../../api/violations.js';
import { parseJalaliInput } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { FormModal } from '../form-modal.js';
import { JalaliDateInput } from '../jalali-date-input.js';
import { LoadingState } from '../loading-state.js';

const mayRecord = (me: Me) => ['expert', 'inspector', 'district_manager'].some((r) => me.roles.includes(r));
const mayClose = (me: Me) => ['expert', 'district_manager'].some((r) => me.roles.includes(r));

function RecordModal({ parcelId, onClose }: { parcelId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordViolation(parcelId);
  const [kind, setKind] = useState<ViolationKind | null>(null);
  const [description, setDescription] = useState('');
  const [openedOn, setOpenedOn] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = fieldErrorsOf(record.error);
  const openedIso = parseJalaliInput(openedOn);
  return (
    <FormModal
      title={t('inquiries.violations.record')}
      submitLabel={t('inquiries.violations.save')}
      onClose={onClose}
      pending={record.isPending}
      error={record.error}
      canSubmit={kind !== null}
      onSubmit={() => {
        setTried(true);
        if (!kind || !openedIso) return;
        record.mutate({ kind, description: description.trim(), openedOn: openedIso }, { onSuccess: onClose });
      }}
    >
      <Select
        label={t('inquiries.violations.kind')}
        required
        data={VIOLATION_KINDS.map((value) => ({ value, label: t(`inquiries.violationKinds.${value}`) }))}
        value={kind}
        onChange={(value) => setKind(value as ViolationKind | null)}
        data-testid="violation-kind"
      />
      <Textarea
        label={t('inquiries.violations.description')}
        required
        autosize
        minRows={2}
        dir="auto"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={invalid('description')}
        data-testid="violation-description"
      />
      <JalaliDateInput
        label={t('inquiries.violations.openedOn')}
        required
        value={openedOn}
        onChange={setOpenedOn}
        invalid={(tried && !openedIso) || invalid('openedOn')}
        testId="violation-opened-on"
      />
    </FormModal>
  );
}

function CloseModal({ violation, onClose }: { violation: Violation; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useCloseViolation(violation.parcelId);
  const [closedOn, setClosedOn] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = fieldErrorsOf(close.error);
  const closedIso = parseJalaliInput(closedOn);
  return (
    <FormModal
      title={t('inquiries.violations.close')}
      submitLabel={t('inquiries.violations.close')}
      onClose={onClose}
      pending={close.isPending}
      error={close.error}
      onSubmit={() => {
        setTried(true);
        if (!closedIso) return;
        close.mutate(
          { id: violation.id, closedOn: closedIso, reason: reason.trim() },
          { onSuccess: onClose },
        );
      }}
    >
      <Text size="sm" dir="auto">
        {violation.description}
      </Text>
      <JalaliDateInput
        label={t('inquiries.violations.closedOn')}
        required
        value={closedOn}
        onChange={setClosedOn}
        invalid={(tried && !closedIso) || invalid('closedOn')}
        testId="violation-closed-on"
      />
      <Textarea
        label={t('inquiries.violations.closeReason')}
        required
        autosize
        minRows={2}
        dir="auto"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={invalid('reason')}
        data-testid="violation-close-reason"
      />
    </FormModal>
  );
}

/** A parcel's building violations and Article 100 cases, for district staff: recorded and closed here (audited). */
export function ViolationsCard({ parcelId, me }: { parcelId: string; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const violations = useViolations(parcelId);
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState<Violation | null>(null);
  return (
    <Card withBorder padding="lg" data-testid="violations">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('inquiries.violations.title')}
          </Title>
          {mayRecord(me) && (
            <Button size="xs" onClick={() => setRecording(true)} data-testid="record-violation">
              {t('inquiries.violations.record')}
            </Button>
          )}
        </Group>
        {violations.isPending && <LoadingState />}
        <ApiErrorAlert error={violations.error} />
        {violations.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inquiries.violations.none')}
          </Text>
        )}
        {violations.data && violations.data.length > 0 && (
          <Table verticalSpacing="xs" data-testid="violations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inquiries.violations.kind')}</Table.Th>
                <Table.Th>{t('inquiries.violations.description')}</Table.Th>
                <Table.Th>{t('inquiries.violations.openedOn')}</Table.Th>
                <Table.Th>{t('inquiries.violations.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {violations.data.map((violation) => (
                <Table.Tr
                  key={violation.id}
                  data-testid="violation-row"
                  data-violation-id={violation.id}
                  data-open={violation.open ? 'true' : 'false'}
                >
                  <Table.Td>{t(`inquiries.violationKinds.${violation.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {violation.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.date(violation.openedOn)}</Table.Td>
                  <Table.Td>
                    {violation.open ? (
                      <Group gap="xs" wrap="nowrap">
                        <Badge color="red" variant="light">
                          {t('inquiries.violations.open')}
                        </Badge>
                        {mayClose(me) && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => setClosing(violation)}
                            data-testid="close-violation"
                          >
                            {t('inquiries.violations.close')}
                          </Button>
                        )}
                      </Group>
                    ) : (
                      <Stack gap={0}>
                        <Badge color="gray" variant="light">
                          {t('inquiries.violations.closedAt', {
                            date: format.date(violation.closedOn ?? ''),
                          })}
                        </Badge>
                        {violation.closeReason && (
                          <Text size="xs" c="dimmed" dir="auto">
                            {violation.closeReason}
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {recording && <RecordModal parcelId={parcelId} onClose={() => setRecording(false)} />}
      {closing && <CloseModal violation={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}
