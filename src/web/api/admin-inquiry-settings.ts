import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export interface InquirySettingsFields {
  effectiveFrom: string;
  responseValidityMonths: number;
  completionMonths: number;
  clearanceValidityMonths: number;
  requireNothingOwed: boolean;
  requireNoOpenViolation: boolean;
  requireNoPendingArticle100: boolean;
  siteVisitWhenRouted: boolean;
}

export interface InquirySettingsVersion extends InquirySettingsFields {
  id: string;
}

export interface InquirySettings {
  today: string;
  inForce: InquirySettingsVersion | null;
  versions: InquirySettingsVersion[];
}

const KEY = ['admin', 'inquiry-settings'] as const;

export function useInquirySettings() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<InquirySettings>('/api/v1/admin/inquiry-settings'),
  });
}

export function usePublishInquirySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: InquirySettingsFields) =>
      api.post<InquirySettingsVersion>('/api/v1/admin/inquiry-settings', settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
