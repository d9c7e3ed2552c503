// /app/launch.html: the SMART launch. From the EHR with `iss` and `launch` (EHR launch), or
// standalone against an open FHIR server with `fhirServiceUrl` and `patientId`. fhirclient does
// the OAuth 2 dance and sends the browser on to index.html.
import FHIR from 'fhirclient';
import { loadConfig } from './config.js';
import { keepOptions, readOptions } from './options.js';

async function launch(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  keepOptions(readOptions(params));
  const config = await loadConfig();
  const iss = params.get('iss');
  const launchToken = params.get('launch');
  const fhirServiceUrl = params.get('fhirServiceUrl');
  const patientId = params.get('patientId');
  const common = { clientId: params.get('clientId') ?? config.clientId, scope: config.scope, redirectUri: 'index.html' };
  if (fhirServiceUrl !== null) {
    await FHIR.oauth2.authorize({ ...common, fhirServiceUrl, ...(patientId === null ? {} : { patientId }) });
  } else if (iss !== null) {
    await FHIR.oauth2.authorize({ ...common, iss, ...(launchToken === null ? {} : { launch: launchToken }) });
  } else {
    throw new Error('launch.html needs iss and launch (EHR launch) or fhirServiceUrl and patientId (standalone).');
  }
}

launch().catch((err: unknown) => {
  const box = document.getElementById('status');
  if (box !== null) box.textContent = err instanceof Error ? err.message : String(err);
  document.body.dataset.state = 'error';
});
