export * from './erlang-c.ts';
export * from './arrival-forecast.ts';
export * from './erlang-a.ts';
export * from './pooled-hourly-forecast.ts';
export * from './service-time-mix.ts';
export * from './staffing-model.ts';
export * from './opening-day-types.ts';
