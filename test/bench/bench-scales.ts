// The sizes the bench generates. `national` is the Netherlands (35 arbeidsmarktregio's, 342 gemeenten) at the volume of
// issue 9; `small` is the same shape at a size that builds and runs in about a minute, for everyday use.

export interface BenchScale {
  name: 'small' | 'national';
  regions: number;
  municipalities: number;
  clients: number;
  /** Skew of municipality sizes (Zipf exponent): the largest municipality has about 5% of all clients at 0.65. */
  municipalitySkew: number;
  /** Share of clients that moved to a second placement after a route switch (the first one ENDED, SWITCHED_ROUTE). */
  switchShare: number;
  /** Concurrent users in the concurrency runs, and the measured runs per operation. */
  sequentialRuns: number;
  concurrentRequests: number;
}

export const SCALES: Record<BenchScale['name'], BenchScale> = {
  national: { name: 'national', regions: 35, municipalities: 342, clients: 60_000, municipalitySkew: 0.65, switchShare: 0.125, sequentialRuns: 40, concurrentRequests: 100 },
  small: { name: 'small', regions: 3, municipalities: 30, clients: 3_000, municipalitySkew: 0.65, switchShare: 0.125, sequentialRuns: 25, concurrentRequests: 50 },
};

/** The 35 arbeidsmarktregio's, for names only. */
export const REGION_NAMES = [
  'Groningen', 'Friesland', 'Drenthe', 'Regio Zwolle', 'Twente', 'Stedendriehoek en Noordwest-Veluwe', 'Achterhoek',
  'Midden-Gelderland', 'Rijk van Nijmegen', 'FoodValley', 'Midden-Utrecht', 'Amersfoort', 'Gooi en Vechtstreek',
  'Groot Amsterdam', 'Zaanstreek/Waterland', 'Noord-Holland Noord', 'Zuid-Kennemerland en IJmond', 'Holland Rijnland',
  'Zuid-Holland Centraal', 'Haaglanden', 'Midden-Holland', 'Rijnmond', 'Drechtsteden', 'Gorinchem', 'Zeeland',
  'West-Brabant', 'Midden-Brabant', 'Noordoost-Brabant', 'Zuidoost-Brabant', 'Helmond-De Peel', 'Noord-Limburg',
  'Midden-Limburg', 'Zuid-Limburg', 'Flevoland', 'Rivierenland',
] as const;

/** Clients per municipality: Zipf-skewed sizes that add up to exactly `clients`, largest first, at least 10 each. */
export function municipalitySizes(scale: BenchScale): number[] {
  const weights = Array.from({ length: scale.municipalities }, (_, i) => 1 / (i + 1) ** scale.municipalitySkew);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(10, Math.floor((w / total) * scale.clients)));
  let rest = scale.clients - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % sizes.length) {
    const step = rest > 0 ? 1 : -1;
    if (step < 0 && sizes[i] <= 10) continue;
    sizes[i] += step;
    rest -= step;
  }
  return sizes;
}
