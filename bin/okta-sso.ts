#!/usr/bin/env node
import { runCli } from '../cli/program';

// Output piped into a command that stops reading (`| head`) is not an error of okta-sso: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
