/** resolvePrefetch directly (an injected fetch stands in for the FHIR server). */
import { describe, expect, it } from 'vitest';
import { prefetchTemplates } from '../../src/cds-hooks/discovery.js';
import { fillTemplate, resolvePrefetch, type PrefetchInput } from '../../src/prefetch/resolve.js';
import { MAX_MEDICATION_READS } from '../../src/prefetch/referenced-medications.js';
import { readPage } from '../../src/prefetch/fhir-json.js';
import { FHIR_BASE, NULL_PREFETCH, PATIENT_ID, condition, observation, operationOutcome, patient, searchset } from '../helpers/fhir.js';

const templates = prefetchTemplates(['38267-1']);
const OPTIONS = { templates, timeoutMs: 1000, maxBytes: 1024 * 1024 };
const context = { patientId: PATIENT_ID, userId: 'Practitioner/1' };

/** A fetch that serves a map of URL → JSON body and records the URLs asked for. */
function fakeFetch(pages: Record<string, unknown>): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const f = (input: string | URL | Request): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    calls.push(url);
    const body = pages[url];
    return Promise.resolve(body === undefined ? new Response('not found', { status: 404 }) : new Response(JSON.stringify(body), { status: 200 }));
  };
  return Object.assign(f, { calls });
}

function input(prefetch: Record<string, unknown> | undefined, fhirServer?: string): PrefetchInput {
  return { context, prefetch, fhirServer, accessToken: undefined };
}

describe('fillTemplate', () => {
  it('fills {{context.X}} with URL-encoded primitive context values', () => {
    expect(fillTemplate('Patient/{{context.patientId}}', { patientId: 'a b' })).toBe('Patient/a%20b');
    expect(fillTemplate('X?a={{ context.n }}', { n: 3 })).toBe('X?a=3');
  });
  it('gives undefined when a token has no primitive value', () => {
    expect(fillTemplate('Patient/{{context.missing}}', {})).toBeUndefined();
    expect(fillTemplate('X?a={{context.obj}}', { obj: { a: 1 } })).toBeUndefined();
    expect(fillTemplate('X?a={{userPractitionerId}}', {})).toBeUndefined();
  });
});

