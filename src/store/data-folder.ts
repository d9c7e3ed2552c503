/**
 * The one check before the embedded store opens: its folder exists (or can be made) and can be
 * written. A read-only volume or a root-owned folder in a container is the usual mistake; it gets
 * one clear line at start instead of a SQLite stack trace on the first request.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A problem sentence, or undefined when the folder of `location` is writable (`:memory:` always is). */
export function dataFolderProblem(location: string): string | undefined {
  if (location === ':memory:' || location === '') return undefined;
  const folder = resolve(dirname(location));
  const hint = 'mount a writable volume there or point CDS_FEEDBACK_DB elsewhere';
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    return `the data folder ${folder} cannot be created (${codeOf(err)}): ${hint}`;
  }
  const probe = join(folder, `.osteo-cds-write-test-${process.pid}`);
  try {
    accessSync(folder, constants.W_OK);
    // access() answers for the permission bits; a read-only mount only shows on a real write.
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    return `the data folder ${folder} is not writable (${codeOf(err)}): ${hint}`;
  }
  try {
    accessSync(location, constants.F_OK);
  } catch {
    return undefined;
  }
  try {
    accessSync(location, constants.R_OK | constants.W_OK);
    return undefined;
  } catch (err) {
    return `the database file ${resolve(location)} is not writable (${codeOf(err)}): ${hint}`;
  }
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : 'error';
}
