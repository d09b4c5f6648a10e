import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { leerlabSchema, leerlabSummarySchema } from '../../../../src/domain/leerlab/leerlab/schema.ts';
import { planSchema, leerlabSessionSchema, attendanceSchema } from '../../../../src/domain/leerlab/session/schema.ts';
import { checklistItemSchema } from '../../../../src/domain/leerlab/checklist/schema.ts';
import { rosterSchema } from '../../../../src/domain/leerlab/pupil/schema.ts';
import { evaluationSchema, leerlabLastingEffectSchema } from '../../../../src/domain/leerlab/evaluation/schema.ts';

// Queries of the leerlab area; keys start with nk(networkId, 'leerlab', …) so one invalidation refreshes all.
export const lk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'leerlab', ...rest);
export const leerlabPath = (networkId: string, id: string, rest = '') => `/networks/${networkId}/leerlabs/${id}${rest}`;

export function useLeerlabs() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, 'list'), queryFn: () => api.get(`/networks/${networkId}/leerlabs`, z.array(leerlabSummarySchema)), enabled: Boolean(networkId) });
}

export function useLeerlab(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id), queryFn: () => api.get(leerlabPath(networkId, id), leerlabSchema), enabled: Boolean(networkId) });
}

export function usePlan(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'plan'), queryFn: () => api.get(leerlabPath(networkId, id, '/plan'), planSchema), enabled: Boolean(networkId) });
}

export function useSessions(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'sessions'), queryFn: () => api.get(leerlabPath(networkId, id, '/sessions'), z.array(leerlabSessionSchema)), enabled: Boolean(networkId) });
}

export function useAttendance(id: string, sessionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'attendance', sessionId), queryFn: () => api.get(leerlabPath(networkId, id, `/sessions/${sessionId}/attendance`), attendanceSchema), enabled: Boolean(networkId) });
}

export function useChecklist(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'checklist'), queryFn: () => api.get(leerlabPath(networkId, id, '/checklist'), z.array(checklistItemSchema)), enabled: Boolean(networkId) });
}

export function useRoster(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'roster'), queryFn: () => api.get(leerlabPath(networkId, id, '/pupils'), rosterSchema), enabled: Boolean(networkId) });
}

export function useEvaluations(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'evaluations'), queryFn: () => api.get(leerlabPath(networkId, id, '/evaluations'), z.array(evaluationSchema)), enabled: Boolean(networkId) });
}

/** What changed for the leerlab's teachers months later (anonymous counts). */
export function useLastingEffect(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: lk(networkId, id, 'lasting-effect'), queryFn: () => api.get(leerlabPath(networkId, id, '/lasting-effect'), leerlabLastingEffectSchema), enabled: Boolean(networkId) });
}
