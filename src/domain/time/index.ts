export * from './zone';
export * from './months';
