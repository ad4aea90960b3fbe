import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toLatinDigits } from '../format.js';
import type { Language } from '../i18n/languages.js';
import { api } from './client.js';

// The shapes of `src/server/modules/cases/presenter.ts` and `workflow/types.ts`, as the browser receives them.

/** Text of a service definition in the three interface languages. */
export type Labels = Record<Language, string>;

export type FieldType =
  | 'text'
  | 'number'
  | 'date'
  | 'select'
  | 'boolean'
  | 'national_id'
  | 'mobile'
  | 'postal_code';

export interface FormField {
  name: string;
  type: FieldType;
  required: boolean;
  labels: Labels;
  options?: { value: string; labels: Labels }[];
  min?: number;
  max?: number;
  maxLength?: number;
}

export type DocumentFormat = 'pdf' | 'jpeg' | 'png';

export interface DocumentRequirement {
  code: string;
  labels: Labels;
  required: boolean;
  accept: DocumentFormat[];
  maxBytes: number;
}

export interface WorkflowState {
  code: string;
  kind: 'draft' | 'staff' | 'applicant' | 'terminal';
  labels: Labels;
  targetWorkingDays?: number;
  outcome?: string;
}

export interface Service {
  code: string;
  version: number;
  name: string;
  formFields: FormField[];
  documents: DocumentRequirement[];
}

export interface Named {
  code: string;
  name: string;
}

export type Outcome = 'approved' | 'refused' | 'withdrawn';

export interface CaseSummary {
  id: string;
  service: Named;
  state: Named;
  outcome: Outcome | null;
  trackingCode: string | null;
  fileNumber: string | null;
  districtId: string;
  parcelId: string;
  assigneeId: string | null;
  deadlineAt: string | null;
  escalated: boolean;
  submittedAt: string | null;
  updatedAt: string | null;
  version: number;
}

export interface CaseDocument {
  id: string;
  requirement: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface TimelineEvent {
  at: string;
  actor: 'applicant' | 'office' | 'staff' | 'system';
  role: string | null;
  office: string | null;
  action: string;
  actionName: string;
  from: Named | null;
  to: Named | null;
  reason: string | null;
  returnedFields: string[];
}

/** One input an action asks for, as the API describes it from the service definition. */
export type ActionInputSpec =
  | { name: 'reason'; required: boolean; maxLength: number }
  | {
      name: 'returnedFields';
      required: true;
      choices: { value: string; kind: 'field' | 'document'; label: string }[];
    }
  | { name: 'visitFindings'; required: true; fields: { name: string; type: 'text'; required: boolean }[] }
  | { name: 'assignee'; required: true; choices: { value: string; label: string; roles: string[] }[] };

/** An action the viewer may take now: where it leads and which inputs its form must ask for. */
export interface AllowedAction {
  action: string;
  name: string;
  kind: 'transition' | 'engine';
  to: { code: string; name: string; kind: WorkflowState['kind']; outcome: Outcome | null };
  inputs: ActionInputSpec[];
}

export interface CaseDetail extends CaseSummary {
  /** Null for a case an institution's inquiry filed (no citizen applicant). */
  applicant: { nationalId: string | null; mobile: string | null };
  filedByOffice: string | null;
  consent: 'otp' | 'in_person' | null;
  formData: Record<string, unknown>;
  returnedItems: string[];
  editable: 'all' | string[];
  visitFindings: unknown;
  allowedActions: AllowedAction[];
  documents: CaseDocument[];
  timeline: TimelineEvent[];
  definition: { formFields: FormField[]; documents: DocumentRequirement[]; states: WorkflowState[] };
}

export interface PublicCaseStatus {
  trackingCode: string;
  fileNumber: string | null;
  service: string;
  state: Named;
  outcome: Outcome | null;
  submittedAt: string | null;
  deadlineAt: string | null;
  steps: { at: string; role: string | null; action: string; to: string | null; reason: string | null }[];
}

export interface QueueFilters {
  state?: string;
  service?: string;
  assigned?: 'me' | 'none' | 'any';
  overdue?: boolean;
  sort?: 'deadline' | 'newest';
}

export interface ActionInput {
  action: string;
  version: number;
  reason?: string;
  returnedFields?: string[];
  visitFindings?: Record<string, unknown>;
  assignee?: string;
}

export interface Applicant {
  nationalId: string;
  mobile: string;
}

/** How the citizen consented: the code texted to them, or their ID card checked in person by the operator. */
export type ConsentProof =
  | { method: 'otp'; challengeId: string; code: string }
  | { method: 'in_person'; idDocumentChecked: true };

/** A filing's consent: recorded before (`recordConsent`), or its proof given with the filing. */
export type Consent = ConsentProof | { method: 'recorded'; consentId: string };

export interface RecordedConsent {
  consentId: string;
  method: 'otp' | 'in_person';
  expiresAt: string;
}

/** A parcel of the citizen who consented, as the office sees it to pick one. */
export interface ConsentedParcel {
  id: string;
  districtId: string;
  districtNumber: number;
  renewalCode: string;
  address: string | null;
  landAreaM2: number;
  landUse: string;
  share: { numerator: number; denominator: number };
  serviceLive: boolean;
}

export interface NewCase {
  serviceCode: string;
  parcelId: string;
  formData?: Record<string, unknown>;
  applicant?: Applicant;
  consent?: Consent;
}

const CASES_KEY = ['cases'] as const;
const caseKey = (id: string) => [...CASES_KEY, 'detail', id] as const;

/** The services live in a district (all of the municipality's when no district is given). */
export function useServices(districtId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['services', districtId ?? 'all'],
    queryFn: () => {
      const query = districtId ? `?districtId=${encodeURIComponent(districtId)}` : '';
      return api.get<{ services: Service[] }>(`/api/v1/services${query}`);
    },
    select: (data) => data.services,
    enabled,
    staleTime: 5 * 60_000,
  });
}

