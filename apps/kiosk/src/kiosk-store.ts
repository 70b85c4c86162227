import { batch, computed, signal } from '@preact/signals';
import type { VisitorIdentity } from '@walkup/domain';
import type { CategoryNode, CheckInResponse, SiteConfig } from '@walkup/protocol';
import {
  ApiRequestError,
  createSiteStore,
  startDeviceSession,
  syncSiteStore,
  toLanguage,
  type ApiClient,
  type DeviceStart,
  type SiteConnection,
} from '@walkup/client';
import type { EntryKind } from './entry-kind.ts';
import { createKioskI18n, type KioskMessage } from './messages.ts';

export type Screen =
  | { name: 'start' }
  | { name: 'guest' }
  | { name: 'categories'; parentId: string | null }
  | { name: 'confirm'; category: CategoryNode }
  | { name: 'ticket'; ticket: CheckInResponse };

const identifyFields = { badge: 'badgeId', email: 'email', employee_id: 'employeeId' } as const;

/** One visitor's walk through the kiosk, from identification to ticket, plus the live site state. */
export function createKioskStore(api: ApiClient) {
  const i18n = createKioskI18n();
  const site = createSiteStore();
  const siteId = signal<string | null>(null);
  const config = signal<SiteConfig | null>(null);
  const screen = signal<Screen>({ name: 'start' });
  const visitor = signal<VisitorIdentity | null>(null);
  const busy = signal(false);
  /** A translated problem shown on the current screen; cleared when the visitor moves on. */
  const problem = signal<KioskMessage | null>(null);
  /** Bumped on every reset so screens remount with empty inputs. */
  const session = signal(0);
  /** No device token yet (or it was revoked): the pairing form replaces everything else. */
  const needsPairing = signal(false);
  let connection: SiteConnection | null = null;

  // The live estimates know about opening hours as time passes; the config only knew at load.
  const open = computed(() => site.estimates.value?.open ?? config.value?.open ?? true);

  function go(next: Screen) {
    batch(() => {
      problem.value = null;
      screen.value = next;
    });
  }

  async function openSite(start: Extract<DeviceStart, { kind: 'ready' }>) {
    const loaded = await api.getSiteConfig(start.siteId);
    batch(() => {
      needsPairing.value = false;
      problem.value = null;
      siteId.value = start.siteId;
      config.value = loaded;
      i18n.lang.value = toLanguage(loaded.defaultLanguage);
    });
    connection?.close();
    connection = syncSiteStore(site, { siteId: start.siteId, view: 'kiosk', token: start.token });
  }

  /** A revoked device token shows the pairing form again instead of failing forever. */
  function isUnauthenticated(error: unknown): boolean {
    if (!(error instanceof ApiRequestError && error.statusCode === 401)) return false;
    connection?.close();
    needsPairing.value = true;
    return true;
  }

  async function load() {
    try {
      const start = await startDeviceSession(api);
      if (start.kind === 'needs_pairing') needsPairing.value = true;
      else await openSite(start);
    } catch (error) {
      if (isUnauthenticated(error)) return;
      problem.value = 'error';
      // Kiosks run unattended: keep trying until the server is back.
      setTimeout(() => void load(), 10_000);
    }
  }

  function reset() {
    batch(() => {
      visitor.value = null;
      busy.value = false;
      session.value += 1;
      if (config.value) i18n.lang.value = toLanguage(config.value.defaultLanguage);
      go({ name: 'start' });
    });
  }

  async function identify(kind: EntryKind, raw: string) {
    const value = raw.trim();
    if (!value || !siteId.value || busy.value) return;
    const field = identifyFields[kind];
    busy.value = true;
    try {
      const person = await api.identify(siteId.value, { [field]: value } as Record<typeof field, string>);
      visitor.value = { kind, [field]: value, name: person.name };
      go({ name: 'categories', parentId: null });
    } catch (error) {
      if (error instanceof ApiRequestError && error.statusCode === 404) {
        if (kind === 'badge') {
          problem.value = 'badgeUnknown';
        } else {
          // Not in the directory (new hire, contractor): serve them anyway with what they typed.
          visitor.value = { kind, [field]: value };
          go({ name: 'categories', parentId: null });
        }
      } else if (error instanceof ApiRequestError && error.statusCode === 400) {
        problem.value = 'invalidEntry';
      } else if (!isUnauthenticated(error)) {
        problem.value = 'error';
      }
    } finally {
      busy.value = false;
    }
  }

  function continueAsGuest(name: string) {
    if (!name.trim()) return;
    visitor.value = { kind: 'guest', name: name.trim() };
    go({ name: 'categories', parentId: null });
  }

  const categories = computed(() => config.value?.categories ?? []);
  const childrenOf = (parentId: string | null) => categories.value.filter((c) => c.parentId === parentId);

  function chooseCategory(category: CategoryNode) {
    if (childrenOf(category.id).length > 0) go({ name: 'categories', parentId: category.id });
    else go({ name: 'confirm', category });
  }

  function back() {
    const current = screen.value;
    if (current.name === 'confirm') go({ name: 'categories', parentId: current.category.parentId });
    else if (current.name === 'categories' && current.parentId !== null) {
      const parent = categories.value.find((c) => c.id === current.parentId);
      go({ name: 'categories', parentId: parent?.parentId ?? null });
    } else reset();
  }

  async function checkIn(category: CategoryNode, note: string) {
    if (!siteId.value || !visitor.value || busy.value) return;
    busy.value = true;
    try {
      const trimmed = note.trim();
      const ticket = await api.checkIn(siteId.value, {
        categoryId: category.id,
        visitor: visitor.value,
        ...(trimmed ? { note: trimmed } : {}),
      });
      go({ name: 'ticket', ticket });
    } catch (error) {
      if (!isUnauthenticated(error)) problem.value = 'error';
    } finally {
      busy.value = false;
    }
  }

  return {
    i18n,
    site,
    siteId,
    config,
    open,
    screen,
    visitor,
    busy,
    problem,
    session,
    needsPairing,
    api,
    load,
    openSite,
    reset,
    identify,
    continueAsGuest,
    childrenOf,
    chooseCategory,
    back,
    checkIn,
    goToGuest: () => go({ name: 'guest' }),
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;