describe('readPage', () => {
  it('keeps data, drops outcome warnings, flags error-only bundles', () => {
    expect(readPage(searchset([condition('c')], { outcomes: [operationOutcome('warning')] }))).toMatchObject({ kind: 'data', resources: [{ id: 'c' }] });
    expect(readPage({ resourceType: 'Bundle', entry: [{ resource: operationOutcome() }] })).toMatchObject({ kind: 'unavailable' });
    expect(readPage(operationOutcome('information'))).toMatchObject({ kind: 'unavailable' });
    expect(readPage({ resourceType: 'Bundle', entry: 'x' })).toMatchObject({ kind: 'unavailable' });
    expect(readPage([1, 2])).toMatchObject({ kind: 'unavailable' });
  });
  it('reads an empty search with only an informational outcome entry as "no matches", not unavailable', () => {
    expect(readPage(searchset([], { outcomes: [operationOutcome('information')] }))).toEqual({ kind: 'data', resources: [], next: undefined, medications: [] });
    expect(readPage({ resourceType: 'Bundle', type: 'searchset', total: 0 })).toEqual({ kind: 'data', resources: [], next: undefined, medications: [] });
  });
  it('keeps the Medication entries named by a urn:uuid fullUrl (a record may refer to its drug so), not those named by a server URL', () => {
    const medication = { resourceType: 'Medication', code: { text: 'Prolia 60 mg' } };
    const page = readPage({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { fullUrl: 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789cd', resource: medication, search: { mode: 'include' } },
        { fullUrl: 'http://fhir.example/Medication/m2', resource: { ...medication, id: 'm2' }, search: { mode: 'include' } },
        { fullUrl: 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789ce', resource: condition('c') },
      ],
    });
    expect(page).toMatchObject({ kind: 'data', medications: [{ fullUrl: 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789cd', resource: medication }] });
    expect(page.kind === 'data' ? page.medications : []).toHaveLength(1);
  });
});

describe('resolvePrefetch', () => {
  it('a search key holding another resource type is unavailable, not "no data"; one of the type searched is its match', async () => {
    const wrong = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), observations: patient('someone-else') }), OPTIONS);
    expect(wrong.ok && wrong.data.unavailable).toEqual(['observations']);
    const single = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), conditions: condition('c') }), OPTIONS);
    expect(single.ok && single.data.resources.map((r) => r.id)).toContain('c');
    expect(single.ok && single.data.unavailable).not.toContain('conditions');
    // A DSTU2 MedicationOrder answers the MedicationRequest key.
    expect(readPage({ resourceType: 'MedicationOrder', id: 'mo' }, 'MedicationRequest')).toMatchObject({ kind: 'data' });
    // A Bundle with none of the searched type is another search's answer; included resources beside them are fine.
    expect(readPage(searchset([condition('c')]), 'Observation')).toMatchObject({ kind: 'unavailable' });
    expect(readPage(searchset([observation('o'), patient()]), 'Observation')).toMatchObject({ kind: 'data' });
    expect(readPage(searchset([]), 'Observation')).toMatchObject({ kind: 'data', resources: [] });
  });

  it('stops after 20 pages and reports the key unavailable, keeping what it read', async () => {
    const pages: Record<string, unknown> = {};
    for (let i = 1; i <= 30; i += 1) pages[`${FHIR_BASE}/p${i}`] = searchset([condition(`c${i}`)], { next: `${FHIR_BASE}/p${i + 1}` });
    const fetch = fakeFetch(pages);
    const result = await resolvePrefetch(
      input({ ...NULL_PREFETCH, patient: patient(), conditions: searchset([condition('c0')], { next: `${FHIR_BASE}/p1` }) }, FHIR_BASE),
      { ...OPTIONS, fetch },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fetch.calls).toHaveLength(19); // the prefetched Bundle is page 1
    expect(result.data.resources).toHaveLength(20);
    expect(result.data.unavailable).toEqual(['conditions']);
    expect(result.problems).toEqual([{ key: 'conditions', reason: 'more than 20 pages' }]);
  });

  it('stops on a next-link cycle, keeps what it read and marks the key unavailable (paging is broken: pages may be missing)', async () => {
    const fetch = fakeFetch({
      [`${FHIR_BASE}/a`]: searchset([condition('c1')], { next: `${FHIR_BASE}/b` }),
      [`${FHIR_BASE}/b`]: searchset([condition('c2')], { next: `${FHIR_BASE}/a` }),
    });
    const result = await resolvePrefetch(
      input({ ...NULL_PREFETCH, patient: patient(), conditions: searchset([], { next: `${FHIR_BASE}/a` }) }, FHIR_BASE),
      { ...OPTIONS, fetch },
    );
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(result.ok && result.data.unavailable).toEqual(['conditions']);
    expect(result.problems).toEqual([{ key: 'conditions', reason: 'next link cycle' }]);
    expect(fetch.calls).toEqual([`${FHIR_BASE}/a`, `${FHIR_BASE}/b`]);
  });

  it('pages from fhirServer past CDS_MAX_RESOURCES_PER_KEY: the key is unavailable, what was read is kept', async () => {
    const fetch = fakeFetch({
      [`${FHIR_BASE}/a`]: searchset([condition('c1'), condition('c2')], { next: `${FHIR_BASE}/b` }),
      [`${FHIR_BASE}/b`]: searchset([condition('c3'), condition('c4')]),
    });
    const result = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), conditions: searchset([], { next: `${FHIR_BASE}/a` }) }, FHIR_BASE), {
      ...OPTIONS,
      maxResources: 3,
      fetch,
    });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(result.ok && result.data.unavailable).toEqual(['conditions']);
    expect(result.problems).toEqual([{ key: 'conditions', reason: 'more than 3 resources' }]);
  });

  it('a prefetched Bundle with a next link but no fhirServer: data kept, key unavailable (incomplete)', async () => {
    const result = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), observations: searchset([observation('o1')], { next: `${FHIR_BASE}/p2` }) }), OPTIONS);
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['o1']);
    expect(result.ok && result.data.unavailable).toEqual(['observations']);
  });

  it('resolves relative next links against fhirServer', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Condition?page=2`]: searchset([condition('c2')]) });
    const result = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), conditions: searchset([condition('c1')], { next: 'Condition?page=2' }) }, FHIR_BASE), {
      ...OPTIONS,
      fetch,
    });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['c1', 'c2']);
  });

  it('fetches the template URLs under fhirServer with the patient id filled in', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Patient/${PATIENT_ID}`]: patient() });
    await resolvePrefetch(input(undefined, `${FHIR_BASE}/`), { ...OPTIONS, fetch });
    expect(fetch.calls.sort()).toEqual(
      [
        `${FHIR_BASE}/Patient/${PATIENT_ID}`,
        `${FHIR_BASE}/Observation?patient=${PATIENT_ID}&code=38267-1&_sort=-date`,
        `${FHIR_BASE}/Condition?patient=${PATIENT_ID}`,
        `${FHIR_BASE}/MedicationStatement?patient=${PATIENT_ID}`,
        `${FHIR_BASE}/MedicationRequest?patient=${PATIENT_ID}`,
        `${FHIR_BASE}/MedicationAdministration?patient=${PATIENT_ID}`,
        `${FHIR_BASE}/AllergyIntolerance?patient=${PATIENT_ID}`,
        `${FHIR_BASE}/FamilyMemberHistory?patient=${PATIENT_ID}`,
      ].sort(),
    );
  });

  it('a Patient fetched from the server must be the context patient', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Patient/${PATIENT_ID}`]: patient('someone-else') });
    const result = await resolvePrefetch(input(undefined, FHIR_BASE), { ...OPTIONS, fetch });
    expect(result).toMatchObject({ ok: false, failure: 'patient' });
  });

  it('only the Patient and no fhirServer is no data (412), unless the Patient is deceased: it alone settles the answer (contract v2: no cards)', async () => {
    expect(await resolvePrefetch(input({ patient: patient() }), OPTIONS)).toMatchObject({ ok: false, failure: 'no-data' });
    for (const deceased of [{ deceasedBoolean: true }, { deceasedDateTime: '2026-05-30' }]) {
      const result = await resolvePrefetch(input({ patient: { ...patient(), ...deceased } }), OPTIONS);
      expect(result.ok && result.data.resources).toEqual([]);
    }
    expect(await resolvePrefetch(input({ patient: { ...patient(), deceasedBoolean: false } }), OPTIONS)).toMatchObject({ ok: false, failure: 'no-data' });
  });

  it('a wrong prefetched Patient is re-fetched from fhirServer', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Patient/${PATIENT_ID}`]: patient() });
    const result = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient('other') }, FHIR_BASE), { ...OPTIONS, fetch });
    expect(result.ok && result.data.patient.id).toBe(PATIENT_ID);
  });

  it('drops resources whose subject or patient names another patient, or a non-patient subject', async () => {
    const resources = [
      observation('mine'),
      observation('abs', PATIENT_ID),
      { ...observation('absolute'), subject: { reference: `https://other.example/fhir/Patient/${PATIENT_ID}/_history/2` } },
      observation('other', 'p2'),
      { resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/p2' } },
      { resourceType: 'Observation', id: 'group', subject: { reference: 'Group/g1' } },
      { resourceType: 'Observation', id: 'urn', subject: { reference: 'urn:uuid:1234' } },
      { resourceType: 'Observation', id: 'none' },
    ];
    const result = await resolvePrefetch(input({ ...NULL_PREFETCH, patient: patient(), observations: searchset(resources) }), OPTIONS);
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['mine', 'abs', 'absolute', 'urn', 'none']);
  });

  it('a response larger than the byte cap is unavailable', async () => {
    const fetch = fakeFetch({
      [`${FHIR_BASE}/Patient/${PATIENT_ID}`]: patient(),
      [`${FHIR_BASE}/Condition?patient=${PATIENT_ID}`]: searchset(Array.from({ length: 200 }, (_, i) => condition(`c${i}`))),
    });
    const result = await resolvePrefetch(input(undefined, FHIR_BASE), { ...OPTIONS, maxBytes: 2000, fetch });
    expect(result.ok && result.problems.find((p) => p.key === 'conditions')?.reason).toBe('response too large');
  });

  it('never puts URLs, ids or tokens in the problem reasons', async () => {
    const fetch = fakeFetch({});
    const result = await resolvePrefetch({ ...input(undefined, FHIR_BASE), accessToken: 'tok' }, { ...OPTIONS, fetch });
    const text = JSON.stringify(result.problems);
    expect(text).not.toContain(PATIENT_ID);
    expect(text).not.toContain('fhir.example.org');
    expect(text).not.toContain('tok');
  });
});

