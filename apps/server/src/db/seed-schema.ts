import { Type, type Static } from 'typebox';
import { connectionNamePattern } from '../itsm/itsm-connections.ts';

const Localized = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String({ minLength: 1, maxLength: 80 }));
const TimeRange = Type.Tuple([Type.String({ pattern: '^\\d{2}:\\d{2}$' }), Type.String({ pattern: '^\\d{2}:\\d{2}$' })]);
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
    }),
  ),
});

export const SeedSchema = Type.Object({
  sites: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String({ minLength: 1 }),
      timeZone: Type.String(),
      defaultLanguage: Type.String(),
      languages: Type.Array(Type.String(), { minItems: 1 }),
      openingHours: Type.Record(Type.String(), Type.Array(TimeRange)),
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
