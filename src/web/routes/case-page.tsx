import { Alert, Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CaseDetail, useCase, useReloadCase } from '../api/cases.js';
import { ApiError } from '../api/client.js';
import { type Me, useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { ApplicantCaseEditor } from '../components/cases/applicant-case-editor.js';
import { CaseAnswers } from '../components/cases/case-answers.js';
import { CaseErrorAlert } from '../components/cases/case-error-alert.js';
import { CaseDeadline, CaseStateBadge } from '../components/cases/case-status.js';
import { useCaseTexts } from '../components/cases/case-texts.js';
import { CaseTimeline } from '../components/cases/case-timeline.js';
import { DocumentsCard } from '../components/cases/document-checklist.js';
import { StaffCaseActions } from '../components/cases/staff-case-actions.js';
import { TrackingCodeCard } from '../components/cases/tracking-code-card.js';
import { type Fact, FactList } from '../components/fact-list.js';
import { InquiryCasePanel } from '../components/inquiries/inquiry-case-panel.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { isolateAuto } from '../format.js';
import { useFormat } from '../hooks/use-format.js';

/** Answers after which the case on screen is stale: it is reloaded, and the page says why. */
const RELOAD_ON = new Set(['conflict', 'illegal_transition', 'case_not_editable']);
const NEVER = () => false;
/** The service of the cases that banks' and notaries' inquiries file (docs/inquiries.md). */
const INQUIRY_SERVICE_CODE = 'institution_inquiry';

function backLinkOf(me: Me): {
  to: string;
  label: 'case.backToList' | 'case.backToQueue' | 'case.backToOffice';
} {
  if (me.kind === 'staff') return { to: '/staff', label: 'case.backToQueue' };
  if (me.kind === 'office') return { to: '/office', label: 'case.backToOffice' };
  return { to: '/cases', label: 'case.backToList' };
}

function CaseFacts({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Fact[] = [
    {
      label: t('case.trackingCode'),
      value: detail.trackingCode ? (
        <LtrText>{format.digits(detail.trackingCode)}</LtrText>
      ) : (
        t('cases.notSubmitted')
      ),
    },
  ];
  if (detail.fileNumber)
    facts.push({ label: t('case.fileNumber'), value: <LtrText>{format.digits(detail.fileNumber)}</LtrText> });
  if (detail.submittedAt)
    facts.push({ label: t('case.submittedAt'), value: format.dateTime(detail.submittedAt) });
  if (detail.outcome === null && detail.deadlineAt)
    facts.push({ label: t('case.deadline'), value: <CaseDeadline summary={detail} /> });
  // A case an institution's inquiry filed has no citizen applicant: the inquiry panel names who asked.
  if (me.kind !== 'citizen' && detail.applicant.nationalId)
    facts.push({
      label: t('case.applicant'),
      value: <LtrText>{format.digits(detail.applicant.nationalId)}</LtrText>,
    });
  if (me.kind === 'staff' && detail.filedByOffice)
    facts.push({
      label: t('case.filedByOffice'),
      value: detail.consent ? t(`case.consent.${detail.consent}`) : t('common.none'),
    });
  if (me.kind === 'staff')
    facts.push({
      label: t('case.parcel'),
      value: (
        <Anchor
          component={Link}
          to={`/staff/parcels/${detail.parcelId}`}
          size="sm"
          data-testid="staff-parcel-link"
        >
          {t('inquiries.casePanel.parcelRecord')}
        </Anchor>
      ),
    });
  if (me.kind === 'citizen')
    facts.push({
      label: t('case.parcel'),
      value: (
        <Anchor component={Link} to={`/cartable/parcels/${detail.parcelId}`} size="sm">
          {t('case.showParcel')}
        </Anchor>
      ),
    });
  return <FactList facts={facts} labelWidth={150} />;
}

/** What staff asked to correct, and why: the latest return for correction. */
function ReturnedAlert({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const texts = useCaseTexts();
  const event = detail.timeline.findLast((e) => e.returnedFields.length > 0);
  const resubmit = detail.allowedActions.find((a) => a.to.kind === 'staff');
  return (
    <Alert color="orange" variant="light" title={t('case.returnedTitle')} data-testid="returned">
      <Stack gap={6}>
        {event?.reason && (
          <Text fw={600} data-testid="returned-reason">
            {t('case.reason', { reason: isolateAuto(event.reason) })}
          </Text>
        )}
        <Text size="sm" data-testid="returned-items">
          {t('case.returnedItems', {
            items: texts.list(detail.returnedItems.map((code) => texts.itemName(detail.definition, code))),
          })}
        </Text>
        {resubmit && <Text size="sm">{t('case.returnedHint', { action: resubmit.name })}</Text>}
      </Stack>
    </Alert>
  );
}

function VisitFindings({ findings }: { findings: unknown }) {
  const { t } = useTranslation();
  const text =
    findings && typeof findings === 'object' && 'findings' in findings
      ? String((findings as { findings: unknown }).findings)
      : JSON.stringify(findings);
  return (
    <Card withBorder padding="lg" data-testid="visit-findings">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('case.visitFindings')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {text}
        </Text>
      </Stack>
    </Card>
  );
}

function CaseView({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t } = useTranslation();
  const reload = useReloadCase(detail.id);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const applicantSide = me.kind !== 'staff';
  const stateKind = detail.definition.states.find((s) => s.code === detail.state.code)?.kind;
  const actionNames = new Map(detail.allowedActions.map((a) => [a.action, a.name]));

  useEffect(() => {
    if (submitted) window.scrollTo({ top: 0 });
  }, [submitted]);

  useEffect(() => {
    if (problem || notice) noticeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [problem, notice]);

  function onError(error: unknown) {
    setProblem(error);
    if (error) setNotice(null);
    if (error instanceof ApiError && RELOAD_ON.has(error.code)) void reload();
  }

  function onDone(message: string) {
    setProblem(null);
    setNotice(message);
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} data-testid="page-title">
            {detail.service.name}
          </Title>
        </div>
        <CaseStateBadge summary={detail} size="xl" />
      </Group>

      {submitted && detail.trackingCode && (
        <TrackingCodeCard trackingCode={detail.trackingCode} fileNumber={detail.fileNumber} />
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder padding="lg">
              <CaseFacts detail={detail} me={me} />
            </Card>
            {(problem !== null || notice !== null) && (
              <div ref={noticeRef}>
                <CaseErrorAlert error={problem} def={detail.definition} actionNames={actionNames} />
                {notice && !problem && (
                  <Alert
                    color="teal"
                    variant="light"
                    data-testid="notice"
                    withCloseButton
                    onClose={() => setNotice(null)}
                  >
                    {notice}
                  </Alert>
                )}
              </div>
            )}
            {applicantSide && stateKind === 'applicant' && detail.returnedItems.length > 0 && (
              <ReturnedAlert detail={detail} />
            )}
            {stateKind === 'terminal' && (
              <Alert
                color={detail.outcome === 'approved' ? 'teal' : detail.outcome === 'refused' ? 'red' : 'gray'}
                variant="light"
                data-testid="closed"
              >
                {t('case.closedTitle', { state: detail.state.name })}
              </Alert>
            )}
            {applicantSide ? (
              <ApplicantCaseEditor
                key={detail.version}
                detail={detail}
                problem={problem}
                onError={onError}
                onDone={(message, action) => {
                  // A submitted request says so with its tracking code, at the top of the page.
                  if (action === 'submit') {
                    setProblem(null);
                    setNotice(null);
                    setSubmitted(true);
                  } else onDone(message);
                }}
              />
            ) : (
              <>
                <StaffCaseActions detail={detail} meId={me.id} onError={onError} onDone={onDone} />
                {detail.service.code === INQUIRY_SERVICE_CODE && (
                  <InquiryCasePanel caseId={detail.id} caseVersion={detail.version} />
                )}
                {detail.visitFindings !== null && detail.visitFindings !== undefined && (
                  <VisitFindings findings={detail.visitFindings} />
                )}
                <Card withBorder padding="lg">
                  <Stack gap="sm">
                    <Title order={2} size="h4">
                      {t('case.formTitle')}
                    </Title>
                    <CaseAnswers fields={detail.definition.formFields} data={detail.formData} />
                  </Stack>
                </Card>
                <DocumentsCard detail={detail} editable={NEVER} returned={new Set(detail.returnedItems)} />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('case.timelineTitle')}
              </Title>
              <CaseTimeline events={detail.timeline} def={detail.definition} />
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const query = useCase(id);
  if (!me) return null;
  const back = backLinkOf(me);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back.to} size="sm">
        {t(back.label)}
      </Anchor>
      {query.isPending && <LoadingState />}
      <ApiErrorAlert error={query.error} />
      {query.data && <CaseView detail={query.data} me={me} />}
    </Stack>
  );
}
