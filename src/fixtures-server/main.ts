/**
 * `npm run fhir-fixtures`: the fixture patients as a read-only FHIR R4 server for the CDS Hooks
 * sandbox, on FHIR_FIXTURES_PORT (default 8080) and FHIR_FIXTURES_HOST (default 127.0.0.1: a
 * development tool, reached from the browser on the same machine). Synthetic patients only.
 */
import { createServer } from 'node:http';
import { z } from 'zod';
import { createLogger } from '../logger.js';
import { packagePath } from '../package-root.js';
import { createFixtureFhirApp } from './app.js';
import { loadFixtureData } from './store.js';

const env = z
  .object({
    FHIR_FIXTURES_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    FHIR_FIXTURES_HOST: z.string().min(1).default('127.0.0.1'),
    FHIR_FIXTURES_DIR: z.string().min(1).optional(),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));

const logger = createLogger('info');
if (!env.success) {
  logger.fatal({ problems: env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'invalid configuration; not starting');
  process.exit(1);
}
const { FHIR_FIXTURES_PORT: port, FHIR_FIXTURES_HOST: host, FHIR_FIXTURES_DIR: dir } = env.data;
const data = loadFixtureData(dir ?? packagePath('fixtures'));
if (data.problems.length > 0) logger.warn({ problems: data.problems }, 'fixture data notes');
const server = createServer(createFixtureFhirApp(data));
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  logger.info({ patients: [...data.patients.keys()], host, port: actual }, `fixture FHIR server: http://localhost:${actual} (also /fhir)`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
