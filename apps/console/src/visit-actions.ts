import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ActiveVisitView, PresenceStatus } from '@walkup/domain';
import type { SiteConfig } from '@walkup/protocol';
import type { ApiClient, I18n } from '@walkup/client';
import type { ConsoleMessage } from './messages.ts';
import type { Selection } from './selection.ts';
import type { createToasts } from './toasts.ts';

interface ActionDeps {
  api: ApiClient;
  i18n: I18n<ConsoleMessage>;
  toasts: ReturnType<typeof createToasts>;
  selection: Signal<Selection>;
  config: Signal<SiteConfig | null>;
  now: Signal<number>;
  currentVisit: ReadonlySignal<ActiveVisitView | null>;
  reportError: (error: unknown) => void;
}

/**
 * What a technician can do. The server is the judge of every rule (409 with an explanation); the
 * console only disables what is obviously impossible and shows the server's message otherwise.
 */
export function createVisitActions({ api, i18n, toasts, selection, config, now, currentVisit, reportError }: ActionDeps) {
  const busy = signal(false);
  const resolutionNote = signal('');

  /** Seconds left before a no-show may be recorded, counted from the latest call. */
  const noShowGraceLeft = computed(() => {
    const visit = currentVisit.value;
    if (!visit?.calledAt || visit.state !== 'called') return 0;
    const graceMs = (config.value?.noShowGraceSeconds ?? 0) * 1000;
    return Math.max(0, Math.ceil((Date.parse(visit.calledAt) + graceMs - now.value) / 1000));
  });

  // The action in flight. Pressing the same key again while it runs is a double press and is
  // dropped (two "call next" would call two people); a different action (Start right after Call
  // next, before its reply) waits for it instead of being ignored.
  let inFlight: { kind: string; done: Promise<unknown> } | null = null;

  async function run(kind: string, action: (technicianId: string, deskId: string) => Promise<unknown>): Promise<boolean> {
    while (inFlight) {
      if (inFlight.kind === kind) return false;
      await inFlight.done;
    }
    const { technicianId, deskId } = selection.value;
    if (!technicianId || !deskId) return false;
    busy.value = true;
    const attempt = (async () => {
      try {
        return (await action(technicianId, deskId)) !== false;
      } catch (error) {
        reportError(error);
        return false;
      }
    })();
    inFlight = { kind, done: attempt };
    try {
      return await attempt;
    } finally {
      inFlight = null;
      busy.value = false;
    }
  }

  /** Acts on the visit at the desk as it is once any action in flight has finished. */
  const onCurrent = (kind: string, action: (visitId: string, technicianId: string, deskId: string) => Promise<unknown>) =>
    run(kind, (technicianId, deskId) => {
      const visit = currentVisit.value;
      return visit ? action(visit.id, technicianId, deskId) : Promise.resolve(false);
    });

  return {
    busy,
    resolutionNote,
    noShowGraceLeft,
    setPresence: (status: PresenceStatus) =>
      run(`presence-${status}`, (technicianId, deskId) => api.setPresence(technicianId, { siteId: selection.value.siteId ?? '', deskId, status })),
    callNext: () =>
      run('call-next', async (technicianId, deskId) => {
        const visit = await api.callNext(deskId, { technicianId });
        if (!visit) toasts.show(i18n.t('nobodyWaiting'), 'info');
      }),
    callVisit: (visitId: string) => run('call-next', (technicianId, deskId) => api.callVisit(visitId, { technicianId, deskId })),
    recall: () => onCurrent('recall', (id, technicianId) => api.recall(id, { technicianId })),
    start: () => onCurrent('start', (id, technicianId) => api.start(id, { technicianId })),
    noShow: () => onCurrent('noShow', (id, technicianId) => api.noShow(id, { technicianId })),
    async resolve() {
      const note = resolutionNote.value.trim();
      if (!currentVisit.value) return false;
      if (!note) {
        toasts.show(i18n.t('noteRequired'));
        return false;
      }
      const ticket = currentVisit.value.ticketNumber;
      const done = await onCurrent('resolve', (id, technicianId) => api.resolve(id, { technicianId, note }));
      if (done) {
        resolutionNote.value = '';
        toasts.show(i18n.t('done', { ticket }), 'info');
      }
      return done;
    },
    transfer: (queueId: string, reason: string) =>
      onCurrent('transfer', (id, technicianId) => api.transfer(id, { technicianId, queueId, ...(reason.trim() ? { reason: reason.trim() } : {}) })),
    escalate: (group: string, note: string) =>
      onCurrent('escalate', (id, technicianId) => api.escalate(id, { technicianId, group, ...(note.trim() ? { note: note.trim() } : {}) })),
  };
}
