import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { clockSchema, speeddateSchema, speeddateSummarySchema } from '../../../../src/domain/speeddate/event/schema.ts';
import { personSchema } from '../../../../src/domain/foundation/person/schema.ts';

// Queries of the speeddate area; keys start with nk(networkId, 'speeddate', …).
export const sk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'speeddate', ...rest);

export function useSpeeddates() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: sk(networkId, 'list'), queryFn: () => api.get(`/networks/${networkId}/speeddates`, z.array(speeddateSummarySchema)), enabled: Boolean(networkId) });
}

export function useSpeeddate(eventId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: sk(networkId, 'event', eventId), queryFn: () => api.get(`/networks/${networkId}/speeddates/${eventId}`, speeddateSchema), enabled: Boolean(networkId) });
}

/** The seating for the room clock, read again every 15 seconds (a recompute at the door reaches every screen). */
export function useClock(eventId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: sk(networkId, 'clock', eventId), queryFn: () => api.get(`/networks/${networkId}/speeddates/${eventId}/clock`, clockSchema), enabled: Boolean(networkId), refetchInterval: 15_000 });
}

export function usePeople(enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: nk(networkId, 'people'), queryFn: () => api.get(`/networks/${networkId}/people`, z.array(personSchema)), enabled: enabled && Boolean(networkId) });
}
