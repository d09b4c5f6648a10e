import { offerModule } from '../../../domain/offer/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { companyRoutes } from './company.ts';
import { offerRoutes } from './offer.ts';
import { registrationRoutes } from './registration.ts';
import { requestRoutes } from './request.ts';
import { sandwichRoutes } from './sandwich.ts';
import { reportRoutes } from './report.ts';
import { teamRoutes } from './team.ts';

export const offer = serverAreaCreate(offerModule, companyRoutes, offerRoutes, registrationRoutes, requestRoutes, sandwichRoutes, reportRoutes, teamRoutes);
