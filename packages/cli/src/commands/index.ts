import type { Command } from '../command.js';
import { chatCommand } from './chat.js';
import { configCommand } from './config.js';
import { keysCommand } from './keys.js';
import { migrateCommand } from './migrate.js';
import { serveCommand } from './serve.js';
import { usageCommand } from './usage.js';

/** Every top-level command, in the order `--help` lists them. */
export const commands: Command[] = [
  serveCommand,
  keysCommand,
  migrateCommand,
  chatCommand,
  usageCommand,
  configCommand,
];