describe('resolvePrefetch: Medications named only by reference', () => {
  const statement = (id: string, medicationReference: object, extra: object = {}): object => ({
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject: { reference: `Patient/${PATIENT_ID}` },
    medicationReference,
    ...extra,
  });
  const medication = (id: string): object => ({ resourceType: 'Medication', id, code: { text: `drug ${id}` } });
  const withStatements = (...statements: object[]): PrefetchInput => input({ ...NULL_PREFETCH, patient: patient(), medicationStatements: searchset(statements as never[]) }, FHIR_BASE);

  it('reads each Medication a record names only by reference once, and only those the data does not hold', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Medication/m1`]: medication('m1'), [`${FHIR_BASE}/Medication/m2`]: medication('m2') });
    const result = await resolvePrefetch(
      withStatements(
        statement('s1', { reference: 'Medication/m1' }),
        statement('s2', { reference: 'Medication/m1/_history/3' }),
        statement('s3', { reference: `${FHIR_BASE}/Medication/m2` }),
        statement('s4', { reference: 'Medication/named', display: 'Alendronat 70 mg' }),
        statement('s5', { reference: '#inside' }, { contained: [{ resourceType: 'Medication', id: 'inside' }] }),
        statement('s6', { reference: 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789cd' }),
        statement('s7', { reference: 'Medication/coded' }, { medicationCodeableConcept: { text: 'Prolia' } }),
        statement('s8', { reference: 'Medication/present' }),
        medication('present'),
        statement('s9', { reference: 'https://other.example.org/fhir/Medication/far' }),
        statement('s10', { reference: 'Medication/../Patient/x' }),
        statement('s11', { reference: 'Medication/..' }),
      ),
      { ...OPTIONS, fetch },
    );
    expect(fetch.calls.sort()).toEqual([`${FHIR_BASE}/Medication/m1`, `${FHIR_BASE}/Medication/m2`]);
    expect(result.ok && result.data.resources.filter((r) => r.resourceType === 'Medication').map((r) => r.id)).toEqual(['present', 'm1', 'm2']);
  });

  it("reads a draft order's Medication too", async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Medication/d1`]: medication('d1') });
    const result = await resolvePrefetch({ ...withStatements(), drafts: [{ resource: { resourceType: 'MedicationRequest', medicationReference: { reference: 'Medication/d1' } } }] }, { ...OPTIONS, fetch });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['d1']);
  });

  it('keeps a read that failed or gave something else out, and reads nothing without fhirServer', async () => {
    const fetch = fakeFetch({ [`${FHIR_BASE}/Medication/other`]: { ...medication('not-this-one') }, [`${FHIR_BASE}/Medication/typed`]: { resourceType: 'Patient', id: 'typed' } });
    const result = await resolvePrefetch(withStatements(statement('a', { reference: 'Medication/missing' }), statement('b', { reference: 'Medication/other' }), statement('c', { reference: 'Medication/typed' })), { ...OPTIONS, fetch });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const offline = fakeFetch({});
    await resolvePrefetch({ ...withStatements(statement('a', { reference: 'Medication/m1' })), fhirServer: undefined }, { ...OPTIONS, fetch: offline });
    expect(offline.calls).toEqual([]);
  });

  it(`reads at most ${MAX_MEDICATION_READS} Medications for one call`, async () => {
    const fetch = fakeFetch({});
    await resolvePrefetch(withStatements(...Array.from({ length: 30 }, (_, i) => statement(`s${i}`, { reference: `Medication/m${i}` }))), { ...OPTIONS, fetch });
    expect(fetch.calls).toHaveLength(MAX_MEDICATION_READS);
  });

  it('reads the draft\'s Medication and the injections\' before twenty other drugs (the cap is spent in that order), and none for records the facts stage leaves out', async () => {
    const fetch = fakeFetch({});
    const others = Array.from({ length: 25 }, (_, i) => statement(`s${i}`, { reference: `Medication/other-${i}` }));
    const injection = { resourceType: 'MedicationAdministration', id: 'inj', status: 'completed', subject: { reference: `Patient/${PATIENT_ID}` }, medicationReference: { reference: 'Medication/prolia' } };
    const unused = [
      statement('plan', { reference: 'Medication/planned' }, { resourceType: 'MedicationRequest', intent: 'plan' }),
      statement('err', { reference: 'Medication/error' }, { status: 'entered-in-error' }),
      statement('r5', {}, { medicationReference: undefined, medication: { concept: { text: 'Prolia' }, reference: { reference: 'Medication/r5' } } }),
    ];
    await resolvePrefetch(
      { ...input({ ...NULL_PREFETCH, patient: patient(), medicationStatements: searchset([...others, ...unused] as never[]), medicationAdministrations: searchset([injection] as never[]) }, FHIR_BASE), drafts: [{ resource: { resourceType: 'MedicationRequest', medicationReference: { reference: 'Medication/draft' } } }] },
      { ...OPTIONS, fetch },
    );
    expect(fetch.calls).toHaveLength(MAX_MEDICATION_READS);
    expect(fetch.calls.slice(0, 2).sort()).toEqual([`${FHIR_BASE}/Medication/draft`, `${FHIR_BASE}/Medication/prolia`]);
    expect(fetch.calls.some((u) => /planned|error|r5/.test(u))).toBe(false);
  });

  it('at the end of the budget the Medications already read count, and the rest is logged as a count only', async () => {
    const slowAndFast = ((url: string | URL | Request, init?: RequestInit) => {
      const href = url instanceof Request ? url.url : url.toString();
      if (href.endsWith('/Medication/fast')) return Promise.resolve(new Response(JSON.stringify(medication('fast')), { status: 200 }));
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }) as typeof fetch;
    const result = await resolvePrefetch(withStatements(statement('a', { reference: 'Medication/slow' }), statement('b', { reference: 'Medication/fast' })), { ...OPTIONS, timeoutMs: 100, fetch: slowAndFast });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['a', 'b', 'fast']);
    expect(result.problems).toEqual([{ key: 'medication-references', reason: '1 of 2 Medication reads failed' }]);
  });

  it('a read that hangs ends with the time budget: the answer comes without that Medication', async () => {
    const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    const result = await resolvePrefetch(withStatements(statement('s', { reference: 'Medication/slow' })), { ...OPTIONS, timeoutMs: 50, fetch: hanging });
    expect(result.ok && result.data.resources.map((r) => r.id)).toEqual(['s']);
  });
});
