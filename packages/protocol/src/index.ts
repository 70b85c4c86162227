export * from './messages.ts';
export * from './api.ts';
export * from './api-admin-types.ts';
export * from './visitor.ts';
export * from './api-report-types.ts';
export * from './api-site-config-types.ts';
export * from './api-site-admin-types.ts';
