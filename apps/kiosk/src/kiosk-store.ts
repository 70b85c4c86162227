import { batch, computed, signal } from '@preact/signals';
import { looksLikeBookingCode, type VisitorIdentity } from '@walkup/domain';
import type { CategoryNode, CheckInResponse, SiteConfig } from '@walkup/protocol';
import {
  ApiRequestError,
  createFeedbackApi,
  createSiteStore,
  startDeviceSession,
  syncSiteStore,
  watchSiteConfig,
  toLanguage,
  type ApiClient,
  type FeedbackScore,
  type DeviceStart,
  type SiteConnection,
} from '@walkup/client';
import { problemOf, ticketOfDuplicate, type KioskProblem } from './kiosk-problems.ts';
import { createKioskI18n } from './messages.ts';

export type Screen =
  | { name: 'start' }
  | { name: 'guest' }
  | { name: 'categories'; parentId: string | null }
  | { name: 'confirm'; category: CategoryNode }
  | { name: 'ticket'; ticket: CheckInResponse }
  /** A second check-in of someone already waiting: their ticket, and how to cancel it. */
  | { name: 'already'; ticketNumber: string }
  /** "How did it go?" on the way out: who is rating, then the faces for their visit, then thanks. */
  | { name: 'rate-identify' }
  | { name: 'rate'; ticketNumber: string; feedbackToken: string }
  | { name: 'rated' };

const identifyFields = { badge: 'badgeId', email: 'email', employee_id: 'employeeId' } as const;

/** One visitor's walk through the kiosk, from identification to ticket, plus the live site state. */
export function createKioskStore(api: ApiClient) {
  const i18n = createKioskI18n();
  const site = createSiteStore();
  const siteId = signal<string | null>(null);
  const config = signal<SiteConfig | null>(null);
  const screen = signal<Screen>({ name: 'start' });
  const visitor = signal<VisitorIdentity | null>(null);
  /** First name from the directory, for the greeting only: check-in sends just what was entered. */
  const greeting = signal<string | null>(null);
  const busy = signal(false);
  /** A translated problem shown on the current screen; cleared when the visitor moves on. */
  const problem = signal<KioskProblem | null>(null);
  /** Bumped on every reset so screens remount with empty inputs. */
  const session = signal(0);
  /** No device token yet (or it was revoked): the pairing form replaces everything else. */
  const needsPairing = signal(false);
  let connection: SiteConnection | null = null;
  let stopConfigWatch: (() => void) | null = null;

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
    stopConfigWatch?.();
    stopConfigWatch = watchSiteConfig(site, async () => {
      config.value = await api.getSiteConfig(start.siteId);
    });
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
      problem.value = problemOf(error);
      // Kiosks run unattended: keep trying until the server is back.
      setTimeout(() => void load(), 10_000);
    }
  }

  function reset() {
    batch(() => {
      visitor.value = null;
      greeting.value = null;
      busy.value = false;
      session.value += 1;
      if (config.value) i18n.lang.value = toLanguage(config.value.defaultLanguage);
      go({ name: 'start' });
    });
  }

  /**
   * The server tries what was entered as a badge, an employee id and an email, in that order; the
   * kiosk only learns whether it matched and a first name. Unknown entries stay unknown: the visitor
   * checks it or continues as a guest, so a raw number never becomes anyone's name.
   */
  async function identify(raw: string) {
    const value = raw.trim();
    if (!value || !siteId.value || busy.value) return;
    busy.value = true;
    try {
      if (looksLikeBookingCode(value) && (await checkInWithBookingCode(value))) return;
      const match = await api.identify(siteId.value, { identifier: value });
      batch(() => {
        visitor.value = { kind: match.kind, [identifyFields[match.kind]]: value };
        greeting.value = match.displayName;
        go({ name: 'categories', parentId: null });
      });
    } catch (error) {
      if (!isUnauthenticated(error)) problem.value = problemOf(error);
    } finally {
      busy.value = false;
    }
  }

  /** True when the code matched a booking (ticket shown); false lets the entry be tried as a badge or id. */
  async function checkInWithBookingCode(code: string): Promise<boolean> {
    try {
      go({ name: 'ticket', ticket: await api.checkInWithBookingCode(siteId.value!, code.trim()) });
      return true;
    } catch (error) {
      if (error instanceof ApiRequestError && error.statusCode === 404) return false;
      throw error;
    }
  }

  function continueAsGuest(name: string, email = '') {
    if (!name.trim()) return;
    visitor.value = { kind: 'guest', name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}) };
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
        // Notifications then speak the language the visitor chose here.
        language: i18n.lang.value,
      });
      go({ name: 'ticket', ticket });
    } catch (error) {
      const duplicate = ticketOfDuplicate(error);
      if (duplicate) go({ name: 'already', ticketNumber: duplicate });
      else if (!isUnauthenticated(error)) problem.value = problemOf(error);
    } finally {
      busy.value = false;
    }
  }

  /** The badge or email scanned on the way out finds the visit to rate (404: nothing to rate today). */
  async function lookUpVisitToRate(raw: string) {
    const value = raw.trim();
    if (!value || !siteId.value || busy.value) return;
    busy.value = true;
    try {
      const found = await api.lookUpFeedback(siteId.value, value);
      go({ name: 'rate', ...found });
    } catch (error) {
      if (!isUnauthenticated(error)) problem.value = problemOf(error);
    } finally {
      busy.value = false;
    }
  }

  async function rateVisit(feedbackToken: string, score: FeedbackScore, comment: string) {
    if (busy.value) return;
    busy.value = true;
    try {
      await createFeedbackApi(feedbackToken).giveFeedback({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      go({ name: 'rated' });
    } catch (error) {
      // Given meanwhile (from the phone, the email): thank them all the same.
      if (error instanceof ApiRequestError && error.code === 'feedback_given') go({ name: 'rated' });
      else problem.value = problemOf(error);
    } finally {
      busy.value = false;
    }
  }

  /** "I changed my mind" on the ticket screen: the server lets this kiosk cancel only this ticket, only now. */
  async function cancelTicket(ticket: CheckInResponse): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      await api.cancelVisit(ticket.id, { reason: 'cancelled by the visitor at the kiosk' });
      return true;
    } catch (error) {
      if (isUnauthenticated(error)) return false;
      problem.value = error instanceof ApiRequestError && error.statusCode === 403 ? { key: 'cancelRefused' } : problemOf(error);
      return false;
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
    greeting,
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
    cancelTicket,
    goToGuest: () => go({ name: 'guest' }),
    goToRating: () => go({ name: 'rate-identify' }),
    lookUpVisitToRate,
    rateVisit,
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;
