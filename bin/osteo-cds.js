#!/usr/bin/env node
// The osteo-cds command (package.json "bin"): a shim that runs the compiled CLI in dist/.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const cli = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('osteo-cds: the command is not built yet; run `npm run build` in the osteo-cds folder first\n');
  process.exit(2);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
