// autocannon ships no type declarations; the few fields used here are typed below.
// @ts-expect-error no declaration file
import autocannonUntyped from 'autocannon';

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = autocannonUntyped as (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** Runs autocannon against one POST route whose path and body change per request. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  ok: number;
  failed: number;
}

export async function runPostLoad(options: {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  next: () => { path: string; body: unknown; headers: Record<string, string> };
  /** Requests per second across all connections; as fast as possible when absent. */
  rate?: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.baseUrl,
    ...(options.rate && { overallRate: options.rate }),
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>) => {
          const { path, body, headers } = options.next();
          return { ...request, path, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / options.durationSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
