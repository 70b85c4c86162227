import { isTimeToComeOver, visitEndingEvents, waitingInQueue, type ActiveVisitView, type SiteView } from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { listEventHeadersAfterId, readCursor, writeCursor } from '../queries/events.ts';
import type { SiteSetupCache } from '../queries/site-setup-cache.ts';
import { readSiteView } from '../queries/site-view-rows.ts';
import type { NotificationChannel, NotificationMessage } from './notification-channel.ts';
import type { NotificationKind } from './notification-schema.ts';
import { findVisitorSettings } from '../visitor/visitor-settings.ts';
import { cancelUnsent, cancelUnsentKind, ensurePreferences, findNotifyAtPosition, findVisitWording, insertNotification, listSitesAwaitingComeOver, listToldTurnIsNear, listVisitTargets, readVisitTarget } from './notification-store.ts';

export const cursorName = 'notifications';
const ending = new Set<string>(visitEndingEvents);

export type Transact = <T>(work: (trx: Db) => Promise<T>) => Promise<T>;

export interface DecideContext {
  db: Db;
  transact: Transact;
  channels: NotificationChannel[];
  /** Absolute opt-out link for a token (the page that takes the one tap). */
  optOutUrl: (token: string) => string;
  /** The site's current estimates for this state of it; without them, visitors on the way are told by place only. */
  estimatesFor?: (view: SiteView) => Promise<EstimatesPayload | null>;
  /** The sites' views kept in memory from the log (live/live-site-views.ts); without them, views are read from the database. */
  views?: { view(siteId: string): Promise<SiteView> };
  /** Site names and languages (invalidated by configuration changes); without it, read from the database. */
  setups?: SiteSetupCache;
}

/**
 * Reads the log after the cursor and records what to notify, in the same transaction as the cursor
 * move: a crash never loses a decision nor makes one twice. "Almost up" is computed from the site's
 * view, at least as new as the batch, for every site whose events moved people; "called" from the call event.
 * Returns the number of events read.
 */
export async function decideFromNewEvents(ctx: DecideContext, batchSize: number, nowIso: string): Promise<number> {
  // Read first, outside the write transaction (reading a site view opens its own): the views are
  // at least as new as the events read, which is what positions must reflect.
  const after = await readCursor(ctx.db, cursorName);
  const read = await listEventHeadersAfterId(ctx.db, after, batchSize);
  if (read.length === 0) return 0;
  // Without any channel nothing can be decided (every decision is a row per channel), so no site is
  // read: only the cancellations below remain, for rows queued while channels were configured.
  const deciding = ctx.channels.length > 0;
  const events = deciding && ctx.views ? await eventsTheLiveViewsReached(ctx.views, read) : read;
  const sites = new Map<string, SiteFacts>();
  if (deciding) {
    for (const [siteId, seq] of lastVisitSeqBySite(events)) sites.set(siteId, await readSiteFacts(ctx, siteId, seq));
  }
  return ctx.transact(async (trx) => {
    // One worker per database writes this cursor; if it moved meanwhile, this batch was done.
    if ((await readCursor(trx, cursorName)) !== after) return events.length;
    const called: Array<{ visitId: string; siteId: string }> = [];
    const resolved: Array<{ visitId: string; siteId: string }> = [];
    for (const event of events) {
      if (!event.visitId || !event.type.startsWith('visit.')) continue;
      if (ending.has(event.type)) await cancelUnsent(trx, event.visitId, 'visit ended', nowIso);
      if (event.type === 'visit.arrived') await cancelUnsentKind(trx, event.visitId, 'come_over', 'arrived before it was sent', nowIso);
      if (event.type === 'visit.called') called.push({ visitId: event.visitId, siteId: event.siteId });
      if (event.type === 'visit.resolved') resolved.push({ visitId: event.visitId, siteId: event.siteId });
    }
    for (const visit of resolved) {
      const facts = sites.get(visit.siteId);
      if (facts) await decideClosingEmail(ctx, trx, facts, visit, nowIso);
    }
    for (const [siteId, facts] of sites) {
      const decide = (visitId: string, kind: NotificationKind) => decideForVisit(ctx, trx, facts, { visitId, siteId }, kind, nowIso);
      for (const visit of called.filter((c) => c.siteId === siteId)) await decide(visit.visitId, 'called');
      await decideTurnIsNear(ctx, trx, facts, siteId, nowIso);
    }
    await writeCursor(trx, cursorName, events.at(-1)!.id);
    return events.length;
  });
}

/**
 * The events read up to the first one its site's live view has not reached yet; the rest waits for
 * the next pass, which their publication wakes. Under a steady flow of check-ins the last few events
 * read are often committed but not yet published (the group commit publishes once the log is on
 * disk): cutting them off keeps deciding from memory instead of reading those sites from the
 * database. Only when the very first event is not reached (another instance's commits on
 * PostgreSQL, whose notification has not arrived) is the whole batch taken, its sites then read
 * from the database: the log never waits on the views.
 */
