import { makeSource } from '../../support/exchange-fixture.ts';
import { SCHOOL, type AreaAccess } from '../../support/access.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\nBEGIN:VEVENT\r\nUID:les-1@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Amsterdam:20261124T083000\r\nDTEND;TZID=Europe/Amsterdam:20261124T092000\r\nSUMMARY:WIS 3HA\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

// A person's timetable: themself, or who manages people of their institution.
export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/people/{personId}/timetable', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }) },
    { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/ical', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ ics: ICS }) },
    { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/url', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: (f) => ({ url: f.ex.feedUrl }) },
    { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/csv', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ csv: 'datum;begin;eind;omschrijving\n2026-11-24;08:30;09:20;WIS 3HA\n' }) },
    { method: 'PUT', path: '/networks/{networkId}/people/{personId}/timetable/grid', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ entries: [{ weekday: 1, start: '08:30', end: '09:20', kind: 'lesson', summary: 'Les', location: '' }] }) },
    { method: 'POST', path: '/networks/{networkId}/institutions/{id}/timetable/ical', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ files: [{ fileName: 'onbekend@example.nl.ics', ics: ICS }] }) },
    { method: 'POST', path: '/networks/{networkId}/institutions/{id}/timetable/csv', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ csv: 'docent;datum;begin;eind\nonbekend@example.nl;2026-11-24;08:30;09:20\n' }) },
    { method: 'DELETE', path: '/networks/{networkId}/people/{personId}/timetable/sources/{sourceId}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, params: { personId: f.teacher, sourceId: await makeSource(h, f.nid, f.teacher) } }) },
  ],
  unscoped: [],
};
