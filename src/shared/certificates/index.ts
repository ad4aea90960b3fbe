export * from './claims.js';
export * from './kinds.js';
export * from './number.js';
export * from './verify-offline.js';
