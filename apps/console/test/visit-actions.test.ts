import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { ActiveVisitView } from '@walkup/domain';
import type { ApiClient } from '@walkup/client';
import { createConsoleI18n } from '../src/messages.ts';
import { createVisitActions } from '../src/visit-actions.ts';
import { createToasts } from '../src/toasts.ts';

/** A call whose reply the test releases, to stand for a request still on its way. */
function pending<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

function setup() {
  const calls: string[] = [];
  const callReply = pending<ActiveVisitView | null>();
  const currentVisit = signal<ActiveVisitView | null>(null);
  const api = {
    callNext: (deskId: string) => {
      calls.push(`call-next ${deskId}`);
      return callReply.promise;
    },
    start: async (visitId: string) => {
      calls.push(`start ${visitId}`);
    },
  } as unknown as ApiClient;
  const actions = createVisitActions({
    api,
    i18n: createConsoleI18n(),
    toasts: createToasts(),
    selection: signal({ siteId: 'hq', technicianId: 'tech-alex', deskId: 'hq-desk-1' }),
    config: signal(null),
    now: signal(0),
    currentVisit,
    reportError: (error) => {
      throw error;
    },
  });
  return { actions, calls, callReply, currentVisit };
}

describe('keyboard actions at the desk', () => {
  it('drops a second "call next" pressed while the first is on its way: one person called', async () => {
    const { actions, calls, callReply } = setup();
    const first = actions.callNext();
    const second = actions.callNext();
    expect(await second).toBe(false);
    callReply.release(null);
    expect(await first).toBe(true);
    expect(calls).toEqual(['call-next hq-desk-1']);
  });

  it('runs "start" pressed before the call’s reply once the call is done, on the visit called', async () => {
    const { actions, calls, callReply, currentVisit } = setup();
    const call = actions.callNext();
    const start = actions.start();
    // The live update of the call arrives before its HTTP reply, as it does on a busy server.
    currentVisit.value = { id: 'visit-1', ticketNumber: 'H-001', state: 'called' } as ActiveVisitView;
    expect(calls).toEqual(['call-next hq-desk-1']);
    callReply.release(currentVisit.value);
    expect(await call).toBe(true);
    expect(await start).toBe(true);
    expect(calls).toEqual(['call-next hq-desk-1', 'start visit-1']);
    expect(actions.busy.value).toBe(false);
  });
});
