import { sandwichKinds, type OfferKind } from './schema.ts';

// Small pure rules of offers, shared with the web app.

/** Company visits and masterclasses follow the sandwich method: before, during, after. */
export function offerUsesSandwich(kind: OfferKind): boolean {
  return (sandwichKinds as readonly string[]).includes(kind);
}

/** School visits are hosted by schools; the other kinds by companies. */
export function offerKindFitsHost(kind: OfferKind, hostIsCompany: boolean): boolean {
  return kind === 'school_visit' ? !hostIsCompany : hostIsCompany;
}
