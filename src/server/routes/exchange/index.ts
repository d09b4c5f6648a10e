import { exchangeModule } from '../../../domain/exchange/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { editionRoutes } from './edition.ts';
import { registrationRoutes } from './registration.ts';
import { matchRoutes } from './match.ts';
import { visitRoutes } from './visit.ts';

export const exchange = serverAreaCreate(exchangeModule, editionRoutes, registrationRoutes, matchRoutes, visitRoutes);
