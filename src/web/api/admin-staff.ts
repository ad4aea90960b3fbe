import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export interface StaffMember {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  districtId: string | null;
  isActive: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface StaffFilters {
  q?: string;
  role?: string;
  districtId?: string;
}

export interface StaffCreate {
  username: string;
  fullName: string;
  password: string;
  roles: string[];
  districtId: string | null;
}

export type StaffUpdate = Partial<Pick<StaffMember, 'fullName' | 'roles' | 'districtId' | 'isActive'>>;

const KEY = ['admin', 'staff'] as const;
const PAGE_SIZE = 200;

function staffPath(filters: StaffFilters): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [name, value] of Object.entries(filters)) {
    if (value) params.set(name, value);
  }
  return `/api/v1/admin/staff?${params}`;
}

export function useStaff(filters: StaffFilters) {
  return useQuery({
    queryKey: [...KEY, filters],
    queryFn: () => api.get<{ staff: StaffMember[] }>(staffPath(filters)),
    select: (data) => data.staff,
    placeholderData: (previous) => previous,
  });
}

function useStaffMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }) });
}

export function useCreateStaff() {
  return useStaffMutation((staff: StaffCreate) => api.post<StaffMember>('/api/v1/admin/staff', staff));
}

export function useUpdateStaff(id: string) {
  return useStaffMutation((update: StaffUpdate) =>
    api.patch<StaffMember>(`/api/v1/admin/staff/${id}`, update),
  );
}

export function useSetStaffPassword(id: string) {
  return useStaffMutation((password: string) =>
    api.post<void>(`/api/v1/admin/staff/${id}/password`, { password }),
  );
}

export function useUnlockStaff() {
  return useStaffMutation((id: string) => api.post<void>(`/api/v1/admin/staff/${id}/unlock`));
}
