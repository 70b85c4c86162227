export * from './messages.ts';
export * from './api.ts';
