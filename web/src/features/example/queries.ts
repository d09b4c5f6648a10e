import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { nk, useNetwork } from '../../app/session.tsx';
import { exampleSchema } from '../../../../src/domain/example/example/schema.ts';

// Queries of the example area; keys start with nk(networkId, 'example', …) so one invalidation refreshes all.
export const ex = (networkId: string, ...rest: unknown[]) => nk(networkId, 'example', ...rest);

export function useExample(id: string) {
  const { networkId } = useNetwork();
  return useQuery({ queryKey: ex(networkId, 'one', id), queryFn: () => api.get(`/networks/${networkId}/examples/${id}`, exampleSchema), enabled: Boolean(networkId && id) });
}
