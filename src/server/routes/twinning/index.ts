import { twinningModule } from '../../../domain/twinning/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { twinRoutes } from './twin.ts';

export const twinning = serverAreaCreate(twinningModule, twinRoutes);
