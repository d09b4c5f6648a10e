import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { z } from 'zod';
import { calendarFeedSchema, myExchangeSchema, visitSchema } from '../../../../src/domain/exchange/visit/schema.ts';
import { editionReportSchema } from '../../../../src/domain/exchange/report/schema.ts';
import { editionSchema, funnelRowSchema } from '../../../../src/domain/exchange/edition/schema.ts';
import { pairRuleSchema, runSchema } from '../../../../src/domain/exchange/match/schema.ts';
import { registrationSchema } from '../../../../src/domain/exchange/registration/schema.ts';
import { timetableViewSchema } from '../../../../src/domain/calendar/timetable/schema.ts';

// Queries of the exchange week. Keys start with nk(networkId, 'exchange', …) so one
// invalidation refreshes everything after a change.

export const ek = (networkId: string, ...rest: unknown[]) => nk(networkId, 'exchange', ...rest);

export function useEditions() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'editions'), queryFn: () => api.get(`/networks/${networkId}/editions`, z.array(editionSchema)), enabled: Boolean(networkId) });
}

export function useEdition(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'editions', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}`, editionSchema), enabled: Boolean(networkId) });
}

export function useRegistrations(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'registrations', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/registrations`, z.array(registrationSchema)) });
}

export function useMyRegistration(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'my-registration', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/registration`, registrationSchema.nullable()) });
}

export function useRuns(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'runs', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/runs`, z.array(runSchema)) });
}

/** One run; polled every second while it is queued or running. */
export function useRun(editionId: string, runId: string | null) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: ek(networkId, 'runs', editionId, runId),
    queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/runs/${runId}`, runSchema),
    enabled: Boolean(runId),
    refetchInterval: (query) => (query.state.data && ['queued', 'running'].includes(query.state.data.status) ? 1000 : false),
  });
}

export function usePairRules(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'pair-rules', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/pair-rules`, z.array(pairRuleSchema)) });
}

export function useFunnel(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'funnel', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/funnel`, z.array(funnelRowSchema)) });
}

export function useReport(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'report', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/report`, editionReportSchema) });
}

export function useEditionVisits(editionId: string, enabled = true) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'visits', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/visits`, z.array(visitSchema)), enabled });
}

export function useMyExchange(editionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'my-exchange', editionId), queryFn: () => api.get(`/networks/${networkId}/editions/${editionId}/my-exchange`, myExchangeSchema) });
}

export function useCalendarFeed() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ek(networkId, 'calendar-feed'), queryFn: () => api.get(`/networks/${networkId}/calendar-feed`, calendarFeedSchema) });
}

export function useTimetable(personId: string, from: string, to: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: ek(networkId, 'timetable', personId, from, to),
    queryFn: () => api.get(`/networks/${networkId}/people/${personId}/timetable?from=${from}&to=${to}`, timetableViewSchema),
  });
}
