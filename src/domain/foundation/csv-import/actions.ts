
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import type { Actor, Deps, RequestInfo } from '../auth/types.ts';
import { policyAuthorize, policyGrantableRoles, policyInstitutionScope } from '../auth/policy.ts';
import { getPersonByEmail } from '../auth/data.ts';
import { recordAudit } from '../network/mutations.ts';
import { listInstitutions } from '../institution/data.ts';
import { listProgrammes } from '../programme/data.ts';
import { createProgramme, updateProgramme } from '../programme/mutations.ts';
import { programmeIscedKnown } from '../programme/rules.ts';
import { createPerson, createMembership, addPersonProgrammes } from '../person/mutations.ts';
import { emailSchema, type Role } from '../person/schema.ts';
import { invitationRoleNeedsInstitution } from '../invitation/rules.ts';
import { createInvitationWithMail } from '../invitation/actions.ts';
import { deliverMail } from '../mail/actions.ts';
import type { ProgrammeLevel } from '../programme/schema.ts';
import { csvRead, csvMapColumns, csvParseRole, csvParseLevel, peopleColumns, programmeColumns } from './rules.ts';
import type { ImportReport } from './schema.ts';

type Reason = { code: string; column?: string; message: string };

function reason(locale: Locale, header: string[], column: number | undefined, code: string, params: Record<string, string | number> = {}): Reason {
  const name = column === undefined ? undefined : header[column];
  const text = translate(locale, code, params);
  return { code, ...(name ? { column: name } : {}), message: name ? `${name}: ${text}` : text };
}

function unusable(locale: Locale, dryRun: boolean, code: string, params: Record<string, string | number> = {}, missing?: string[]): ImportReport {
  const why = translate(locale, code, params);
  return {
    ok: false, dryRun, columns: [], accepted: 0, rejected: 0, created: 0, updated: 0, rows: [],
    error: { code, message: translate(locale, 'CSV_UNUSABLE', { reason: why }), ...(missing ? { missing } : {}) },
  };
}

const cell = (cells: string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());

