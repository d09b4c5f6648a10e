import type { Tx } from '../../../db/client.ts';
import { offerCompanies } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { CompanyInput } from './schema.ts';

export async function upsertCompany(tx: Tx, networkId: AuthorizedNetworkId, institutionId: string, values: CompanyInput, now: Date) {
  await tx.insert(offerCompanies)
    .values({ ...values, networkId, institutionId, updatedAt: now })
    .onConflictDoUpdate({ target: offerCompanies.institutionId, set: { ...values, updatedAt: now } });
}
