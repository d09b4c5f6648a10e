import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import type {
  CalendarFeed, Edition, EditionReport, EditionVisit, FunnelRow, MyExchange, PairRule, Registration, Run, TimetableView,
} from './types.ts';

// Queries of the exchange week. Keys start with nk(networkId, 'exchange', …) so one
// invalidation refreshes everything after a change.

export const ek = (networkId: string, ...rest: unknown[]) => nk(networkId, 'exchange', ...rest);

export function useEditions() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'editions'), queryFn: () => api.get<Edition[]>(`/networks/${networkId}/editions`), enabled: Boolean(networkId) });
}

export function useEdition(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'editions', editionId), queryFn: () => api.get<Edition>(`/networks/${networkId}/editions/${editionId}`), enabled: Boolean(networkId) });
}

export function useRegistrations(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'registrations', editionId), queryFn: () => api.get<Registration[]>(`/networks/${networkId}/editions/${editionId}/registrations`) });
}

export function useMyRegistration(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'my-registration', editionId), queryFn: () => api.get<Registration | null>(`/networks/${networkId}/editions/${editionId}/registration`) });
}

export function useRuns(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'runs', editionId), queryFn: () => api.get<Run[]>(`/networks/${networkId}/editions/${editionId}/runs`) });
}

/** One run; polled every second while it is queued or running. */
export function useRun(editionId: string, runId: string | null) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: ek(networkId, 'runs', editionId, runId),
    queryFn: () => api.get<Run>(`/networks/${networkId}/editions/${editionId}/runs/${runId}`),
    enabled: Boolean(runId),
    refetchInterval: (query) => (query.state.data && ['queued', 'running'].includes(query.state.data.status) ? 1000 : false),
  });
}

export function usePairRules(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'pair-rules', editionId), queryFn: () => api.get<PairRule[]>(`/networks/${networkId}/editions/${editionId}/pair-rules`) });
}

export function useFunnel(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'funnel', editionId), queryFn: () => api.get<FunnelRow[]>(`/networks/${networkId}/editions/${editionId}/funnel`) });
}

export function useReport(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'report', editionId), queryFn: () => api.get<EditionReport>(`/networks/${networkId}/editions/${editionId}/report`) });
}

export function useEditionVisits(editionId: string, enabled = true) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'visits', editionId), queryFn: () => api.get<EditionVisit[]>(`/networks/${networkId}/editions/${editionId}/visits`), enabled });
}

export function useMyExchange(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'my-exchange', editionId), queryFn: () => api.get<MyExchange>(`/networks/${networkId}/editions/${editionId}/my-exchange`) });
}

export function useCalendarFeed() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'calendar-feed'), queryFn: () => api.get<CalendarFeed>(`/networks/${networkId}/calendar-feed`) });
}

export function useTimetable(personId: string, from: string, to: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: ek(networkId, 'timetable', personId, from, to),
    queryFn: () => api.get<TimetableView>(`/networks/${networkId}/people/${personId}/timetable?from=${from}&to=${to}`),
  });
}
