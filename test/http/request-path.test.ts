/**
 * The cheap paths of a hook call: the CDS Hooks routes answered before the public routers (the
 * same answers for every path under /cds-services).
 */
import request from 'supertest';
import { describe, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';

describe('CDS Hooks routes before the public routers', () => {
  it('gives every path under /cds-services the answer it had: 404 beyond the routes, 405 for other methods', async () => {
    const { app } = makeApp();
    await request(app).get('/cds-services').expect(200);
    await request(app).get('/CDS-Services').expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientViewRequest()).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view/more/parts').send(patientViewRequest()).expect(404);
    await request(app).get('/cds-services/osteoporosis-patient-view/feedback').expect(405);
    await request(app).put('/cds-services').expect(405);
    await request(app).delete('/cds-services/osteoporosis-patient-view').expect(405);
    await request(app).get('/cds-services/index.html').expect(405);
    await request(app).get('/cds-services/a/b.js').expect(404);
    // The public routes are still reached after them.
    await request(app).get('/healthz').expect(200);
    await request(app).get('/nothing/here').expect(404);
  });
});
