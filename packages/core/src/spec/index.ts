export type * from './chat.js';
export type * from './config.js';
export type * from './messages.js';
export type * from './models.js';
export type * from './provider.js';
export type * from './tools.js';
