export * from './local-time.ts';
export * from './appointment-slots.ts';
export * from './appointment-arrival.ts';
export * from './booking-code.ts';
export * from './booked-ahead.ts';
