import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { z } from 'zod';
import { learnerReportCandidateSchema, learnerReportHistorySchema, learnerReportHomeSchema, learnerReportInsightSchema, learnerReportSchema, learnerReportSharedSummarySchema, learnerReportSummarySchema, networkSettingsSchema, notificationSchema, shareCandidateSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

// Queries of learner reports. Keys start with nk(networkId, 'learner-report', …) so one
// invalidation refreshes every list after a change.

export const lk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'learner-report', ...rest);
export const reportsBase = (networkId: string) => `/networks/${networkId}/learner-reports`;

export function useMyReports() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, 'mine'), queryFn: () => api.get(reportsBase(networkId), z.array(learnerReportSummarySchema)), enabled: Boolean(networkId) });
}

export function useReport(id: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: lk(networkId, 'report', id),
    queryFn: () => api.get(`${reportsBase(networkId)}/${id}`, learnerReportSchema),
    enabled: Boolean(networkId),
    // The editor owns its copy after loading; a refetch must not replace unsaved text.
    staleTime: Infinity,
  });
}

export function useSharedWithMe() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, 'shared'), queryFn: () => api.get(`${reportsBase(networkId)}/shared-with-me`, z.array(learnerReportSharedSummarySchema)), enabled: Boolean(networkId) });
}

export function useHistory() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, 'history'), queryFn: () => api.get(`${reportsBase(networkId)}/history`, learnerReportHistorySchema), enabled: Boolean(networkId) });
}

export function useCandidates(periodStart: string, periodEnd: string) {
  const { networkId } = useNetwork();
  const query = new URLSearchParams({ periodStart, periodEnd }).toString();
  return useQuery({
    queryKey: lk(networkId, 'candidates', periodStart, periodEnd),
    queryFn: () => api.get(`${reportsBase(networkId)}/candidates?${query}`, z.array(learnerReportCandidateSchema)),
    enabled: Boolean(networkId),
  });
}

export function useInsight(institutionId: string) {
  const { networkId } = useNetwork();
  const query = institutionId ? `?institutionId=${encodeURIComponent(institutionId)}` : '';
  return useQuery({
    queryKey: lk(networkId, 'insight', institutionId),
    queryFn: () => api.get(`${reportsBase(networkId)}/insight${query}`, learnerReportInsightSchema),
    enabled: Boolean(networkId),
  });
}

export function useSettings(enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: lk(networkId, 'settings'),
    queryFn: () => api.get(`/networks/${networkId}/learner-report-settings`, networkSettingsSchema),
    enabled: Boolean(networkId) && enabled,
  });
}

export function useNotifications() {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: lk(networkId, 'notifications'),
    queryFn: () => api.get(`/networks/${networkId}/notifications`, z.array(notificationSchema)),
    enabled: Boolean(networkId),
    refetchInterval: 5 * 60_000,
  });
}

/** People of the network the user may see (coordinators and team leads; others get FORBIDDEN). */
export function usePeopleDirectory() {
  const { networkId } = useNetwork();
  // Colleagues to share with: names, roles and institutions (no e-mail), open to every member.
  return useQuery({
    queryKey: nk(networkId, 'share-candidates'),
    queryFn: () => api.get(`/networks/${networkId}/learner-reports/share-candidates`, z.array(shareCandidateSchema)),
    enabled: Boolean(networkId),
  });
}

/** Open and overdue drafts, and whether a new report is due: the learner-report card on the home page. */
export function useLearnerReportHome() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, 'home'), queryFn: () => api.get(`/networks/${networkId}/learner-report-home`, learnerReportHomeSchema), enabled: Boolean(networkId) });
}
