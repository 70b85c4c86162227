import { Type, type Static } from 'typebox';

/** Request and response schemas of the configuration routes. */
export const ConfigId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'lower-case letters, digits and dashes' });
export const LanguageCode = Type.String({ pattern: '^[a-z]{2}$' });
export const LocalizedInput = Type.Record(LanguageCode, Type.String({ minLength: 1, maxLength: 80 }), { minProperties: 1 });
export const LongLocalizedInput = Type.Record(LanguageCode, Type.String({ minLength: 1, maxLength: 500 }), { minProperties: 1 });
export const Clock = Type.String({ pattern: '^\\d{2}:\\d{2}$' });
export const OpeningHoursInput = Type.Record(Type.String({ maxLength: 3 }), Type.Array(Type.Tuple([Clock, Clock]), { maxItems: 6 }));
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const GroupName = Type.String({ minLength: 1, maxLength: 80 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ItsmVendorFieldsInput = Type.Object(
  {
    rtQueue: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    jsmRequestType: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    glpiCategory: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const AdminSite = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: Type.String(),
  languages: Type.Array(Type.String()),
  archived: Type.Boolean(),
});

const Localized = Type.Record(Type.String(), Type.String());

export const AdminSetup = Type.Object({
  site: Type.Object({
    ...AdminSite.properties,
    openingHours: Type.Record(Type.String(), Type.Array(Type.Tuple([Type.String(), Type.String()]))),
    checkInCutoffMinutes: Type.Integer(),
    closures: Type.Array(Type.Object({ id: Type.String(), firstDay: Type.String(), lastDay: Type.String(), message: Localized })),
    noShowGraceSeconds: Type.Integer(),
    escalationGroups: Type.Array(Type.String()),
    showNamesOnDisplay: Type.Boolean(),
    welcomeText: Nullable(Localized),
    logoUrl: Nullable(Type.String()),
  }),
  queues: Type.Array(
    Type.Object({ id: Type.String(), prefix: Type.String(), name: Localized, itsmAssignmentGroup: Nullable(Type.String()), archived: Type.Boolean(), waitingCount: Type.Integer() }),
  ),
  categories: Type.Array(
    Type.Object({
      id: Type.String(),
      parentId: Nullable(Type.String()),
      label: Localized,
      icon: Type.String(),
      queueId: Nullable(Type.String()),
      priority: Type.Integer(),
      expectedServiceSeconds: Type.Integer(),
      itsmCategory: Nullable(Type.String()),
      itsmSubcategory: Nullable(Type.String()),
      itsmAssignmentGroup: Nullable(Type.String()),
      itsmVendorFields: ItsmVendorFieldsInput,
      archived: Type.Boolean(),
    }),
  ),
  desks: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), archived: Type.Boolean() })),
  technicians: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()), queueIds: Type.Array(Type.String()), archived: Type.Boolean() })),
});

export type AdminSetupView = Static<typeof AdminSetup>;
export const SiteParams = Type.Object({ siteId: ConfigId });