async function eventsTheLiveViewsReached<E extends { siteId: string; seq: number; type: string }>(views: NonNullable<DecideContext['views']>, events: E[]): Promise<E[]> {
  for (const [index, event] of events.entries()) {
    if (event.type.startsWith('visit.') && (await views.view(event.siteId)).seq < event.seq) return index === 0 ? events : events.slice(0, index);
  }
  return events;
}

/** Each site with visit events in the batch, and the highest sequence number read for it. */
function lastVisitSeqBySite(events: Array<{ siteId: string; seq: number; type: string }>): Map<string, number> {
  const seqs = new Map<string, number>();
  for (const event of events) {
    if (event.type.startsWith('visit.')) seqs.set(event.siteId, Math.max(seqs.get(event.siteId) ?? 0, event.seq));
  }
  return seqs;
}

export interface SiteFacts {
  view: SiteView;
  name: string;
  language: 'en' | 'fr';
  notifyAt: number;
  /** Visitors on the way are told to come over this many minutes before their expected turn. */
  walkMinutes: number;
  estimates: EstimatesPayload | null;
}

/** What deciding needs about a site, read outside the write transaction (estimates may take a recompute). */
export async function readSiteFacts(ctx: DecideContext, siteId: string, seenSeq?: number): Promise<SiteFacts> {
  const site = await readSiteWording(ctx, siteId);
  const view = await currentSiteView(ctx, siteId, seenSeq);
  const waitingOnTheWay = view.visits.some((visit) => visit.state === 'waiting' && visit.onTheWay);
  return {
    view,
    ...site,
    notifyAt: await findNotifyAtPosition(ctx.db, siteId),
    walkMinutes: (await findVisitorSettings(ctx.db, siteId)).remoteNotifyMinutes,
    // Only visitors on the way need an estimate; sites without any skip the estimator.
    estimates: waitingOnTheWay && ctx.estimatesFor ? await ctx.estimatesFor(view) : null,
  };
}

/**
 * The site's view at least as new as the events read (positions must reflect them). The live view
 * in memory when it is: it costs nothing, where reading the view from the database was most of a
 * pass. It may trail the log, though: a commit is read from the log a moment before its bus message
 * reaches the views, and on PostgreSQL another instance's commits reach this one's views by a
 * notification, later. Deciding from a trailing view would miss whoever those events moved up (or
 * tell someone already called), so then the view is read from the database as before (rarely: see
 * eventsTheLiveViewsReached). Without events read (time passing), there is nothing to compare with:
 * the database is read.
 */
async function currentSiteView(ctx: DecideContext, siteId: string, seenSeq: number | undefined): Promise<SiteView> {
  if (ctx.views && seenSeq !== undefined) {
    const live = await ctx.views.view(siteId);
    if (live.seq >= seenSeq) return live;
  }
  return readSiteView(ctx.db, siteId);
}

/** The site's name and language for the wording; from the setup cache, which configuration changes invalidate. */
async function readSiteWording(ctx: DecideContext, siteId: string): Promise<{ name: string; language: 'en' | 'fr' }> {
  const site = ctx.setups
    ? (await ctx.setups.get(ctx.db, siteId)).site
    : await ctx.db.selectFrom('sites').select(['name', 'default_language as defaultLanguage']).where('id', '=', siteId).executeTakeFirstOrThrow();
  return { name: site.name, language: site.defaultLanguage === 'fr' ? 'fr' : 'en' };
}

/**
 * Estimates shrink as time passes, without any event: sites with a visitor on the way not yet told
 * are looked at again. Idempotent like every decision (one row per visit, kind and channel), so
 * running it after a restart, or beside the log's own pass, never decides twice.
 */
export async function decideComeOverAsTimePasses(ctx: DecideContext, nowIso: string): Promise<void> {
  if (ctx.channels.length === 0) return;
  for (const siteId of await listSitesAwaitingComeOver(ctx.db)) {
    const facts = await readSiteFacts(ctx, siteId);
    await ctx.transact((trx) => decideTurnIsNear(ctx, trx, facts, siteId, nowIso));
  }
}

/** Which "your turn is near" a waiting visitor at this place is due, if any: "come over" while on the way, else "almost up". */
function turnIsNearKind(facts: SiteFacts, visit: ActiveVisitView, position: number): 'almost_up' | 'come_over' | null {
  if (!visit.onTheWay) return position <= facts.notifyAt ? 'almost_up' : null;
  const expectedWaitSeconds = facts.estimates?.visits[visit.id]?.expectedSeconds ?? null;
  return isTimeToComeOver({ position, expectedWaitSeconds, notifyAtPosition: facts.notifyAt, walkMinutes: facts.walkMinutes }) ? 'come_over' : null;
}

