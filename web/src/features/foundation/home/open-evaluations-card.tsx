import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PracticeEvaluationCard, type PracticeEvaluationSource } from '../../../components/practice-evaluation-card.tsx';
import { evaluationOpenItemSchema } from '../../../../../src/domain/foundation/evaluation/schema.ts';

const sources: readonly string[] = ['company_visit', 'speeddate_event', 'cocreation_session'] satisfies PracticeEvaluationSource[];

/**
 * The home page asks for the evaluation of what the person took part in lately (a company visit, a
 * speeddate, a co-creation session) and has not evaluated yet: at most three, newest first. The list is
 * read when the home page opens, so an answered card stays with its thanks until the next visit.
 */
export function OpenEvaluationsHomeCard() {
  const { networkId } = useNetwork();
  const open = useQuery({
    queryKey: [networkId, 'evaluation', 'open'],
    queryFn: () => api.get(`/networks/${networkId}/evaluations`, z.array(evaluationOpenItemSchema)),
    enabled: Boolean(networkId), refetchOnWindowFocus: false,
  });
  if (!open.data?.length) return null;
  return (
    <>
      {open.data.filter((i) => sources.includes(i.source)).slice(0, 3).map((i) => (
        <PracticeEvaluationCard key={`${i.source}-${i.itemId}`} source={i.source as PracticeEvaluationSource} id={i.itemId} networkId={networkId} named />
      ))}
    </>
  );
}
