// The overview app (/app/, issue #17) for the browser: esbuild bundles app/src (with the facts
// stage of src/ and the npm packages fhirclient and @observablehq/plot) into dist/app beside its
// HTML and CSS. No CDN and no inline script: the service's CSP allows scripts from 'self' only.
// `npm run build` runs it after tsc; the browser tests call buildApp() into a folder of their own.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC = ['index.html', 'launch.html', 'overview.css', 'seen.html'];

/** Builds the app into `outDir` (default dist/app); resolves when the files are written. */
export async function buildApp(outDir = join(root, 'dist', 'app')) {
  mkdirSync(outDir, { recursive: true });
  const stub = join(root, 'app', 'src', 'unavailable-polyfill.ts');
  await build({
    entryPoints: { overview: join(root, 'app/src/main.ts'), launch: join(root, 'app/src/launch.ts'), seen: join(root, 'app/src/seen.ts') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // fhirclient's "pure" build: the browser's own fetch and crypto, no polyfills.
    define: { FHIRCLIENT_PURE: 'true', 'process.env.NODE_ENV': '"production"' },
    alias: { 'isomorphic-webcrypto': stub, 'cross-fetch': stub },
  });
  for (const file of STATIC) copyFileSync(join(root, 'app', file), join(outDir, file));
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApp(process.argv[2]);
}