/** Imports people with role, institution and programmes. Rejected rows are reported; accepted rows are written in one transaction. */
export async function importPeople(
  deps: Deps, actor: Actor, networkId: string, input: { csv: string; dryRun: boolean; invite: boolean }, request: RequestInfo,
): Promise<ImportReport> {
  const nid = policyAuthorize(actor, networkId, 'people:manage');
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  const locale = actor.locale;
  const read = csvRead(input.csv);
  if (!read.ok) return unusable(locale, input.dryRun, read.reason, read.params);
  const defaultInstitution = scope !== 'all' && scope.length === 1 ? scope[0] : undefined;
  const required = defaultInstitution ? (['name', 'email'] as const) : (['name', 'email', 'institution'] as const);
  const { columns, missing } = csvMapColumns(read.header, peopleColumns, required);
  if (missing.length) {
    return unusable(locale, input.dryRun, 'CSV_MISSING_COLUMNS', { columns: missing.join(', ') }, missing);
  }
  const institutions = (await listInstitutions(deps.db, nid)).filter((i) => scope === 'all' || scope.includes(i.id));
  const programmes = await listProgrammes(deps.db, nid);
  const grantable = policyGrantableRoles(actor, networkId);
  const seen = new Set<string>();
  const report: ImportReport = { ok: true, dryRun: input.dryRun, delimiter: read.delimiter, columns: read.header, accepted: 0, rejected: 0, created: 0, updated: 0, rows: [] };
  const accepted: { row: number; name: string; email: string; role: Role; institutionId: string | null; programmeIds: string[] }[] = [];

  for (const { row, cells } of read.rows) {
    const reasons: Reason[] = [];
    const name = cell(cells, columns.name);
    if (name.length < 2) reasons.push(reason(locale, read.header, columns.name, name ? 'FIELD_TOO_SHORT' : 'FIELD_REQUIRED', { min: 2 }));
    else if (name.length > 120) reasons.push(reason(locale, read.header, columns.name, 'FIELD_TOO_LONG', { max: 120 }));
    const emailParsed = emailSchema.safeParse(cell(cells, columns.email));
    const email = emailParsed.success ? emailParsed.data : '';
    if (!emailParsed.success) reasons.push(reason(locale, read.header, columns.email, cell(cells, columns.email) ? 'FIELD_INVALID_EMAIL' : 'FIELD_REQUIRED'));
    else if (seen.has(email)) reasons.push(reason(locale, read.header, columns.email, 'FIELD_DUPLICATE'));
    const role = csvParseRole(cell(cells, columns.role)) as Role | undefined;
    if (!role) reasons.push(reason(locale, read.header, columns.role, 'FIELD_UNKNOWN_ROLE'));
    else if (!grantable.includes(role)) reasons.push(reason(locale, read.header, columns.role, 'ROLE_NOT_ALLOWED'));
    let institutionId: string | null = null;
    if (role && invitationRoleNeedsInstitution(role)) {
      const value = cell(cells, columns.institution);
      const found = value
        ? institutions.find((i) => i.name.toLowerCase() === value.toLowerCase() || i.brin?.toLowerCase() === value.toLowerCase())
        : institutions.find((i) => i.id === defaultInstitution);
      if (!found) reasons.push(reason(locale, read.header, columns.institution, value ? 'FIELD_UNKNOWN_INSTITUTION' : 'FIELD_INSTITUTION_REQUIRED'));
      else institutionId = found.id;
    }
    const programmeIds: string[] = [];
    const programmeNames = cell(cells, columns.programmes).split(/[|,;]/).map((p) => p.trim()).filter(Boolean);
    for (const programmeName of programmeNames) {
      const found = programmes.find((p) => p.institutionId === institutionId && (p.name.toLowerCase() === programmeName.toLowerCase() || p.code === programmeName));
      if (!found) reasons.push(reason(locale, read.header, columns.programmes, 'FIELD_UNKNOWN_PROGRAMME'));
      else programmeIds.push(found.id);
    }
    if (reasons.length) {
      report.rows.push({ row, status: 'rejected', reasons, summary: [name, email].filter(Boolean).join(' ') });
      report.rejected++;
      continue;
    }
    seen.add(email);
    accepted.push({ row, name, email, role: role!, institutionId, programmeIds });
  }

  const mailIds: string[] = [];
  const write = async () => {
    await deps.db.transaction(async (tx) => {
      for (const item of accepted) {
        const existing = await getPersonByEmail(tx, item.email);
        const personId = existing?.id ?? (await createPerson(tx, { email: item.email, name: item.name, locale }));
        await createMembership(tx, nid, { personId, institutionId: item.institutionId, role: item.role });
        await addPersonProgrammes(tx, nid, personId, item.programmeIds);
        if (existing) report.updated++;
        else report.created++;
        if (input.invite && !existing?.passwordHash) {
          const { mailId } = await createInvitationWithMail(tx, deps, actor, nid, item, request);
          mailIds.push(mailId);
        }
        report.rows.push({ row: item.row, status: 'accepted', reasons: [], summary: `${item.name} <${item.email}> — ${translate(locale, existing ? 'ROW_ACCEPTED_UPDATED' : 'ROW_ACCEPTED_NEW')}` });
      }
      await recordAudit(tx, nid, actor.personId, 'import', 'people', null, { created: report.created, updated: report.updated, rejected: report.rejected });
    });
  };
  if (!input.dryRun && accepted.length) await write();
  else for (const item of accepted) report.rows.push({ row: item.row, status: 'accepted', reasons: [], summary: `${item.name} <${item.email}>` });
  report.accepted = accepted.length;
  report.rows.sort((a, b) => a.row - b.row);
  await deliverMail(deps, mailIds);
  return report;
}

