import { HttpResponse, delay } from 'msw';

/**
 * Faults a test can switch on for any mock ITSM: the handlers call `faults.apply(kind)` first.
 * `lose-response` lets the ITSM do the work and then drops the connection, the "request sent,
 * response never recorded" case that idempotent creation must survive.
 */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'lose-response' }
  /** Handled normally: lets the first requests of a sequence through (a lookup before the create). */
  | { kind: 'pass' };

/** A one-off fault kept for the next request with this method (a mock that passes its requests). */
export type TargetedFault = Fault & { method?: string };

export function createFaults() {
  let persistent: Fault | null = null;
  const once: TargetedFault[] = [];
  let requests = 0;
  return {
    /** Every request fails this way until `clear()` (an ITSM that is down). */
    always(fault: Fault | null) {
      persistent = fault;
    },
    /** The next requests fail in this order, then the ITSM behaves. */
    next(...faults: TargetedFault[]) {
      once.push(...faults);
    },
    clear() {
      persistent = null;
      once.length = 0;
    },
    get requests() {
      return requests;
    },
    /** Returns a response to send instead of the real one, or null; `lose-response` is reported as `lost`. */
    async before(request?: Request): Promise<Response | 'lost' | null> {
      requests++;
      const head = once[0];
      const targeted = head?.method === undefined || head.method === request?.method;
      const fault = (targeted ? once.shift() : undefined) ?? persistent;
      if (!fault || fault.kind === 'pass') return null;
      if (fault.kind === 'reset') return HttpResponse.error();
      if (fault.kind === 'hang') {
        await delay('infinite');
        return HttpResponse.error();
      }
      if (fault.kind === 'lose-response') return 'lost';
      return HttpResponse.json((fault.body ?? { error: 'injected' }) as any, { status: fault.status, headers: fault.headers });
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

/** Runs the real handler, then drops the answer when the fault said so. */
export async function withFaults(faults: Faults, handle: () => Promise<Response> | Response, request?: Request): Promise<Response> {
  const injected = await faults.before(request);
  if (injected instanceof Response) return injected;
  const response = await handle();
  return injected === 'lost' ? HttpResponse.error() : response;
}
