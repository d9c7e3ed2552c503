/**
 * pino JSON logs on stdout. What may be logged (docs/service-contract.md "Running"): service ids,
 * status codes, durations, card counts, topic codes, prefetch key names and request ids. Never
 * patient data (ids, names, resource contents), tokens (fhirAuthorization, JWTs) or request bodies,
 * at any level. Call sites pass only such fields; the redaction list below is a second fence
 * in case a header or body object is ever passed by mistake.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

const REDACT = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'fhirAuthorization',
  '*.fhirAuthorization',
  'access_token',
  '*.access_token',
  'body',
  'req.body',
  'prefetch',
  '*.prefetch',
  'context',
  '*.context',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'osteo-cds' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