/** Waiting visitors whose turn is near, with their place: each queue sorted once, as calling orders it. */
function dueTurnIsNear(facts: SiteFacts): Array<{ visit: ActiveVisitView; position: number; kind: 'almost_up' | 'come_over' }> {
  const due = [];
  for (const queue of new Set(facts.view.visits.map((visit) => visit.queueId))) {
    for (const [index, visit] of waitingInQueue(facts.view, queue).entries()) {
      const kind = turnIsNearKind(facts, visit, index + 1);
      if (kind) due.push({ visit, position: index + 1, kind });
    }
  }
  return due;
}

/**
 * Every waiting visitor of the site whose turn is near is told so once: by place in line, or for
 * visitors on the way by place or estimate, whichever comes first. Used after events and, for
 * visitors on the way, as time passes (estimates shrink without events).
 */
export async function decideTurnIsNear(ctx: DecideContext, trx: Db, facts: SiteFacts, siteId: string, nowIso: string): Promise<void> {
  // Only visitors some channel reaches can be told. The others (no email, no push subscription)
  // stay near the front for many passes: they are left out with one query per site, not several each.
  const near = dueTurnIsNear(facts);
  const targets = await listVisitTargets(trx, near.map(({ visit }) => visit.id));
  const due = near.filter(({ visit }) => {
    const target = targets.get(visit.id);
    return target && ctx.channels.some((channel) => channel.reaches(target));
  });
  // Once per visit: a visitor called before reaching "almost up" is past it, and one told to come
  // over is not told again. Asked once for the site: the front of a long queue was told long ago.
  const told = await listToldTurnIsNear(trx, due.map(({ visit }) => visit.id));
  for (const { visit, position, kind } of due) {
    if (!told.has(visit.id)) await decideForVisit(ctx, trx, facts, { visitId: visit.id, siteId }, kind, nowIso, position);
  }
}

async function decideForVisit(ctx: DecideContext, trx: Db, { view, name, language, estimates }: SiteFacts, visit: { visitId: string; siteId: string }, kind: NotificationKind, nowIso: string, position: number | null = null) {
  const current = view.visits.find((v) => v.id === visit.visitId);
  if (!current) return;
  if (kind === 'called' && current.state !== 'called') return;
  const target = await readVisitTarget(trx, visit, nowIso);
  if (!target) return;
  const preferences = await ensurePreferences(trx, visit, nowIso);
  const desk = current.deskId ? view.desks.find((d) => d.id === current.deskId) : undefined;
  const wording = await findVisitWording(trx, visit.visitId);
  const payload: Omit<NotificationMessage, 'id'> = {
    kind,
    // The language the visitor used at the kiosk; the site's own when they did not choose.
    language: wording.language ?? language,
    siteName: name,
    ticketNumber: current.ticketNumber,
    position,
    ...(kind === 'come_over' ? { expectedMinutes: expectedMinutesOf(estimates, visit.visitId) } : {}),
    deskName: kind === 'called' ? (desk?.name ?? current.deskId ?? null) : null,
    optOutUrl: ctx.optOutUrl(preferences.opt_out_token),
  };
  for (const channel of ctx.channels) {
    if (channel.reaches(target)) await insertNotification(trx, { ...visit, kind, channel: channel.name, payload }, nowIso);
  }
}

/**
 * After a resolution, the visitor with an email gets one closing email asking "how did it go?", with
 * a link per face (added when it is sent). Opted-out visits get nothing; other channels stay quiet.
 */
async function decideClosingEmail(ctx: DecideContext, trx: Db, { name, language }: SiteFacts, visit: { visitId: string; siteId: string }, nowIso: string) {
  const email = ctx.channels.find((channel) => channel.name === 'email');
  const target = email ? await readVisitTarget(trx, visit, nowIso) : null;
  if (!email || !target || !email.reaches(target)) return;
  const preferences = await ensurePreferences(trx, visit, nowIso);
  const wording = await findVisitWording(trx, visit.visitId);
  const payload: Omit<NotificationMessage, 'id'> = {
    kind: 'feedback',
    language: wording.language ?? language,
    siteName: name,
    ticketNumber: wording.ticketNumber,
    position: null,
    deskName: null,
    optOutUrl: ctx.optOutUrl(preferences.opt_out_token),
  };
  await insertNotification(trx, { ...visit, kind: 'feedback', channel: 'email', payload }, nowIso);
}

/** Whole minutes, at least one: "about 0 minutes" would read as "you are late". */
function expectedMinutesOf(estimates: EstimatesPayload | null, visitId: string): number | null {
  const seconds = estimates?.visits[visitId]?.expectedSeconds;
  return seconds === undefined ? null : Math.max(1, Math.round(seconds / 60));
}
