export * from './auth.js';
export * from './notify.js';
export * from './org.js';
export * from './policy.js';
export * from './tickets.js';
export * from './timers.js';
