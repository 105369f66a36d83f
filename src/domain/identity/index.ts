export { normaliseEmail } from './email';
export * from './resolve';
