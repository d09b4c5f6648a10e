import { leerlabModule } from '../../../domain/leerlab/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { leerlabRoutes } from './leerlab.ts';
import { sessionRoutes } from './session.ts';
import { checklistRoutes } from './checklist.ts';
import { pupilRoutes } from './pupil.ts';
import { evaluationRoutes } from './evaluation.ts';

export const leerlab = serverAreaCreate(leerlabModule, leerlabRoutes, sessionRoutes, checklistRoutes, pupilRoutes, evaluationRoutes);
