/**
 * The service's built code, for the in-process figures: `npm run bench` builds first, and the
 * stages and allocations are measured on `dist/` as `npm start` runs it — not on what the
 * TypeScript loader makes of `src/` (tsx compiles with esbuild's keepNames, which wraps every
 * function in a `__name(…)` call the shipped tsc build does not have: on the stage loop at 500
 * Observations that was 3–6 % of evaluation ÷ parse, time the service never spends).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../dist/src/', import.meta.url);

/** A module of the build, `path` relative to `src/` with the `.js` of the built file. */
export async function built<Module>(path: string): Promise<Module> {
  const url = new URL(path, DIST);
  if (!existsSync(fileURLToPath(url))) throw new Error(`${fileURLToPath(url)} is not built: run \`npm run build\` first (\`npm run bench\` does)`);
  return (await import(url.href)) as Module;
}
