import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Institution, IscedField, Location, Network, Programme } from '../../../api/types.ts';
import { nk, useNetwork } from '../../../app/session.tsx';

export function useNetworkInfo() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'info'), queryFn: () => api.get<Network>(`/networks/${networkId}`), enabled: Boolean(networkId) });
}

export function useInstitutions() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'institutions'), queryFn: () => api.get<Institution[]>(`/networks/${networkId}/institutions`), enabled: Boolean(networkId) });
}

export function useInstitution(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'institutions', id), queryFn: () => api.get<Institution>(`/networks/${networkId}/institutions/${id}`), enabled: Boolean(networkId) });
}

export function useLocations(institutionId: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: nk(networkId, 'locations', institutionId),
    queryFn: () => api.get<Location[]>(`/networks/${networkId}/institutions/${institutionId}/locations`),
    enabled: Boolean(networkId),
  });
}

export function useProgrammes(institutionId?: string) {
  const { networkId } = useNetwork();
  const query = institutionId ? `?institutionId=${encodeURIComponent(institutionId)}` : '';
  return useQuery({
    queryKey: nk(networkId, 'programmes', institutionId ?? 'all'),
    queryFn: () => api.get<Programme[]>(`/networks/${networkId}/programmes${query}`),
    enabled: Boolean(networkId),
  });
}

export function useIsced() {
  return useQuery({ queryKey: ['reference', 'isced'], queryFn: () => api.get<IscedField[]>('/reference/isced'), staleTime: Infinity });
}
