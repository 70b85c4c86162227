import { Type } from 'typebox';
import type { ClientMessage } from '@walkup/protocol';
import { createMessageParser } from './socket-helpers.ts';

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
  Type.Object(
    { type: Type.Literal('watch_board'), siteIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 200 })) },
    { additionalProperties: false },
  ),
]);

/** Parses and validates one client message; returns a reason instead of throwing on bad input. */
export const parseClientMessage = createMessageParser<ClientMessage>(ClientMessageSchema, 4096);