function casesPath(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `/api/v1/cases?${query}` : '/api/v1/cases';
}

/** A citizen's cases, an office's filings, or the district queue of a staff member (with its filters). */
export function useCases(filters: QueueFilters = {}) {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', filters],
    queryFn: () => api.get<{ cases: CaseSummary[] }>(casesPath(filters)),
    select: (data) => data.cases,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, signal),
  });
}

/** After a write, the case answer replaces the cached one and every list is refetched. */
function useCaseWrite<Input>(id: string, write: (input: Input) => Promise<CaseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
    },
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCase) => api.post<CaseDetail>('/api/v1/cases', input),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
    },
  });
}

export function useSaveCaseForm(id: string) {
  return useCaseWrite(id, (input: { version: number; formData: Record<string, unknown> }) =>
    api.patch<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, input),
  );
}

export function useCaseAction(id: string) {
  return useCaseWrite(id, (input: ActionInput) =>
    api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/actions`, input),
  );
}

/** Saves the form first when it changed, then takes the action on the version the save produced. */
export function useSaveThenAct(id: string) {
  return useCaseWrite(
    id,
    async (input: { version: number; formData: Record<string, unknown> | null; action: string }) => {
      const path = `/api/v1/cases/${encodeURIComponent(id)}`;
      let version = input.version;
      if (input.formData) {
        version = (await api.patch<CaseDetail>(path, { version, formData: input.formData })).version;
      }
      return api.post<CaseDetail>(`${path}/actions`, { action: input.action, version });
    },
  );
}

/** Uploads one document of a case (the requirement's code, then the file); the case is refetched after. */
export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requirement, file }: { requirement: string; file: File }) => {
      const form = new FormData();
      form.append('requirement', requirement);
      form.append('file', file, file.name);
      return api.upload<CaseDocument>(`/api/v1/cases/${encodeURIComponent(id)}/documents`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(id) }),
  });
}

export function documentUrl(caseId: string, documentId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`;
}

/** Reloads a case from the server, e.g. after someone else acted on it first. */
export function useReloadCase(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseKey(id) });
}

/** A case's status by tracking code and the applicant's national ID, without signing in. */
export function useCaseStatus(lookup: { trackingCode: string; nationalId: string } | null) {
  return useQuery({
    queryKey: ['case-status', lookup],
    queryFn: () => {
      const params = new URLSearchParams({
        trackingCode: toLatinDigits(lookup!.trackingCode).trim(),
        nationalId: toLatinDigits(lookup!.nationalId).trim(),
      });
      return api.get<PublicCaseStatus>(`/api/v1/cases/status?${params}`);
    },
    enabled: lookup !== null,
    retry: false,
  });
}

/** Texts the citizen the code that proves their consent to an office filing for them. */
export function requestConsentCode(input: Applicant & { serviceCode: string }) {
  return api.post<{ challengeId: string; expiresAt: string }>('/api/v1/cases/consent-code', {
    nationalId: toLatinDigits(input.nationalId).trim(),
    mobile: toLatinDigits(input.mobile).trim(),
    serviceCode: input.serviceCode,
  });
}

/** Records the citizen's consent to this office filing a service for them; the office may then see their parcels. */
export function recordConsent(input: Applicant & { serviceCode: string; proof: ConsentProof }) {
  return api.post<RecordedConsent>('/api/v1/cases/consents', {
    nationalId: toLatinDigits(input.nationalId).trim(),
    mobile: toLatinDigits(input.mobile).trim(),
    serviceCode: input.serviceCode,
    proof:
      input.proof.method === 'otp' ? { ...input.proof, code: toLatinDigits(input.proof.code) } : input.proof,
  });
}

/** The parcels of the citizen who gave this consent (only this office's unused, unexpired consent). */
export function useConsentParcels(consentId: string | null) {
  return useQuery({
    queryKey: ['consent-parcels', consentId],
    queryFn: ({ signal }) =>
      api.get<{ parcels: ConsentedParcel[]; expiresAt: string }>(
        `/api/v1/cases/consents/${encodeURIComponent(consentId!)}/parcels`,
        signal,
      ),
    enabled: consentId !== null,
    retry: false,
  });
}
