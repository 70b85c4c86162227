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

  async function run(action: (technicianId: string, deskId: string) => Promise<unknown>) {
    const { technicianId, deskId } = selection.value;
    if (!technicianId || !deskId || busy.value) return false;
    busy.value = true;
    try {
      await action(technicianId, deskId);
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const onCurrent = (action: (visitId: string, technicianId: string, deskId: string) => Promise<unknown>) => {
    const visit = currentVisit.value;
    return visit ? run((technicianId, deskId) => action(visit.id, technicianId, deskId)) : Promise.resolve(false);
  };

  return {
    busy,
    resolutionNote,
    noShowGraceLeft,
    setPresence: (status: PresenceStatus) =>
      run((technicianId, deskId) => api.setPresence(technicianId, { siteId: selection.value.siteId ?? '', deskId, status })),
    callNext: () =>
      run(async (technicianId, deskId) => {
        const visit = await api.callNext(deskId, { technicianId });
        if (!visit) toasts.show(i18n.t('nobodyWaiting'), 'info');
      }),
    callVisit: (visitId: string) => run((technicianId, deskId) => api.callVisit(visitId, { technicianId, deskId })),
    recall: () => onCurrent((id, technicianId) => api.recall(id, { technicianId })),
    start: () => onCurrent((id, technicianId) => api.start(id, { technicianId })),
    noShow: () => onCurrent((id, technicianId) => api.noShow(id, { technicianId })),
    async resolve() {
      const note = resolutionNote.value.trim();
      if (!currentVisit.value) return false;
      if (!note) {
        toasts.show(i18n.t('noteRequired'));
        return false;
      }
      const ticket = currentVisit.value.ticketNumber;
      const done = await onCurrent((id, technicianId) => api.resolve(id, { technicianId, note }));
      if (done) {
        resolutionNote.value = '';
        toasts.show(i18n.t('done', { ticket }), 'info');
      }
      return done;
    },
    transfer: (queueId: string, reason: string) =>
      onCurrent((id, technicianId) => api.transfer(id, { technicianId, queueId, ...(reason.trim() ? { reason: reason.trim() } : {}) })),
    escalate: (group: string, note: string) =>
      onCurrent((id, technicianId) => api.escalate(id, { technicianId, group, ...(note.trim() ? { note: note.trim() } : {}) })),
  };
}
