/**
 * The audit log (docs/service-contract.md, "Audit log"): one entry per hook call — refused ones
 * (body, limits) included — when,
 * the service, `hookInstance`, the caller's issuer and tenant, the JWT's `jti`, the FHIR server's
 * host, the uuids and topics of the cards, and the answer's status. No patient data: no patient
 * id, no FHIR path or query, no card text, no body. The hook route fills `res.locals.hookCall`; this
 * middleware adds the entry when the answer has been sent, and the store's batch writer writes it
 * off the request path (kept CDS_RETENTION_DAYS).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { BatchWriter } from '../store/batch-writer.js';
import type { AuditEntry } from '../store/store.js';
import { storeCaller } from './locals.js';
import { findService } from '../contract/services.js';
import { FHIR_SERVER_MAX_CHARS } from '../cds-hooks/request.js';

/** The host (and port) of a FHIR server's base URL, never its path (it may name a tenant or a patient). */
export function fhirServerHost(fhirServer: string | undefined): string {
  // Named before the call is validated (routes/hooks.ts `scannedIdentity`): one the schema refuses for its length names no host.
  return fhirServer !== undefined && fhirServer.length <= FHIR_SERVER_MAX_CHARS && URL.canParse(fhirServer) ? new URL(fhirServer).host : '';
}

export function auditHookCalls(writer: BatchWriter<AuditEntry>, clock: () => Date): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Only calls to a known service are hook calls (an unknown id is a 404 in the request log).
    const serviceId = findService(typeof req.params.id === 'string' ? req.params.id : '')?.id;
    if (serviceId === undefined) {
      next();
      return;
    }
    const at = clock().toISOString();
    res.on('finish', () => {
      const call = res.locals.hookCall;
      writer.add([
        {
          at,
          serviceId,
          hookInstance: call?.hookInstance ?? '',
          ...storeCaller(res),
          jti: res.locals.jti ?? '',
          fhirServerHost: call?.fhirServerHost ?? '',
          cards: call?.cards ?? [],
          status: res.statusCode,
        },
      ]);
    });
    next();
  };
}
