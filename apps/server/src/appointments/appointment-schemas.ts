import { Type } from 'typebox';
import { Id, Localized } from '../routes/schemas.ts';

export const IsoInstant = Type.String({ format: 'date-time', maxLength: 40 });
export const LocalDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date in the site time zone' });
export const Language = Type.String({ pattern: '^[a-z]{2}$' });
export const PersonName = Type.String({ minLength: 1, maxLength: 80 });
export const Email = Type.String({ format: 'email', maxLength: 254 });

export const AppointmentView = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  queueId: Type.String(),
  categoryId: Type.String(),
  categoryLabel: Localized,
  startsAt: Type.String(),
  endsAt: Type.String(),
  state: Type.Union([Type.Literal('booked'), Type.Literal('arrived'), Type.Literal('cancelled'), Type.Literal('no_show'), Type.Literal('late')]),
  visitId: Type.Union([Type.String(), Type.Null()]),
  visitor: Type.Optional(
    Type.Object({ name: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]), employeeId: Type.Union([Type.String(), Type.Null()]) }),
  ),
});

export const BookedAppointment = Type.Object({
  appointment: AppointmentView,
  manageToken: Type.String({ description: 'Shown once: moves or cancels the booking (the link of the confirmation)' }),
  checkInCode: Type.String({ description: 'Typed or scanned at the kiosk on the day' }),
  calendarFile: Type.String({ description: 'The booking as an iCalendar (.ics) file' }),
});

export const SlotQuery = Type.Object(
  { categoryId: Id, from: LocalDateString, to: Type.Optional(LocalDateString) },
  { additionalProperties: false },
);

export const Slot = Type.Object({ startsAt: Type.String(), endsAt: Type.String(), free: Type.Integer() });
