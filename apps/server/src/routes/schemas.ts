import { Type } from 'typebox';

/** Shared request and response schemas; every route declares its own from these pieces. */
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
export const Uuid = Type.String({ format: 'uuid' });

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

export const Localized = Type.Record(Type.String(), Type.String());

export const WaitEstimate = Type.Union([
  Type.Object({
    expectedSeconds: Type.Integer(),
    lowSeconds: Type.Integer(),
    highSeconds: Type.Integer(),
    form: Type.Optional(Type.Union([Type.Literal('range'), Type.Literal('open_range'), Type.Literal('at_least')], { description: "How to say it: a range, a range whose top is '60+ min', or 'more than {lowSeconds}'" })),
  }),
  Type.Null(),
]);

/** A queue nobody serves now (site closed, or no technician available), with when someone is expected. */
export const NobodyServing = Type.Object({
  reason: Type.Union([Type.Literal('closed'), Type.Literal('no_technician')]),
  backAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const VisitorIdentity = Type.Object(
  {
    kind: Type.Union([Type.Literal('badge'), Type.Literal('email'), Type.Literal('employee_id'), Type.Literal('guest')]),
    badgeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9:_-]+$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false },
);

export const Visit = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  queueId: Type.String(),
  categoryId: Type.String(),
  ticketNumber: Type.String(),
  priority: Type.Integer(),
  state: Type.String(),
  visitor: VisitorIdentity,
  note: Type.Union([Type.String(), Type.Null()]),
  checkedInAt: Type.String(),
  calledAt: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  deskId: Type.Union([Type.String(), Type.Null()]),
  technicianId: Type.Union([Type.String(), Type.Null()]),
  callCount: Type.Integer(),
});

export const errorResponses = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
