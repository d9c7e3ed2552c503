// Writes cds-services.json = buildDiscovery(engine.observationCodes, versionsOf(engine)), the document GET /cds-services serves.
// Run with `npm run discovery:write` (it builds first); commit the result.
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { buildDiscovery } from '../dist/src/cds-hooks/discovery.js';
import { createEngine } from '../dist/src/engine.js';
import { versionsOf } from '../dist/src/versions.js';

// The built-in document: the built-in bindings only, whatever CDS_TERMINOLOGY says.
const engine = createEngine();
const target = new URL('../cds-services.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildDiscovery(engine.observationCodes, versionsOf(engine)), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
