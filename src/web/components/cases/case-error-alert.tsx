import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentFormat } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { type CaseDefinition, useCaseTexts } from './case-texts.js';

const FORM_FIELD = 'formData.';

/**
 * The message of an error answered to a case request, in the UI language with the service's own names: the
 * server's 409 answers list codes (actions, fields, documents), which this names as the service does.
 */
export function useCaseErrorMessage(def: CaseDefinition | undefined, actionNames: Map<string, string>) {
  const { t } = useTranslation();
  const texts = useCaseTexts();
  const defined = def ?? { formFields: [], documents: [] };
  const name = (code: string) => texts.itemName(defined, code);
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('errors.network');
    const { code, details } = error;
    switch (code) {
      case 'conflict':
        return t('case.conflict');
      case 'illegal_transition': {
        const allowed = ((details.allowed as string[] | undefined) ?? []).map(
          (action) => actionNames.get(action) ?? texts.actionName({ action, name: action }),
        );
        return t('caseErrors.illegalTransition', {
          allowed: allowed.length > 0 ? texts.list(allowed) : t('caseErrors.nothingAllowed'),
        });
      }
      case 'guard_failed': {
        const missing = (details.missing as string[] | undefined) ?? [];
        return t('caseErrors.guardFailed', { missing: texts.list(missing.map(name)) });
      }
      case 'case_not_editable':
        return t('caseErrors.notEditable');
      case 'payload_too_large':
        return typeof details.maxBytes === 'number'
          ? t('caseErrors.tooLarge', { size: texts.size(details.maxBytes) })
          : error.message;
      case 'unsupported_media_type':
        return Array.isArray(details.accepted)
          ? t('caseErrors.wrongType', { formats: texts.formats(details.accepted as DocumentFormat[]) })
          : error.message;
      case 'validation_failed': {
        const formFields = error.fields.filter((f) => f.field.startsWith(FORM_FIELD));
        if (formFields.length === 0 || formFields.length !== error.fields.length) return error.message;
        const names = [...new Set(formFields.map((f) => name(f.field.slice(FORM_FIELD.length))))];
        return t('caseErrors.invalidFields', { fields: texts.list(names) });
      }
      default:
        return error.message;
    }
  };
}

/** True when the API named this form field as invalid or locked. */
export function isFieldAtFault(error: unknown, field: string): boolean {
  return error instanceof ApiError && error.fields.some((f) => f.field === `${FORM_FIELD}${field}`);
}

interface CaseErrorAlertProps {
  error: unknown;
  def?: CaseDefinition;
  actionNames?: Map<string, string>;
}

const NO_NAMES = new Map<string, string>();

export function CaseErrorAlert({ error, def, actionNames = NO_NAMES }: CaseErrorAlertProps) {
  const { t } = useTranslation();
  const message = useCaseErrorMessage(def, actionNames);
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')} data-testid="api-error">
      {message(error)}
    </Alert>
  );
}
