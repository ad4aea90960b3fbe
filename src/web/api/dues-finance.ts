import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** A renewal-dues tariff as the server keeps it (see docs/dues.md); shown and edited as JSON. */
export interface DuesTariff {
  resolutionNo: string;
  rateBasisPoints: number;
  landValueRialsPerM2: { byZone: Record<string, number>; default: number };
  buildingValueRialsPerM2: { byType: Record<string, number>; default: number };
  adjustments: { code: string; title: string; when: object; landPct: number; buildingPct: number }[];
  exemptions: { code: string; title: string; when: object }[];
  prizePct: number;
  latePenalty: { pctPerMonth: number; capPct: number };
}

export interface TariffVersion {
  id: string;
  year: number;
  tariff: DuesTariff;
}

export interface AssessmentRun {
  id: string;
  year: number;
  state: 'running' | 'done' | 'failed';
  parcelsTotal: number;
  parcelsDone: number;
  billsCreated: number;
  exemptCount: number;
  totalRials: number;
  startedAt: string;
  finishedAt: string | null;
  lastError: string | null;
}

export interface ReconcileResult {
  checked: number;
  paid: number;
  failed: number;
  refunded: number;
  stillPending: number;
  unverifiedAtGateway: number;
  mismatches: number;
  gatewayUnavailable: boolean;
}

export interface Mismatch {
  id: string;
  paymentId: string | null;
  authority: string | null;
  kind: string;
  details: Record<string, unknown>;
  foundAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface LedgerCheck {
  ok: boolean;
  trialBalanceRials: number;
  accounts: { account: string; balanceRials: number; lines: number }[];
  problems: string[];
}

export function useTariffs() {
  return useQuery({
    queryKey: ['dues', 'tariffs'],
    queryFn: () => api.get<{ tariffs: TariffVersion[] }>('/api/v1/dues/tariffs'),
    select: (data) => [...data.tariffs].sort((a, b) => b.year - a.year),
  });
}

export function putTariff(year: number, tariff: unknown) {
  return api.put<{ id: string }>(`/api/v1/dues/tariffs/${year}`, tariff);
}

export function useAssessmentRuns() {
  return useQuery({
    queryKey: ['dues', 'assessments'],
    queryFn: () => api.get<{ runs: AssessmentRun[] }>('/api/v1/dues/assessments'),
    select: (data) => data.runs,
  });
}

/** One run's progress, asked again every second while it runs. */
export function useAssessmentRun(id: string | null) {
  return useQuery({
    queryKey: ['dues', 'assessments', id],
    queryFn: () => api.get<AssessmentRun>(`/api/v1/dues/assessments/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
}

export function startAssessment(year: number) {
  return api.post<AssessmentRun>('/api/v1/dues/assessments', { year });
}

export function reconcileNow() {
  return api.post<ReconcileResult>('/api/v1/payments/reconcile');
}

export function useMismatches(open: boolean) {
  return useQuery({
    queryKey: ['payments', 'mismatches', open],
    queryFn: () => api.get<{ mismatches: Mismatch[] }>(`/api/v1/payments/mismatches?open=${open}`),
    select: (data) => data.mismatches,
  });
}

export function resolveMismatch(id: string, note: string) {
  return api.post<void>(`/api/v1/payments/mismatches/${encodeURIComponent(id)}/resolve`, { note });
}

export function checkLedger() {
  return api.get<LedgerCheck>('/api/v1/dues/ledger/check');
}
