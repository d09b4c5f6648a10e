// Small pure rules of the company directory.

type Point = { latitude: number | null; longitude: number | null };

/** Great-circle distance in kilometres, one decimal; null when either place has no coordinates. */
export function companyDistanceKm(a: Point, b: Point): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** The nearest distance between any of the viewer's places and any of the company's. */
export function companyNearestKm(from: readonly Point[], to: readonly Point[]): number | null {
  const all = from.flatMap((a) => to.map((b) => companyDistanceKm(a, b))).filter((d): d is number => d !== null);
  return all.length ? Math.min(...all) : null;
}

/** A field filter matches a code when one is a prefix of the other (broad 06 ↔ detailed 0613). */
export function companyFieldMatches(codes: readonly string[], field: string): boolean {
  return codes.some((c) => c.startsWith(field) || field.startsWith(c));
}
