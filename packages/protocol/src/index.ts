export * from './messages.ts';
export * from './api.ts';
export * from './api-admin-types.ts';
