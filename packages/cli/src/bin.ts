#!/usr/bin/env node
import { main } from './main.js';
import { safeErrorMessage } from './support/errors.js';

/**
 * Exits once stdout has drained: a command may leave stdin's reader open (a pipe that was not
 * closed), which must not keep a finished command alive.
 */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`error: ${safeErrorMessage(error)}\n`);
  exit(1);
});
