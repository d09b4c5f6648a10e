import { cocreationModule } from '../../../domain/cocreation/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { sessionRoutes } from './session.ts';
import { profileRoutes } from './profile.ts';
import { liveRoutes } from './live.ts';

export const cocreation = serverAreaCreate(cocreationModule, sessionRoutes, profileRoutes, liveRoutes);
