import type { ServerArea } from './area.ts';
import { portsCollect, type Ports } from '../domain/area-module.ts';
import { foundation } from './routes/foundation/index.ts';
import { calendar } from './routes/calendar/index.ts';
import { exchange } from './routes/exchange/index.ts';
import { learnerReport } from './routes/learner-report/index.ts';
import { record } from './routes/record/index.ts';
import { example } from './routes/example/index.ts';
import { offer } from './routes/offer/index.ts';
import { speeddate } from './routes/speeddate/index.ts';
import { twinning } from './routes/twinning/index.ts';
import { placement } from './routes/placement/index.ts';
import { cocreation } from './routes/cocreation/index.ts';
import { leerlab } from './routes/leerlab/index.ts';

// The list of areas. Adding an area is one line here (and one in web/src/features/modules.ts);
// the app, the jobs, the error mapper, the message catalogue and the tenant-isolation test loop
// over this list. Order: an area comes after the areas it builds on.
export const areas: readonly ServerArea[] = [
  foundation,
  calendar,
  exchange,
  learnerReport,
  record,
  example,
  offer,
  speeddate,
  twinning,
  placement,
  cocreation,
  leerlab,
];

/** The ports the areas offer each other, for `Deps.ports`. */
export function areasPorts(): Ports {
  return portsCollect(areas.map((a) => a.module));
}
