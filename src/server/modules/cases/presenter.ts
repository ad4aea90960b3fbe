import type { Principal } from '../../http/principal.js';
import type { Locale } from '../../i18n/messages.js';
import { definitionOf, workflowActorOf } from './case-access.js';
import type { CaseListRow } from './case-queries.js';
import type { CaseRow } from './case-repository.js';
import { actionName, serviceName, stateKind, stateName } from './case-texts.js';
import { editableItems } from './edit-case.js';
import { type ActionInputSpec, describeAllowedActions } from './workflow/action-inputs.js';
import type { ServiceDefinition } from './workflow/types.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentCaseSummary(row: CaseListRow, def: ServiceDefinition, locale: Locale) {
  return {
    id: row.id,
    service: { code: row.service_code, name: serviceName(def, locale) },
    state: { code: row.state, name: stateName(def, row.state, locale), kind: stateKind(def, row.state) },
    outcome: row.outcome,
    trackingCode: row.tracking_code,
    fileNumber: row.file_number,
    districtId: row.district_id,
    parcelId: row.parcel_id,
    assigneeId: row.assignee_user_id,
    deadlineAt: iso(row.deadline_at),
    escalated: row.escalated_at !== null,
    submittedAt: iso(row.submitted_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

interface EventRow {
  at: Date;
  actor_kind: string;
  actor_role: string | null;
  office_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

interface DocumentRow {
  id: string;
  requirement_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

/** A colleague a case can be assigned to (shown to staff only). */
export interface Assignee {
  id: string;
  full_name: string;
  roles: string[];
}

function presentInput(input: ActionInputSpec, locale: Locale, assignees: Assignee[]) {
  switch (input.name) {
    case 'returnedFields':
      return {
        ...input,
        choices: input.choices.map((c) => ({ value: c.value, kind: c.kind, label: c.labels[locale] })),
      };
    case 'assignee':
      return {
        ...input,
        choices: assignees.map((a) => ({ value: a.id, label: a.full_name, roles: a.roles })),
      };
    default:
      return input;
  }
}

/** The actions the viewer may take, each with where it leads and the inputs its form must ask for. */
export function presentAllowedActions(
  def: ServiceDefinition,
  row: Pick<CaseRow, 'state'>,
  viewer: Principal,
  locale: Locale,
  assignees: Assignee[] = [],
) {
  return describeAllowedActions(def, row.state, workflowActorOf(viewer)).map((described) => ({
    action: described.action,
    name: actionName(def, described.action, locale, row.state),
    kind: described.kind,
    to: { ...described.to, name: stateName(def, described.to.code, locale) },
    inputs: described.inputs.map((input) => presentInput(input, locale, assignees)),
  }));
}

/** A case as its viewer sees it: the timeline says who by role, never by staff name. */
export function presentCase(
  row: CaseRow,
  events: EventRow[],
  documents: DocumentRow[],
  viewer: Principal,
  locale: Locale,
  assignees: Assignee[] = [],
) {
  const def = definitionOf(row);
  const editable = editableItems(row);
  return {
    ...presentCaseSummary(row, def, locale),
    applicant: { nationalId: row.applicant_national_id, mobile: row.applicant_mobile },
    filedByOffice: row.filed_by_office_id,
    filedByApiClient: row.filed_by_api_client_id,
    consent: row.consent_method,
    formData: row.form_data,
    returnedItems: (row.returned_items as string[] | null) ?? [],
    editable: editable.all ? 'all' : editable.items,
    visitFindings: row.visit_findings,
    allowedActions: presentAllowedActions(def, row, viewer, locale, assignees),
    documents: documents.map((d) => ({
      id: d.id,
      requirement: d.requirement_code,
      fileName: d.file_name,
      contentType: d.content_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      uploadedAt: d.uploaded_at.toISOString(),
    })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor_kind,
      role: e.actor_role,
      office: e.office_id,
      action: e.action,
      actionName: actionName(def, e.action, locale, e.from_state),
      from: e.from_state ? { code: e.from_state, name: stateName(def, e.from_state, locale) } : null,
      to: e.to_state ? { code: e.to_state, name: stateName(def, e.to_state, locale) } : null,
      reason: e.reason,
      returnedFields: (e.details.returnedFields as string[] | undefined) ?? [],
    })),
    definition: { formFields: def.formFields, documents: def.documents, states: def.workflow.states },
  };
}
