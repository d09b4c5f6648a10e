import { zonedDate } from '../../../lib/time.ts';
import type { CalendarEntrySource, RecordActivity, RecordActivitySource } from '../../area-module.ts';
import type { CandidateSource, LearnerReportCandidateSource } from '../../learner-report/public.ts';
import { translate } from '../messages.ts';
import type { OfferKind } from '../offer/schema.ts';
import { listPersonRegistrations } from './data.ts';
import { registrationCreditedHours } from './rules.ts';
import { registrationCalendarEntry } from './actions.ts';

// What the offers give the rest of Kruispunt: hours for the professional record, pre-filled
// learner-report activities, and events for the personal calendar feed.

/** Every place in a session that took place credits the offer's hours. */
export const offerRecordActivities: RecordActivitySource = {
  source: 'offer_registration',
  async list(deps, networkId, personId) {
    const now = deps.now();
    const out: RecordActivity[] = [];
    for (const r of await listPersonRegistrations(deps.db, networkId, personId)) {
      const hours = registrationCreditedHours(Number(r.offer.creditedHours), r.registration, r.session, now);
      if (hours <= 0) continue;
      out.push({
        source: 'offer_registration', sourceId: r.registration.id,
        title: translate('nl', 'RECORD_OFFER_TITLE', { kind: translate('nl', `OFFER_KIND_${r.offer.kind.toUpperCase()}`), title: r.offer.title, host: r.hostName }),
        date: zonedDate(r.session.startAt), hours, contactHours: hours, primaryProcess: r.offer.kind === 'guest_lesson',
        link: `/aanbod/${r.offer.id}`,
      });
    }
    return out;
  },
};

/** The learner-report source of each kind of offer. */
const candidateSourceOf: Record<OfferKind, CandidateSource> = {
  company_visit: 'company_visit', masterclass: 'masterclass', guest_lesson: 'guest_lesson', teacher_internship: 'internship', school_visit: 'school_visit',
};

function candidateSource(source: CandidateSource): LearnerReportCandidateSource {
  return {
    source,
    async list(deps, networkId, personId) {
      const now = deps.now();
      return (await listPersonRegistrations(deps.db, networkId, personId))
        .filter((r) => candidateSourceOf[r.offer.kind as OfferKind] === source && registrationCreditedHours(1, r.registration, r.session, now) > 0)
        .map((r) => ({
          sourceId: r.registration.id,
          date: zonedDate(r.session.startAt),
          title: `${r.offer.title} (${r.hostName})`,
          prefill: {
            description: {
              goal: r.registration.learningQuestions || translate('nl', 'CANDIDATE_OFFER_GOAL', { kind: translate('nl', `OFFER_KIND_${r.offer.kind.toUpperCase()}`), host: r.hostName }),
              involved: r.hostName,
              role: translate('nl', 'CANDIDATE_OFFER_ROLE'),
              setting: r.location ? [r.location.name, r.location.city].join(', ') : r.hostName,
            },
            ...(r.session.takeaways ? { learningOutcomes: r.session.takeaways } : {}),
          },
        }));
    },
  };
}

export const offerLearningCandidates: readonly LearnerReportCandidateSource[] = [...new Set(Object.values(candidateSourceOf))].map(candidateSource);

/** Every registration in the personal feed: a place as confirmed, a cancelled or waitlisted one as cancelled. */
export const offerCalendarEntries: CalendarEntrySource = {
  source: 'offer_registration',
  async list(deps, networkId, personId, locale) {
    return (await listPersonRegistrations(deps.db, networkId, personId))
      .filter((r) => r.registration.status !== 'waitlisted' || r.registration.sequence > 0)
      .map((r) => registrationCalendarEntry({ session: r.session, offer: r.offer, hostName: r.hostName, location: r.location }, r.registration, locale));
  },
};
