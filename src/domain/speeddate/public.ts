import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { listChoices, listEventRows, listParticipants } from './event/data.ts';
import { speeddateMutualPairs } from './event/rules.ts';

// What other areas may use of speeddates: the pairs (teacher, professional) who chose each other
// after an event, which Job Twinning turns into suggestions.

export async function speeddateMutualChoices(tx: Tx, nid: AuthorizedNetworkId): Promise<{ teacherId: string; professionalId: string; eventId: string; eventTitle: string }[]> {
  const events = await listEventRows(tx, nid);
  if (events.length === 0) return [];
  const participants = await listParticipants(tx, nid, events.map((e) => e.id));
  const choices = await listChoices(tx, nid);
  return events.flatMap((e) => {
    const teachers = new Set(participants.filter((p) => p.participant.eventId === e.id && p.participant.role === 'teacher').map((p) => p.participant.personId));
    return speeddateMutualPairs(choices.filter((c) => c.eventId === e.id), teachers).map((m) => ({ ...m, eventId: e.id, eventTitle: e.title }));
  });
}
