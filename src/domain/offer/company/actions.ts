import { AppError, type FieldIssue } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listLocations } from '../../foundation/institution/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { getIscedField } from '../../foundation/reference/data.ts';
import { policyOfferCanHost, policyOfferHost, policyOwnInstitutions } from '../offer/policy.ts';
import type { OfferKind } from '../offer/schema.ts';
import { listCompanyRows, listOfferKindsByHost } from './data.ts';
import { upsertCompany } from './mutations.ts';
import { companyFieldMatches, companyNearestKm } from './rules.ts';
import type { Company, CompanyInput } from './schema.ts';

async function build(deps: Deps, actor: Actor, networkId: string, nid: AuthorizedNetworkId, institutionId?: string): Promise<Company[]> {
  const rows = await listCompanyRows(deps.db, nid, institutionId);
  const locations = await listLocations(deps.db, nid);
  const own = policyOwnInstitutions(actor, networkId);
  const ownPlaces = locations.filter((l) => own.includes(l.institutionId));
  const kinds = await listOfferKindsByHost(deps.db, nid);
  const contactIds = [...new Set(rows.flatMap((r) => r.profile?.contactPersonIds ?? []))];
  const contacts = contactIds.length ? await listPeople(deps.db, nid) : [];
  return rows.map((r) => {
    const places = locations.filter((l) => l.institutionId === r.institution.id);
    const hostKinds = kinds.filter((k) => k.host === r.institution.id).map((k) => k.kind as OfferKind);
    return {
      institutionId: r.institution.id, name: r.institution.name, website: r.institution.website,
      sector: r.profile?.sector ?? '', iscedCodes: r.profile?.iscedCodes ?? [], profile: r.profile?.profile ?? '',
      takesPupils: r.profile?.takesPupils ?? false, committedOn: r.profile?.committedOn ?? null,
      locations: places.map((l) => ({ id: l.id, name: l.name, address: l.address, postcode: l.postcode, city: l.city })),
      contacts: (r.profile?.contactPersonIds ?? []).flatMap((id) => contacts.filter((p) => p.id === id).map((p) => ({ id: p.id, name: p.name, email: p.email }))),
      offerKinds: [...new Set(hostKinds)], offerCount: hostKinds.length,
      distanceKm: companyNearestKm(ownPlaces, places),
      canEdit: policyOfferCanHost(actor, networkId, r.institution.id),
    };
  });
}

/** The directory: teachers and coordinators browse and filter by field, sector, kind of offer and distance. */
export async function listCompanies(deps: Deps, actor: Actor, networkId: string, filter: { field?: string | undefined; sector?: string | undefined; kind?: OfferKind | undefined; maxKm?: number | undefined }): Promise<Company[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return (await build(deps, actor, networkId, nid)).filter((c) =>
    (!filter.field || companyFieldMatches(c.iscedCodes, filter.field))
    && (!filter.sector || c.sector.toLowerCase().includes(filter.sector.toLowerCase()))
    && (!filter.kind || c.offerKinds.includes(filter.kind))
    && (filter.maxKm === undefined || (c.distanceKm !== null && c.distanceKm <= filter.maxKm)));
}

export async function readCompany(deps: Deps, actor: Actor, networkId: string, institutionId: string): Promise<Company> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const [company] = await build(deps, actor, networkId, nid, institutionId);
  if (!company) throw new AppError('NOT_FOUND');
  return company;
}

/** A company's professionals (or a coordinator) keep its profile. */
export async function saveCompany(deps: Deps, actor: Actor, networkId: string, institutionId: string, input: CompanyInput): Promise<Company> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const [row] = await listCompanyRows(deps.db, read, institutionId);
  if (!row) throw new AppError('NOT_FOUND');
  const nid = policyOfferHost(actor, networkId, institutionId);
  const fields: FieldIssue[] = [];
  input.iscedCodes.forEach((c, i) => { if (!getIscedField(c)) fields.push({ path: `iscedCodes.${i}`, code: 'FIELD_INVALID' }); });
  if (input.contactPersonIds.length) {
    const members = await listPeople(deps.db, nid, { institutionIds: [institutionId] });
    input.contactPersonIds.forEach((id, i) => { if (!members.some((m) => m.id === id)) fields.push({ path: `contactPersonIds.${i}`, code: 'FIELD_INVALID' }); });
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  await deps.db.transaction(async (tx) => {
    await upsertCompany(tx, nid, institutionId, { ...input, contactPersonIds: [...new Set(input.contactPersonIds)], iscedCodes: [...new Set(input.iscedCodes)] }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'update', 'offer_company', institutionId, null);
  });
  return readCompany(deps, actor, networkId, institutionId);
}
