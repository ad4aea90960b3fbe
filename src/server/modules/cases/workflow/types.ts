import type { StaffRole } from '../../../http/principal.js';

export type { StaffRole };

/** Text in the three interface languages; all three are required. */
export interface Labels {
  fa: string;
  en: string;
  vi: string;
}

/** The kinds of form field the engine can check. */
export const FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'boolean',
  'national_id',
  'mobile',
  'postal_code',
] as const;
/** A kind of form field. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a service's application form. `date` values are Gregorian ISO dates (yyyy-mm-dd). */
export interface FormField {
  name: string;
  type: FieldType;
  required: boolean;
  labels: Labels;
  /** The allowed values of a `select` field. */
  options?: { value: string; labels: Labels }[];
  /** Bounds of a `number` field, inclusive. */
  min?: number;
  max?: number;
  /** Longest `text` value, in characters. */
  maxLength?: number;
}

/** The file formats a document requirement may accept. */
export const DOCUMENT_FORMATS = ['pdf', 'jpeg', 'png'] as const;
/** An accepted file format. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A document the applicant uploads. */
export interface DocumentRequirement {
  code: string;
  labels: Labels;
  required: boolean;
  accept: DocumentFormat[];
  maxBytes: number;
}

/** The kinds of workflow state. */
export const STATE_KINDS = ['draft', 'staff', 'applicant', 'terminal'] as const;
/**
 * Who the case waits for: `draft` the applicant before filing; `staff` the district (the SLA clock runs);
 * `applicant` the applicant after filing (returned for correction, awaiting payment: the clock pauses);
 * `terminal` nobody, the case is closed.
 */
export type StateKind = (typeof STATE_KINDS)[number];

/** How a closed case ended. */
export const OUTCOMES = ['approved', 'refused', 'withdrawn'] as const;
/** How a closed case ended. */
export type Outcome = (typeof OUTCOMES)[number];

/** A step of the workflow. */
export interface WorkflowState {
  code: string;
  labels: Labels;
  kind: StateKind;
  /** Target for a `staff` step, in working days of the municipality's calendar. */
  targetWorkingDays?: number;
  /** Required on `terminal` states, forbidden elsewhere. */
  outcome?: Outcome;
}

/** Who may take an action: the applicant (a citizen or an office acting for one), a staff role, or the system. */
export type ActorRole = 'applicant' | StaffRole | 'system';

/** Inputs a transition can demand from the actor. */
export const TRANSITION_INPUTS = ['returnedFields', 'visitFindings', 'assignee'] as const;
/** An input a transition can demand. */
export type TransitionInput = (typeof TRANSITION_INPUTS)[number];

/** The guards a transition can name. */
export const GUARDS = ['required_documents_present', 'form_complete', 'visit_findings_recorded'] as const;
/** A condition on the case checked before a transition; failure lists what is missing. */
export type Guard = (typeof GUARDS)[number];

/** A state change: `action` taken in one of `from` moves the case to `to`. */
export interface Transition {
  action: string;
  from: string[];
  to: string;
  by: ActorRole[];
  requiresReason?: boolean;
  requiresFields?: TransitionInput[];
  /** One guard or several, all of which must pass. */
  guard?: Guard | Guard[] | null;
  labels: Labels;
}

/** A service as an administrator defines it: data, validated by validateServiceDefinition before it is saved. */
export interface ServiceDefinition {
  code: string;
  names: Labels;
  formFields: FormField[];
  documents: DocumentRequirement[];
  workflow: {
    initial: 'draft';
    states: WorkflowState[];
    transitions: Transition[];
  };
}

/**
 * Actions that never change the state, so they are engine rules rather than data: `claim` (a staff member who may
 * act in the current step takes the case), `assign` (clerk or district manager hands it to someone, needs
 * `assignee`), `escalate` (the system flags an overdue step to the district manager).
 */
export const CASE_ACTIONS = ['claim', 'assign', 'escalate'] as const;
/** A state-preserving engine action. */
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** The roles that may assign a case to a colleague. */
export const ASSIGNING_ROLES: readonly StaffRole[] = ['clerk', 'district_manager'];

/** Who is acting. An office filing for a citizen acts as the applicant. */
export type Actor =
  | { kind: 'applicant' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  | { kind: 'system' };
