import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { z } from 'zod';
import { institutionSchema, locationSchema } from '../../../../../src/domain/foundation/institution/schema.ts';
import { iscedFieldSchema } from '../../../api/types.ts';
import { networkSchema } from '../../../../../src/domain/foundation/network/schema.ts';
import { programmeSchema } from '../../../../../src/domain/foundation/programme/schema.ts';

export function useNetworkInfo() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'info'), queryFn: () => api.get(`/networks/${networkId}`, networkSchema), enabled: Boolean(networkId) });
}

export function useInstitutions() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'institutions'), queryFn: () => api.get(`/networks/${networkId}/institutions`, z.array(institutionSchema)), enabled: Boolean(networkId) });
}

export function useInstitution(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'institutions', id), queryFn: () => api.get(`/networks/${networkId}/institutions/${id}`, institutionSchema), enabled: Boolean(networkId) });
}

export function useLocations(institutionId: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: nk(networkId, 'locations', institutionId),
    queryFn: () => api.get(`/networks/${networkId}/institutions/${institutionId}/locations`, z.array(locationSchema)),
    enabled: Boolean(networkId),
  });
}

export function useProgrammes(institutionId?: string) {
  const { networkId } = useNetwork();
  const query = institutionId ? `?institutionId=${encodeURIComponent(institutionId)}` : '';
  return useQuery({
    queryKey: nk(networkId, 'programmes', institutionId ?? 'all'),
    queryFn: () => api.get(`/networks/${networkId}/programmes${query}`, z.array(programmeSchema)),
    enabled: Boolean(networkId),
  });
}

export function useIsced() {
  return useQuery({ queryKey: ['reference', 'isced'], queryFn: () => api.get('/reference/isced', z.array(iscedFieldSchema)), staleTime: Infinity });
}
