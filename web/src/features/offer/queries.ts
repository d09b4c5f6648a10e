import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { offerSchema, offerSummarySchema } from '../../../../src/domain/offer/offer/schema.ts';
import { hostRegistrationSchema, myOfferSchema, clashSchema } from '../../../../src/domain/offer/registration/schema.ts';
import { offerRequestSchema } from '../../../../src/domain/offer/request/schema.ts';
import { sandwichSchema } from '../../../../src/domain/offer/sandwich/schema.ts';
import { companySchema } from '../../../../src/domain/offer/company/schema.ts';

// Queries of the offers area; keys start with nk(networkId, 'offer', …) so one invalidation refreshes all.
export const ok = (networkId: string, ...rest: unknown[]) => nk(networkId, 'offer', ...rest);

export function useOffers(kind: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'offers', kind), queryFn: () => api.get(`/networks/${networkId}/offers${kind ? `?kind=${kind}` : ''}`, z.array(offerSummarySchema)), enabled: Boolean(networkId) });
}

export function useOffer(offerId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'offer', offerId), queryFn: () => api.get(`/networks/${networkId}/offers/${offerId}`, offerSchema) });
}

export function useMyOffers() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'mine'), queryFn: () => api.get(`/networks/${networkId}/my-offers`, z.array(myOfferSchema)), enabled: Boolean(networkId) });
}

export function useHostRegistrations(offerId: string, enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'registrations', offerId), queryFn: () => api.get(`/networks/${networkId}/offers/${offerId}/registrations`, z.array(hostRegistrationSchema)), enabled });
}

export function useRequests(offerId: string, enabled: boolean) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'requests', offerId), queryFn: () => api.get(`/networks/${networkId}/offers/${offerId}/requests`, z.array(offerRequestSchema)), enabled });
}

export function useSandwich(sessionId: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'sandwich', sessionId), queryFn: () => api.get(`/networks/${networkId}/offer-sessions/${sessionId}/sandwich`, sandwichSchema) });
}

export function useCompanies(query: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ok(networkId, 'companies', query), queryFn: () => api.get(`/networks/${networkId}/companies${query ? `?${query}` : ''}`, z.array(companySchema)), enabled: Boolean(networkId) });
}

export function fetchClash(networkId: string, sessionId: string) {
  return api.get(`/networks/${networkId}/offer-sessions/${sessionId}/clash`, clashSchema);
}

/** A datetime-local value (Amsterdam wall time in the browser's zone) as an ISO instant. */
export function localToIso(value: string): string {
  return value ? new Date(value).toISOString() : '';
}
