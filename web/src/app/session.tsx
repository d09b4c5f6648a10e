import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import type { Me, Membership, Role } from '../api/types.ts';
import i18n, { localeFromCookie, localeStore } from '../i18n/index.ts';
import { meSchema } from '../../../src/domain/foundation/person/schema.ts';

// Who is logged in, which network they are looking at, and what they may do there
// (mirrors the server's policy; the server still decides every request).

export interface Capabilities {
  roles: Role[];
  manageNetwork: boolean;
  readPeople: boolean;
  managePeople: boolean;
  manageInstitutions: boolean;
  institutionScope: 'all' | string[];
  readOutbox: boolean;
}

export function capabilitiesOf(memberships: Membership[], networkId: string | undefined): Capabilities {
  const mine = memberships.filter((m) => m.networkId === networkId);
  const roles = [...new Set(mine.map((m) => m.role))];
  const wide = roles.includes('network_coordinator') || roles.includes('admin');
  const schoolIds = mine.filter((m) => m.role === 'school_coordinator' && m.institutionId).map((m) => m.institutionId as string);
  const leadIds = mine.filter((m) => m.role === 'team_lead' && m.institutionId).map((m) => m.institutionId as string);
  return {
    roles,
    manageNetwork: wide,
    readPeople: wide || schoolIds.length > 0 || leadIds.length > 0,
    managePeople: wide || schoolIds.length > 0,
    manageInstitutions: wide || schoolIds.length > 0,
    institutionScope: wide ? 'all' : schoolIds,
    readOutbox: roles.includes('admin'),
  };
}

export function canManageInstitution(caps: Capabilities, institutionId: string) {
  return caps.institutionScope === 'all' || caps.institutionScope.includes(institutionId);
}

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get('/auth/me', meSchema);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

interface NetworkState {
  me: Me;
  networkId: string;
  networkName: string;
  networks: { id: string; name: string }[];
  caps: Capabilities;
  setNetworkId: (id: string) => void;
}

const NetworkContext = createContext<NetworkState | null>(null);
const NETWORK_KEY = 'kruispunt.network';

export function NetworkProvider({ me, children }: { me: Me; children: ReactNode }) {
  const networks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of me.memberships) seen.set(m.networkId, m.networkName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me]);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(NETWORK_KEY));
  const networkId = networks.some((n) => n.id === chosen) ? chosen! : networks[0]?.id ?? '';
  const queryClient = useQueryClient();
  const value = useMemo<NetworkState>(() => ({
    me,
    networkId,
    networkName: networks.find((n) => n.id === networkId)?.name ?? '',
    networks,
    caps: capabilitiesOf(me.memberships, networkId),
    setNetworkId: (id: string) => {
      localStorage.setItem(NETWORK_KEY, id);
      setChosen(id);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'network' });
    },
  }), [me, networkId, networks, queryClient]);
  return <NetworkContext.Provider value={value}>{children}</NetworkContext.Provider>;
}

export function useNetwork(): NetworkState {
  const value = useContext(NetworkContext);
  if (!value) throw new Error('useNetwork outside NetworkProvider');
  return value;
}

/** Follows the user's saved language after login when no language was chosen on this device. */
export function useSavedLocale(me: Me | null | undefined) {
  useEffect(() => {
    if (me && !localeFromCookie() && me.locale !== i18n.language) {
      localeStore(me.locale);
      void i18n.changeLanguage(me.locale);
    }
  }, [me]);
}

/** Query keys of network-scoped data start with 'network' and the network id. */
export const nk = (networkId: string, ...rest: unknown[]) => ['network', networkId, ...rest] as const;

/** Refreshes every query of the current network (after a change). */
export function useInvalidateNetwork() {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: nk(networkId) });
}
