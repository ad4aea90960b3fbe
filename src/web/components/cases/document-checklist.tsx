import { Anchor, Badge, Button, Card, FileButton, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseDetail,
  type DocumentRequirement,
  documentUrl,
  useUploadDocument,
} from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { useCaseErrorMessage } from './case-error-alert.js';
import { useCaseTexts } from './case-texts.js';
import { acceptAttribute, fileProblem } from './form-values.js';

type UploadStatus = { kind: 'uploading'; fileName: string } | { kind: 'failed'; message: string };

interface DocumentChecklistProps {
  detail: CaseDetail;
  /** Whether the applicant may upload this requirement now. */
  editable: (code: string) => boolean;
  returned: Set<string>;
}

/** The documents a service asks for: required or optional, accepted types and size, and each one's upload. */
export function DocumentChecklist({ detail, editable, returned }: DocumentChecklistProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = useCaseTexts();
  const upload = useUploadDocument(detail.id);
  const errorMessage = useCaseErrorMessage(detail.definition, new Map());
  const [status, setStatus] = useState<Record<string, UploadStatus | undefined>>({});
  // Cleared after each upload, so that choosing the same file again uploads it again.
  const resetRefs = useRef<Record<string, (() => void) | null>>({});
  const byRequirement = new Map(detail.documents.map((doc) => [doc.requirement, doc]));

  function choose(requirement: DocumentRequirement, file: File | null) {
    if (!file) return;
    const problem = fileProblem(requirement, file);
    if (problem) {
      const message =
        problem === 'tooLarge'
          ? t('case.tooLarge', { size: texts.size(requirement.maxBytes) })
          : t('case.wrongType', { formats: texts.formats(requirement.accept) });
      setStatus((all) => ({ ...all, [requirement.code]: { kind: 'failed', message } }));
      return;
    }
    setStatus((all) => ({ ...all, [requirement.code]: { kind: 'uploading', fileName: file.name } }));
    // mutateAsync, not mutate: several uploads may run at once and each needs its own outcome.
    upload
      .mutateAsync({ requirement: requirement.code, file })
      .then(() => setStatus((all) => ({ ...all, [requirement.code]: undefined })))
      .catch((error: unknown) =>
        setStatus((all) => ({
          ...all,
          [requirement.code]: { kind: 'failed', message: errorMessage(error) },
        })),
      )
      .finally(() => resetRefs.current[requirement.code]?.());
  }

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" data-testid="document-checklist">
        <Table.Tbody>
          {detail.definition.documents.map((requirement) => {
            const doc = byRequirement.get(requirement.code);
            const state = status[requirement.code];
            const canUpload = editable(requirement.code);
            const toCorrect = returned.has(requirement.code);
            return (
              <Table.Tr
                key={requirement.code}
                data-testid={`document-${requirement.code}`}
                data-uploaded={doc ? 'true' : 'false'}
                data-to-correct={toCorrect ? 'true' : undefined}
                className={toCorrect ? 'case-row--to-correct' : undefined}
              >
                <Table.Td>
                  <Stack gap={4}>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {texts.label(requirement.labels)}
                      </Text>
                      <Badge
                        size="xs"
                        variant="light"
                        color={requirement.required ? 'red' : 'gray'}
                        component="span"
                      >
                        {t(requirement.required ? 'case.required' : 'case.optional')}
                      </Badge>
                      {toCorrect && (
                        <Badge size="xs" color="orange" variant="filled" component="span">
                          {t('case.toCorrect')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('case.accepts', {
                        formats: texts.formats(requirement.accept),
                        size: texts.size(requirement.maxBytes),
                      })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {state?.kind === 'uploading' ? (
                    <Group gap="xs" data-testid="upload-status" data-status="uploading">
                      <Loader size="xs" />
                      <Text size="sm">{t('case.uploading')}</Text>
                    </Group>
                  ) : doc ? (
                    <Stack gap={2} data-testid="upload-status" data-status="uploaded">
                      <Group gap={6}>
                        <Badge color="teal" variant="light" size="sm">
                          {t('case.uploaded')}
                        </Badge>
                        <Anchor href={documentUrl(detail.id, doc.id)} size="sm" download={doc.fileName}>
                          <LtrText>{doc.fileName}</LtrText>
                        </Anchor>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {texts.size(doc.sizeBytes)} · {format.dateTime(doc.uploadedAt)}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed" data-testid="upload-status" data-status="missing">
                      {t('case.notUploaded')}
                    </Text>
                  )}
                  {state?.kind === 'failed' && (
                    <Text size="sm" c="red" role="alert" data-testid="upload-error">
                      {state.message}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={1}>
                  {canUpload && (
                    <FileButton
                      onChange={(file) => choose(requirement, file)}
                      accept={acceptAttribute(requirement)}
                      resetRef={(reset: (() => void) | null) => {
                        resetRefs.current[requirement.code] = reset;
                      }}
                    >
                      {(props) => (
                        <Button
                          {...props}
                          size="xs"
                          variant={doc ? 'default' : 'light'}
                          color={toCorrect ? 'orange' : undefined}
                          loading={state?.kind === 'uploading'}
                          data-testid={`upload-${requirement.code}`}
                        >
                          {t(doc ? 'case.replace' : 'case.upload')}
                        </Button>
                      )}
                    </FileButton>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Wraps the checklist in its card. */
export function DocumentsCard(props: DocumentChecklistProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={700} size="lg" component="h2">
          {t('case.documentsTitle')}
        </Text>
        <DocumentChecklist {...props} />
      </Stack>
    </Card>
  );
}
