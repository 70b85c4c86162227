export * from './adapter.ts';
export * from './config.ts';
export * from './create-adapter.ts';
export * from './noop-adapter.ts';
export { signWebhook } from './webhook-adapter.ts';
export { redact, retryAfterSeconds } from './http.ts';
