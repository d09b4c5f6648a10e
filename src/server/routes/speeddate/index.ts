import { speeddateModule } from '../../../domain/speeddate/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { speeddateRoutes } from './event.ts';

export const speeddate = serverAreaCreate(speeddateModule, speeddateRoutes);
