/**
 * W3C Trace Context: a hook call's `traceparent` is passed on to its FHIR fetches (same trace id
 * and flags, a new parent id); an invalid one is ignored and nothing is sent.
 */
import nock from 'nock';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { childTraceparent, parseTraceparent } from '../../src/observability/trace-context.js';
import { makeApp } from '../helpers/app.js';
import { FHIR_BASE, FHIR_ORIGIN, FHIR_PATHS, patient, patientViewRequest } from '../helpers/fhir.js';
import { onlyNockAndLoopback } from '../helpers/offline.js';

const PV = '/cds-services/osteoporosis-patient-view';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const INCOMING = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

onlyNockAndLoopback();

/** A request whose Patient must come from the FHIR server (the other keys are null). */
function patientFromServer(): Record<string, unknown> {
  const body = patientViewRequest({ fhirServer: FHIR_BASE });
  delete (body.prefetch as Record<string, unknown>).patient;
  return body;
}

describe('traceparent', () => {
  it('is passed on to FHIR fetches in the same trace with a new parent id', async () => {
    const seen: (string | undefined)[] = [];
    nock(FHIR_ORIGIN)
      .get(FHIR_PATHS.patient)
      .reply(function reply() {
        const header = this.req.headers.traceparent;
        seen.push(Array.isArray(header) ? header[0] : header);
        return [200, patient()];
      });
    const { app } = makeApp();
    const res = await request(app).post(PV).set('traceparent', INCOMING).send(patientFromServer());
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    const sent = parseTraceparent(seen[0]);
    expect(sent?.traceId).toBe(TRACE_ID);
    expect(sent?.flags).toBe('01');
    expect(sent?.parentId).not.toBe('00f067aa0ba902b7');
  });

  it('sends none when the request had none or an invalid one', async () => {
    const seen: unknown[] = [];
    nock(FHIR_ORIGIN)
      .get(FHIR_PATHS.patient)
      .times(3)
      .reply(function reply() {
        seen.push(this.req.headers.traceparent);
        return [200, patient()];
      });
    const { app } = makeApp();
    await request(app).post(PV).send(patientFromServer());
    await request(app).post(PV).set('traceparent', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`).send(patientFromServer());
    await request(app).post(PV).set('traceparent', 'not a traceparent').send(patientFromServer());
    expect(seen).toEqual([undefined, undefined, undefined]);
  });
});

describe('parseTraceparent', () => {
  it('accepts version 00 exactly and later versions with extra fields; refuses ff, zero ids and junk', () => {
    expect(parseTraceparent(INCOMING)).toEqual({ traceId: TRACE_ID, parentId: '00f067aa0ba902b7', flags: '01' });
    expect(parseTraceparent(`01-${TRACE_ID}-00f067aa0ba902b7-01-extra`)?.traceId).toBe(TRACE_ID);
    expect(parseTraceparent(`00-${TRACE_ID}-00f067aa0ba902b7-01-extra`)).toBeUndefined();
    expect(parseTraceparent(`ff-${TRACE_ID}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${TRACE_ID}-0000000000000000-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });

  it('makes a child in the same trace', () => {
    const parent = parseTraceparent(INCOMING);
    if (parent === undefined) throw new Error('expected a parent');
    const child = parseTraceparent(childTraceparent(parent));
    expect(child).toMatchObject({ traceId: TRACE_ID, flags: '01' });
    expect(child?.parentId).toMatch(/^[\da-f]{16}$/);
  });
});
