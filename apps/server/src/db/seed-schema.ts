import { Type, type Static } from 'typebox';
import { connectionNamePattern } from '../itsm/itsm-connections.ts';

const Localized = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String({ minLength: 1, maxLength: 80 }));
// 00:00 to 23:59, and 24:00 for the end of the day; that a range runs forward is checked in config-file-check.ts.
const Clock = Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' });
const TimeRange = Type.Tuple([Clock, Clock]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });

const Choice = Type.Object({
  id: Id,
  icon: Type.String(),
  label: Localized,
  queue: Id,
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 9 })),
  expectedServiceSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86400 })),
  itsm: Type.Optional(
    Type.Object({
      category: Type.Optional(Type.String()),
      subcategory: Type.Optional(Type.String()),
      assignmentGroup: Type.Optional(Type.String()),
      /** Per vendor: Request Tracker queue, Jira Service Management request type, GLPI category. */
      rtQueue: Type.Optional(Type.String({ minLength: 1 })),
      jsmRequestType: Type.Optional(Type.String({ minLength: 1 })),
      glpiCategory: Type.Optional(Type.String({ minLength: 1 })),
    }),
  ),
});

export const SeedSchema = Type.Object({
  sites: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String({ minLength: 1 }),
      timeZone: Type.String(),
      defaultLanguage: Type.String({ pattern: '^[a-z]{2}$' }),
      languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { minItems: 1 }),
      openingHours: Type.Record(Type.String(), Type.Array(TimeRange)),
      /** Minutes before each closing time when check-in stops. */
      checkInCutoffMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
      /** Holidays and one-off closures: local dates, both ends included. */
      closures: Type.Optional(Type.Array(Type.Object({ firstDay: Day, lastDay: Day, message: Localized }))),
      retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
      welcomeText: Type.Optional(Localized),
      logoUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^(https://|/)[^\\s<>"]*$' })),
      showNamesOnDisplay: Type.Optional(Type.Boolean()),
      noShowGraceSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
      escalationGroups: Type.Array(Type.String()),
      /** Name of the site's ITSM connection (WALKUP_ITSM_CONNECTIONS_FILE); absent = `default`, `none` = no tickets. */
      itsmConnection: Type.Optional(Type.String({ pattern: connectionNamePattern })),
      queues: Type.Array(
        Type.Object({
          id: Id,
          prefix: Type.String({ pattern: '^[A-Z]{1,3}$' }),
          name: Localized,
          itsmAssignmentGroup: Type.Optional(Type.String()),
        }),
      ),
      categories: Type.Array(Type.Object({ id: Id, icon: Type.String(), label: Localized, children: Type.Array(Choice, { minItems: 1 }) })),
      desks: Type.Array(Type.Object({ id: Id, name: Type.String() })),
      technicians: Type.Array(Type.Object({ id: Id, name: Type.String(), email: Type.Optional(Type.String()), queues: Type.Array(Id) })),
      /** Present: the site takes appointments out of the box (docs/appointments.md); omitted rules take their defaults. */
      appointments: Type.Optional(
        Type.Object(
          {
            perHour: Type.Record(Id, Type.Integer({ minimum: 0, maximum: 60 })),
            bookAheadDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            cutoffMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
            lateGraceMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
            maxAdvanceMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
            reminderMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
          },
          { additionalProperties: false },
        ),
      ),
    }),
  ),
  directory: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        email: Type.Optional(Type.String()),
        employeeId: Type.Optional(Type.String()),
        badgeId: Type.Optional(Type.String()),
      }),
    ),
  ),
});

export type SeedFile = Static<typeof SeedSchema>;
