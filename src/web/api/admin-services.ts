import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentRequirement, FormField, Labels, WorkflowState } from './cases.js';
import { api } from './client.js';

// The shapes of `src/server/modules/cases/service-admin-routes.ts` and `workflow/types.ts`.

export interface Transition {
  action: string;
  from: string[];
  to: string;
  by: string[];
  requiresReason?: boolean;
  requiresFields?: string[];
  guard?: string | string[] | null;
  labels: Labels;
}

export interface ServiceDefinition {
  code: string;
  names: Labels;
  formFields: FormField[];
  documents: DocumentRequirement[];
  workflow: { initial: 'draft'; states: WorkflowState[]; transitions: Transition[] };
}

export interface AdminService {
  code: string;
  name: string;
  version: number;
  isActive: boolean;
  updatedAt: string;
  liveDistrictIds: string[];
  definition: ServiceDefinition;
}

export interface AdminServiceDetail extends Omit<AdminService, 'updatedAt'> {
  versions: { version: number; createdAt: string; createdBy: string | null }[];
}

/** A problem with a definition at a JSON path (`workflow.transitions[2].by[1]`), said in the UI language. */
export interface DefinitionProblem {
  path: string;
  rule: string;
  params?: Record<string, string | number>;
  message: string;
}

const KEY = ['admin', 'services'] as const;

export function useAdminServices() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ services: AdminService[] }>('/api/v1/admin/services'),
    select: (data) => data.services,
  });
}

export function useAdminService(code: string | null) {
  return useQuery({
    queryKey: [...KEY, code],
    queryFn: ({ signal }) =>
      api.get<AdminServiceDetail>(`/api/v1/admin/services/${encodeURIComponent(code!)}`, signal),
    enabled: code !== null,
  });
}

export function fetchServiceVersion(code: string, version: number) {
  return api.get<{ version: number; createdAt: string; definition: ServiceDefinition }>(
    `/api/v1/admin/services/${encodeURIComponent(code)}/versions/${version}`,
  );
}

/** Checks a definition without saving it; the problems come in the UI language. */
export function checkDefinition(code: string, definition: unknown) {
  return api.post<{ ok: boolean; problems: DefinitionProblem[] }>(
    `/api/v1/admin/services/${encodeURIComponent(code)}/check`,
    { definition },
  );
}

/** Publishes a definition as the service's next version (a 400 carries `details.problems`). */
export function usePublishService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, definition }: { code: string; definition: unknown }) =>
      api.put<{ code: string; version: number }>(`/api/v1/admin/services/${encodeURIComponent(code)}`, {
        definition,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Makes a service live in exactly these districts. */
export function useSetServiceDistricts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, districtIds }: { code: string; districtIds: string[] }) =>
      api.put<null>(`/api/v1/admin/services/${encodeURIComponent(code)}/districts`, { districtIds }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
