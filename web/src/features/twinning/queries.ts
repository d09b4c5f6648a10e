import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { freeSlotSchema, twinningOverviewSchema, twinSchema } from '../../../../src/domain/twinning/twin/schema.ts';

// Queries of the Job Twinning area; keys start with nk(networkId, 'twinning', …).
export const tk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'twinning', ...rest);

export function useTwinning() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: tk(networkId, 'overview'), queryFn: () => api.get(`/networks/${networkId}/twinning`, twinningOverviewSchema), enabled: Boolean(networkId) });
}

export function useTwin(twinId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: tk(networkId, 'twin', twinId), queryFn: () => api.get(`/networks/${networkId}/twins/${twinId}`, twinSchema), enabled: Boolean(networkId) });
}

export function useFreeTime(twinId: string, minutes: number, enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: tk(networkId, 'free', twinId, minutes), queryFn: () => api.get(`/networks/${networkId}/twins/${twinId}/free-time?minutes=${minutes}`, z.array(freeSlotSchema)), enabled: enabled && Boolean(networkId) });
}