/** Imports programmes (name, institution, ISCED-F field, level, code); an existing one of the same name and level is updated. */
export async function importProgrammes(deps: Deps, actor: Actor, networkId: string, input: { csv: string; dryRun: boolean }): Promise<ImportReport> {
  const nid = policyAuthorize(actor, networkId, 'institution:manage');
  const scope = policyInstitutionScope(actor, networkId, 'institution:manage');
  const locale = actor.locale;
  const read = csvRead(input.csv);
  if (!read.ok) return unusable(locale, input.dryRun, read.reason, read.params);
  const defaultInstitution = scope !== 'all' && scope.length === 1 ? scope[0] : undefined;
  const required = defaultInstitution ? (['name', 'isced', 'level'] as const) : (['name', 'isced', 'level', 'institution'] as const);
  const { columns, missing } = csvMapColumns(read.header, programmeColumns, required);
  if (missing.length) return unusable(locale, input.dryRun, 'CSV_MISSING_COLUMNS', { columns: missing.join(', ') }, missing);
  const institutions = (await listInstitutions(deps.db, nid)).filter((i) => scope === 'all' || scope.includes(i.id));
  const existing = await listProgrammes(deps.db, nid);
  const report: ImportReport = { ok: true, dryRun: input.dryRun, delimiter: read.delimiter, columns: read.header, accepted: 0, rejected: 0, created: 0, updated: 0, rows: [] };
  const accepted: { row: number; institutionId: string; name: string; iscedCode: string; level: ProgrammeLevel; code: string | null; existingId?: string }[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of read.rows) {
    const reasons: Reason[] = [];
    const name = cell(cells, columns.name);
    if (name.length < 2) reasons.push(reason(locale, read.header, columns.name, name ? 'FIELD_TOO_SHORT' : 'FIELD_REQUIRED', { min: 2 }));
    else if (name.length > 160) reasons.push(reason(locale, read.header, columns.name, 'FIELD_TOO_LONG', { max: 160 }));
    const iscedRaw = cell(cells, columns.isced);
    const iscedCode = /^([0-9]{2,4})\b/.exec(iscedRaw)?.[1];
    if (!iscedRaw) reasons.push(reason(locale, read.header, columns.isced, 'FIELD_REQUIRED'));
    else if (!iscedCode) reasons.push(reason(locale, read.header, columns.isced, 'FIELD_INVALID_ISCED'));
    else if (!programmeIscedKnown(iscedCode)) reasons.push(reason(locale, read.header, columns.isced, 'FIELD_UNKNOWN_ISCED'));
    const levelRaw = cell(cells, columns.level);
    const level = csvParseLevel(levelRaw) as ProgrammeLevel | undefined;
    if (!level) reasons.push(reason(locale, read.header, columns.level, levelRaw ? 'FIELD_INVALID_CHOICE' : 'FIELD_REQUIRED', { options: 'vmbo, havo, vwo, mbo 1–4, ad, bachelor, master' }));
    const institutionValue = cell(cells, columns.institution);
    const institution = institutionValue
      ? institutions.find((i) => i.name.toLowerCase() === institutionValue.toLowerCase() || i.brin?.toLowerCase() === institutionValue.toLowerCase())
      : institutions.find((i) => i.id === defaultInstitution);
    if (!institution) reasons.push(reason(locale, read.header, columns.institution, institutionValue ? 'FIELD_UNKNOWN_INSTITUTION' : 'FIELD_REQUIRED'));
    const key = `${institution?.id}|${name.toLowerCase()}|${level}`;
    if (!reasons.length && seen.has(key)) reasons.push(reason(locale, read.header, columns.name, 'FIELD_DUPLICATE'));
    if (reasons.length) {
      report.rows.push({ row, status: 'rejected', reasons, summary: name });
      report.rejected++;
      continue;
    }
    seen.add(key);
    const match = existing.find((p) => p.institutionId === institution!.id && p.name.toLowerCase() === name.toLowerCase() && p.level === level);
    accepted.push({ row, institutionId: institution!.id, name, iscedCode: iscedCode!, level: level!, code: cell(cells, columns.code) || null, ...(match ? { existingId: match.id } : {}) });
  }
  if (!input.dryRun && accepted.length) {
    await deps.db.transaction(async (tx) => {
      for (const item of accepted) {
        if (item.existingId) await updateProgramme(tx, nid, item.existingId, { iscedCode: item.iscedCode, code: item.code });
        else await createProgramme(tx, nid, item);
      }
      await recordAudit(tx, nid, actor.personId, 'import', 'programmes', null, { count: accepted.length });
    });
  }
  for (const item of accepted) {
    if (item.existingId) report.updated++;
    else report.created++;
    report.rows.push({ row: item.row, status: 'accepted', reasons: [], summary: `${item.name} (${item.level}, ISCED ${item.iscedCode}) — ${translate(locale, item.existingId ? 'ROW_ACCEPTED_UPDATED' : 'ROW_ACCEPTED_NEW')}` });
  }
  if (input.dryRun) { report.created = 0; report.updated = 0; }
  report.accepted = accepted.length;
  report.rows.sort((a, b) => a.row - b.row);
  return report;
}

