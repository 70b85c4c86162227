import { InvalidInputError } from './errors.ts';

/** A short message to everyone waiting at a site ("we are running 15 minutes late"). */
export interface SiteBroadcast {
  message: string;
  postedAt: string;
  expiresAt: string;
}

/** Long enough for a sentence or two, short enough to read from across a waiting room. */
export const broadcastMaxLength = 200;
export const broadcastDefaultMinutes = 60;
/** A message left up for days is stale by then; a working day is the longest it may stay. */
export const broadcastMaxMinutes = 12 * 60;

/**
 * Checks a message to post and works out when it expires. The text is kept as typed (whatever the
 * language), only trimmed and with runs of white space folded so a screen never shows blank lines.
 */
export function prepareBroadcast(request: { message: string; expiresInMinutes?: number; nowMs: number }): SiteBroadcast {
  const message = request.message.replace(/\s+/g, ' ').trim();
  if (message.length === 0) throw new InvalidInputError('empty_broadcast', 'the message is empty; type what waiting visitors should know');
  if ([...message].length > broadcastMaxLength) {
    throw new InvalidInputError('broadcast_too_long', `the message has ${[...message].length} characters; at most ${broadcastMaxLength} fit on the screens`);
  }
  const minutes = request.expiresInMinutes ?? broadcastDefaultMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > broadcastMaxMinutes) {
    throw new InvalidInputError('bad_expiry', `the message must expire after 1 to ${broadcastMaxMinutes} minutes`);
  }
  return { message, postedAt: new Date(request.nowMs).toISOString(), expiresAt: new Date(request.nowMs + minutes * 60_000).toISOString() };
}

/** The broadcast screens should show now: none once it has expired. */
export function currentBroadcast(broadcast: SiteBroadcast | null | undefined, nowMs: number): SiteBroadcast | null {
  return broadcast && Date.parse(broadcast.expiresAt) > nowMs ? broadcast : null;
}
