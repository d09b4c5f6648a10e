import { foundationModule } from '../../../domain/foundation/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { healthRoutes } from './health.ts';
import { authRoutes } from './auth.ts';
import { organisationRoutes } from './organisation.ts';
import { peopleRoutes } from './people.ts';
import { referenceRoutes } from './reference.ts';
import { identityProviderRoutes } from './identity-provider.ts';
import { privacyRoutes } from './privacy.ts';
import { evaluationRoutes } from './evaluation.ts';

export const foundation = serverAreaCreate(foundationModule, healthRoutes, authRoutes, organisationRoutes, peopleRoutes, referenceRoutes, identityProviderRoutes, privacyRoutes, evaluationRoutes);
