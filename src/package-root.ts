/**
 * The package's own folder (where package.json is), found from this module's location, so the
 * preview page (`public/`) and the fixture patients (`fixtures/`) are found whether the code runs
 * from `src/` (tests, tsx) or compiled from `dist/src/` (npm start, the CLI), and from any working
 * directory.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('osteo-cds: package.json not found above the compiled code');
    dir = parent;
  }
}

/** A path inside the package folder. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
