import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type AdminServiceDetail,
  checkDefinition,
  type DefinitionProblem,
  fetchServiceVersion,
  useAdminService,
  usePublishService,
} from '../../api/admin-services.js';
import { ApiError } from '../../api/client.js';
import {
  composeDraft,
  type DefinitionDraft,
  draftOf,
  type ParseError,
  templates,
} from '../../components/admin/service-editor/definition-draft.js';
import { DefinitionEditor } from '../../components/admin/service-editor/definition-editor.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';
import { LtrText } from '../../components/ltr-text.js';
import { useFormat } from '../../hooks/use-format.js';
import { useLanguage } from '../../hooks/use-language.js';
import { LANGUAGES } from '../../i18n/languages.js';

const SERVICE_CODE = /^[a-z0-9_]{2,40}$/;
type Notice = { kind: 'checked' } | { kind: 'published'; version: number } | null;

/** Labels for new items and a new service, in the three languages, from the UI catalogues. */
function useTemplates() {
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      templates((key) => {
        const entries = LANGUAGES.map((language) => [
          language,
          i18n.getFixedT(language)(`serviceAdmin.template.${key}` as 'serviceAdmin.template.blank'),
        ]);
        return Object.fromEntries(entries) as Record<(typeof LANGUAGES)[number], string>;
      }),
    [i18n],
  );
}

function VersionsCard({ detail, onLoad }: { detail: AdminServiceDetail; onLoad: (version: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" data-testid="versions">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('serviceAdmin.versions')}
        </Title>
        {detail.versions.map((version) => (
          <Group key={version.version} justify="space-between" wrap="nowrap" data-testid="version-row">
            <div>
              <Group gap={6}>
                <Text fw={600}>
                  {t('serviceAdmin.versionN', { version: format.number(version.version) })}
                </Text>
                {version.version === detail.version && (
                  <Badge size="xs" variant="light" color="teal">
                    {t('serviceAdmin.current')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {format.dateTime(version.createdAt)}
                {version.createdBy ? ` — ${t('serviceAdmin.savedBy', { name: version.createdBy })}` : ''}
              </Text>
            </div>
            <Button size="compact-xs" variant="subtle" onClick={() => onLoad(version.version)}>
              {t('serviceAdmin.loadVersion')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * Creating or editing a service definition: every part as JSON beside the problems the server finds in it (in the
 * UI language), a check that saves nothing, and publishing as the next version.
 */
export function ServiceEditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const navigate = useNavigate();
  const { code: param = 'new' } = useParams();
  const isNew = param === 'new';
  const detail = useAdminService(isNew ? null : param);
  const make = useTemplates();
  const publish = usePublishService();
  const [draft, setDraft] = useState<DefinitionDraft | null>(isNew ? draftOf(make.service()) : null);
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [parseErrors, setParseErrors] = useState<ParseError[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loadedVersion = useRef<number | null>(null);

  // A newly loaded (or newly published) version replaces the draft.
  useEffect(() => {
    if (detail.data && loadedVersion.current !== detail.data.version) {
      loadedVersion.current = detail.data.version;
      setDraft(draftOf(detail.data.definition));
    }
  }, [detail.data]);

  /** The service code to check or publish under: the page's, or for a new service the one typed in. */
  function codeFor(definition: Record<string, unknown>): string {
    if (!isNew) return param;
    return typeof definition.code === 'string' && SERVICE_CODE.test(definition.code) ? definition.code : '';
  }

  function composed() {
    if (!draft) return null;
    const result = composeDraft(draft);
    setParseErrors(result.ok ? [] : result.errors);
    if (!result.ok) setProblems([]);
    return result.ok ? result.definition : null;
  }

  async function check() {
    const definition = composed();
    setNotice(null);
    setError(null);
    if (!definition) return;
    setChecking(true);
    try {
      const code = codeFor(definition) || 'new_service';
      const result = await checkDefinition(code, definition);
      // A new service whose code is not valid yet: the code's own problem says so, not a mismatch.
      setProblems(
        codeFor(definition) ? result.problems : result.problems.filter((p) => p.rule !== 'code_mismatch'),
      );
      if (result.ok) setNotice({ kind: 'checked' });
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  }

  // Problems are said in the UI language: after a switch, ask again.
  const lastLanguage = useRef(language);
  useEffect(() => {
    if (lastLanguage.current === language) return;
    lastLanguage.current = language;
    if (problems.length > 0) void check();
  });

  function submit() {
    const definition = composed();
    setNotice(null);
    setError(null);
    if (!definition) return;
    const code = codeFor(definition);
    if (!code) {
      void check();
      return;
    }
    publish.mutate(
      { code, definition },
      {
        onSuccess: (saved) => {
          setProblems([]);
          setNotice({ kind: 'published', version: saved.version });
          if (isNew) void navigate(`/admin/services/${saved.code}`, { replace: true });
        },
        onError: (caught) => {
          const found = caught instanceof ApiError ? caught.details.problems : undefined;
          if (Array.isArray(found)) setProblems(found as DefinitionProblem[]);
          else setError(caught);
        },
      },
    );
  }

  async function loadVersion(version: number) {
    try {
      const old = await fetchServiceVersion(param, version);
      setDraft(draftOf(old.definition));
      setProblems([]);
      setNotice(null);
    } catch (caught) {
      setError(caught);
    }
  }

  if (!isNew && detail.isPending) return <LoadingState />;
  if (!isNew && detail.error) return <ApiErrorAlert error={detail.error} />;
  const nextVersion = isNew ? 1 : (detail.data?.version ?? 0) + 1;
  const problemCount = problems.length + parseErrors.length;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/services" size="sm">
        {t('serviceAdmin.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} data-testid="page-title">
            {isNew ? t('serviceAdmin.newTitle') : detail.data?.name}
          </Title>
          {!isNew && detail.data && (
            <Text c="dimmed" size="sm">
              <LtrText>{detail.data.code}</LtrText> —{' '}
              {t('serviceAdmin.versionN', { version: format.number(detail.data.version) })}
            </Text>
          )}
        </div>
        <Group gap="sm">
          <Button variant="default" onClick={() => void check()} loading={checking} data-testid="check">
            {t('serviceAdmin.check')}
          </Button>
          <Button onClick={submit} loading={publish.isPending} data-testid="publish">
            {t('serviceAdmin.publish', { version: format.number(nextVersion) })}
          </Button>
        </Group>
      </Group>
      <ApiErrorAlert error={error} />
      {notice?.kind === 'checked' && (
        <Alert color="teal" variant="light" data-testid="notice">
          {t('serviceAdmin.checked')}
        </Alert>
      )}
      {notice?.kind === 'published' && (
        <Alert color="teal" variant="light" data-testid="notice">
          {t('serviceAdmin.published', { version: format.number(notice.version) })}
        </Alert>
      )}
      {problemCount > 0 && (
        <Alert color="red" variant="light" data-testid="problem-count">
          {t('serviceAdmin.problemsFound', { count: format.number(problemCount) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: isNew ? 12 : 9 }}>
          {draft && (
            <DefinitionEditor
              draft={draft}
              onChange={setDraft}
              problems={problems}
              parseErrors={parseErrors}
              newItem={make}
            />
          )}
        </Grid.Col>
        {!isNew && detail.data && (
          <Grid.Col span={{ base: 12, md: 3 }}>
            <VersionsCard detail={detail.data} onLoad={(version) => void loadVersion(version)} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
