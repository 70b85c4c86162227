import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { ClientMessage } from '@walkup/protocol';

const ClientMessageSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal('subscribe'),
      siteId: Type.String({ minLength: 1, maxLength: 64 }),
      view: Type.Union([Type.Literal('display'), Type.Literal('console'), Type.Literal('kiosk')]),
      sinceSeq: Type.Optional(Type.Integer({ minimum: 0 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('ping'), at: Type.Number() }, { additionalProperties: false }),
]);

const validator = Compile(ClientMessageSchema);

/** Parses and validates one client message; returns a reason instead of throwing on bad input. */
export function parseClientMessage(raw: string): { ok: true; message: ClientMessage } | { ok: false; reason: string } {
  if (raw.length > 4096) return { ok: false, reason: 'message too large' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'message is not valid JSON' };
  }
  if (!validator.Check(data)) {
    const first = [...validator.Errors(data)][0];
    return { ok: false, reason: `invalid message${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}` };
  }
  return { ok: true, message: data as ClientMessage };
}
