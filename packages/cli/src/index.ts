export { type ParsedArgs, parseArgs, UsageError } from './args.js';
export type { Command, CommandContext } from './command.js';
export { main } from './main.js';
export { processTerminal, type Terminal } from './terminal.js';
