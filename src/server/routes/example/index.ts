import { exampleModule } from '../../../domain/example/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { exampleRoutes } from './example.ts';

export const example = serverAreaCreate(exampleModule, exampleRoutes);
