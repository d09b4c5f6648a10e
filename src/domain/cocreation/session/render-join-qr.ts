import { renderSVG } from 'uqr';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { sessionJoinUrl } from './actions.ts';
import { getSession } from './data.ts';
import { policyCocreationFacilitate } from './policy.ts';

/** The QR code for the projector: an SVG of the join link with the session's code. */
export async function renderSessionJoinQr(deps: Deps, actor: Actor, networkId: string, id: string): Promise<string> {
  const nid = policyCocreationFacilitate(actor, networkId);
  const session = await getSession(deps.db, nid, id);
  if (!session) throw new AppError('NOT_FOUND');
  return renderSVG(sessionJoinUrl(deps, session.code), { ecc: 'M', border: 2 });
}
