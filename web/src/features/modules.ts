import type { WebModule } from '../app/web-module.ts';
import { foundationWebModule } from './foundation/module.tsx';
import { calendarWebModule } from './calendar/module.tsx';
import { exchangeWebModule } from './exchange/module.tsx';
import { learnerReportWebModule } from './learner-report/module.tsx';
import { offerWebModule } from './offer/module.tsx';
import { speeddateWebModule } from './speeddate/module.tsx';
import { twinningWebModule } from './twinning/module.tsx';
import { placementWebModule } from './placement/module.tsx';
import { cocreationWebModule } from './cocreation/module.tsx';
import { leerlabWebModule } from './leerlab/module.tsx';
import { recordWebModule } from './record/module.tsx';
import { exampleWebModule } from './example/module.tsx';

// The areas of the browser app. Adding an area is one line here (and one in src/server/modules.ts);
// the router, the menu, the header and the message catalogue loop over this list.
export const webModules: readonly WebModule[] = [
  foundationWebModule,
  calendarWebModule,
  exchangeWebModule,
  learnerReportWebModule,
  offerWebModule,
  speeddateWebModule,
  twinningWebModule,
  placementWebModule,
  cocreationWebModule,
  leerlabWebModule,
  recordWebModule,
  exampleWebModule,
];
