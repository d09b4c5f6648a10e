import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { recordViewSchema } from '../../../../src/domain/record/entry/schema.ts';
import { followUpSchema } from '../../../../src/domain/record/follow-up/schema.ts';

// Queries of the record area; keys start with nk(networkId, 'record', …) so one invalidation refreshes all.
export const rk = (networkId: string, ...rest: unknown[]) => nk(networkId, 'record', ...rest);

export function useRecord(personId?: string) {
  const { networkId } = useNetwork();
  return useQuery({
    queryKey: rk(networkId, 'view', personId ?? 'me'),
    queryFn: () => api.get(personId ? `/networks/${networkId}/people/${personId}/record` : `/networks/${networkId}/record`, recordViewSchema),
    enabled: Boolean(networkId),
  });
}

export function useFollowUps() {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: rk(networkId, 'follow-ups'), queryFn: () => api.get(`/networks/${networkId}/record/follow-ups`, z.array(followUpSchema)), enabled: Boolean(networkId) });
}

/** Hours as people write them: "12,5" in Dutch, "12.5" in English. */
export function formatHours(hours: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(hours);
}

/** A calendar date (YYYY-MM-DD) as a readable day. */
export function formatDay(date: string, language: string): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
