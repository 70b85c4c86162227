import { Type } from 'typebox';
import type { VisitorClientMessage } from '@walkup/protocol';
import { createMessageParser } from '../live/socket-helpers.ts';

const VisitorClientMessageSchema = Type.Union([
  Type.Object({ type: Type.Literal('follow'), token: Type.String({ minLength: 16, maxLength: 128 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('ping'), at: Type.Number() }, { additionalProperties: false }),
]);

/** Parses and validates one message of a visitor's phone page; a reason instead of an exception. */
export const parseVisitorMessage = createMessageParser<VisitorClientMessage>(VisitorClientMessageSchema, 1024);
