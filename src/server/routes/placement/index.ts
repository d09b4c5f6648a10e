import { placementModule } from '../../../domain/placement/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { roundRoutes } from './round.ts';

export const placement = serverAreaCreate(placementModule, roundRoutes);
