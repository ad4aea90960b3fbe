import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client.js';

export interface SimulatedSms {
  messageid: number;
  receptor: string;
  sender: string;
  message: string;
  date: number;
}

const REFRESH_MS = 2000;

export function useSimulatedSms() {
  return useQuery({
    queryKey: ['dev-sms'],
    queryFn: () => api.get<{ messages: SimulatedSms[] }>('/dev/sms/messages'),
    select: (data) => [...data.messages].sort((a, b) => b.date - a.date || b.messageid - a.messageid),
    refetchInterval: REFRESH_MS,
  });
}

/** True when the server runs the development SMS simulator (off in production). */
export function useSmsSimulatorAvailable(): boolean {
  const { data } = useQuery({
    queryKey: ['dev-sms', 'available'],
    queryFn: async () => {
      try {
        await api.get('/dev/sms/messages?to=0');
        return true;
      } catch (error) {
        if (error instanceof ApiError) return false;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data === true;
}
