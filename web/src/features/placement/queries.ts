import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { comparisonSchema, roundSchema, roundSummarySchema } from '../../../../src/domain/placement/round/schema.ts';
import { offerSummarySchema } from '../../../../src/domain/offer/offer/schema.ts';

// Queries of the placement area; keys start with nk(networkId, 'placement', …).
export const pk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'placement', ...rest);

export function useRounds() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: pk(networkId, 'rounds'), queryFn: () => api.get(`/networks/${networkId}/placement-rounds`, z.array(roundSummarySchema)), enabled: Boolean(networkId) });
}

export function useRound(roundId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: pk(networkId, 'round', roundId), queryFn: () => api.get(`/networks/${networkId}/placement-rounds/${roundId}`, roundSchema), enabled: Boolean(networkId) });
}

export function useComparison(roundId: string, enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: pk(networkId, 'comparison', roundId), queryFn: () => api.get(`/networks/${networkId}/placement-rounds/${roundId}/comparison`, comparisonSchema), enabled: enabled && Boolean(networkId) });
}

export function useInternships(enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: pk(networkId, 'internships'), queryFn: () => api.get(`/networks/${networkId}/offers?kind=teacher_internship`, z.array(offerSummarySchema)), enabled: enabled && Boolean(networkId) });
}
