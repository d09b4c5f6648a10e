import { recordModule } from '../../../domain/record/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { entryRoutes } from './entry.ts';
import { credentialRoutes } from './credential.ts';
import { followUpRoutes } from './follow-up.ts';

export const record = serverAreaCreate(recordModule, entryRoutes, credentialRoutes, followUpRoutes);
