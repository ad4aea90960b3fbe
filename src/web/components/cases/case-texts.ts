import { useTranslation } from 'react-i18next';
import type {
  DocumentFormat,
  DocumentRequirement,
  FormField,
  Labels,
  TimelineEvent,
} from '../../api/cases.js';
import { byteSize, formatNumber } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';
import type { Language } from '../../i18n/languages.js';

/** Events the engine records that are not workflow transitions: the catalogue names them. */
export const ENGINE_EVENTS = [
  'created',
  'form_saved',
  'document_uploaded',
  'claim',
  'assign',
  'escalated',
] as const;
type EngineEvent = (typeof ENGINE_EVENTS)[number];

export function isEngineEvent(action: string): action is EngineEvent {
  return (ENGINE_EVENTS as readonly string[]).includes(action);
}

/** A label of a service definition in the UI language. */
export function labelIn(labels: Labels, language: Language): string {
  return labels[language] ?? labels.fa;
}

/** What a service definition asks for: its form fields and documents. */
export interface CaseDefinition {
  formFields: FormField[];
  documents: DocumentRequirement[];
}

/** Names of a service's fields, documents, actions and roles, in the UI language. */
export function useCaseTexts() {
  const { t } = useTranslation();
  const format = useFormat();
  const { language } = format;
  const size = (bytes: number) => {
    const { value, unit } = byteSize(bytes);
    return t(`units.${unit}`, { value: formatNumber(value, language) });
  };
  return {
    label: (labels: Labels) => labelIn(labels, language),
    /** A form field's or a document's name by its code; the code itself if the service has no such item. */
    itemName(def: CaseDefinition, code: string): string {
      if (code === 'visitFindings') return t('caseErrors.visitFindings');
      const field = def.formFields.find((f) => f.name === code);
      if (field) return labelIn(field.labels, language);
      const doc = def.documents.find((d) => d.code === code);
      return doc ? labelIn(doc.labels, language) : code;
    },
    list: (items: string[]) => items.join(t('list.separator')),
    size,
    formats: (accept: DocumentFormat[]) => accept.map((f) => t(`formats.${f}`)).join(t('list.separator')),
    /** The name of a timeline event: engine events from the catalogue, transitions as the service names them. */
    eventName(event: Pick<TimelineEvent, 'action' | 'actionName'>): string {
      return isEngineEvent(event.action) ? t(`caseEvents.${event.action}`) : event.actionName;
    },
    /** The label of an action button. */
    actionName(action: { action: string; name: string }): string {
      return action.action === 'claim' ? t('caseActions.claim') : action.name;
    },
    /** Who acted, by role: the applicant (or the office acting for them), a staff role, or the system. */
    roleName(event: Pick<TimelineEvent, 'actor' | 'role'>): string {
      if (event.actor === 'office') return t('caseRoles.office');
      if (event.role === 'applicant' || event.actor === 'applicant') return t('caseRoles.applicant');
      if (event.role === 'system' || event.actor === 'system' || !event.role) return t('caseRoles.system');
      return format.code('roles', event.role);
    },
  };
}
