/** Service times of one category: how many and their first two moments. */
export interface CategoryServiceTimes {
  categoryId: string;
  count: number;
  meanSeconds: number;
  /** Squared coefficient of variation (variance / mean^2): 1 for exponential times. */
  scv: number;
}

/** Mean and SCV of a list of durations, per category. */
export function serviceTimesByCategory(samples: readonly { categoryId: string; seconds: number }[]): CategoryServiceTimes[] {
  const groups = new Map<string, number[]>();
  for (const s of samples) groups.set(s.categoryId, [...(groups.get(s.categoryId) ?? []), s.seconds]);
  return [...groups].map(([categoryId, values]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    return { categoryId, count: values.length, meanSeconds: mean, scv: mean > 0 ? variance / mean ** 2 : 0 };
  });
}

/**
 * The service time of a visitor drawn from a mixture of categories (weights = expected share of
 * arrivals): mean = sum w_i m_i; second moment = sum w_i m_i^2 (1 + scv_i); SCV = E[S^2]/mean^2 - 1.
 * The mixture's SCV exceeds each part's when the means differ, which is why it is worth reporting.
 */
export function mixServiceTimes(parts: readonly { weight: number; meanSeconds: number; scv: number }[]): { meanSeconds: number; scv: number } {
  const totalWeight = parts.reduce((a, p) => a + p.weight, 0);
  if (totalWeight <= 0) return { meanSeconds: 0, scv: 0 };
  const mean = parts.reduce((a, p) => a + (p.weight / totalWeight) * p.meanSeconds, 0);
  const second = parts.reduce((a, p) => a + (p.weight / totalWeight) * p.meanSeconds ** 2 * (1 + p.scv), 0);
  return { meanSeconds: mean, scv: mean > 0 ? second / mean ** 2 - 1 : 0 };
}
