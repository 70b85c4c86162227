import { ApiRequestError } from '@walkup/client';

/** A server validation error tied to the form field it names, e.g. `body/lastDay` or `body/message/fr`. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The server starts every validation message with the field's JSON path ("body/lastDay comes
 * before…"); schema errors read the same ("body/firstDay must match pattern…"). Returns null for
 * errors that name no field, which the caller reports as a toast instead.
 */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!(error instanceof ApiRequestError) || error.statusCode >= 500) return null;
  const match = /^(body(?:\/[\w-]+)+):?\s+(.*)$/s.exec(error.message);
  return match ? { path: match[1]!, message: match[2]! } : null;
}

/** The error for a field, if it is the one named (or a part of it: `body/message` covers `body/message/fr`). */
export function errorFor(error: FieldError | null, path: string): string | null {
  if (!error) return null;
  return error.path === path || error.path.startsWith(`${path}/`) ? error.message : null;
}
