import { Type } from 'typebox';
import { Localized, NobodyServing, WaitEstimate } from '../routes/schemas.ts';

/** Every visitor route takes the token in this header: a cross-site page cannot set it without CORS. */
export const VisitorTokenHeaders = Type.Object({ 'x-visit-token': Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) });

export const VisitorTicketSchema = Type.Object({
  siteName: Type.String(),
  ticketNumber: Type.String(),
  queue: Type.Object({ id: Type.String(), name: Localized }),
  state: Type.Union([Type.Literal('waiting'), Type.Literal('called'), Type.Literal('in_service')]),
  position: Type.Union([Type.Integer(), Type.Null()]),
  estimate: WaitEstimate,
  nobodyServing: Type.Union([NobodyServing, Type.Null()]),
  timeZone: Type.String(),
  desk: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  calledAt: Type.Union([Type.String(), Type.Null()]),
  awayUntil: Type.Union([Type.String(), Type.Null()]),
  onTheWay: Type.Boolean(),
  stepAwayLeftMinutes: Type.Integer(),
  broadcast: Type.Union([Type.Object({ message: Type.String(), expiresAt: Type.String() }), Type.Null()]),
});

export const VisitorLinkSchema = Type.Object({ visitorLink: Type.String() });

/** One tap of three faces (1 unhappy, 2 neutral, 3 happy) and an optional comment. */
export const FeedbackBody = Type.Object(
  { score: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]), comment: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const FeedbackStatus = Type.Object({ open: Type.Boolean(), ticketNumber: Type.String() });
