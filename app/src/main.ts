// /app/index.html: the overview after the SMART launch. Reads the record with the SMART token
// (each prefetch key of the service's discovery), computes the facts with the service's own facts
// stage and draws the panels, then asks the service's patient-view endpoint for the cards of the
// same record. Nothing of the record leaves the browser except to this service.
import FHIR from 'fhirclient';
import type Client from 'fhirclient/lib/Client';
import { overviewModel } from '../../src/overview/model.js';
import { factsOfRecord, overviewTerminology, prefetchOfRecord, resolvedRecord, type RecordAnswers } from '../../src/overview/record.js';
import type { PrefetchKey } from '../../src/contract/prefetch-keys.js';
import { loadConfig, type AppConfig } from './config.js';
import { keptOptions } from './options.js';
import { renderCards, renderOverview, type CardsState, type ShownCard } from './view.js';
import { formatDate, word, type Lang } from './words.js';

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} missing`);
  return node;
}

async function readKey(client: Client, url: string): Promise<unknown[] | undefined> {
  try {
    // pageLimit 0: every page of a search (the service follows next links the same way).
    const result: unknown = await client.request({ url, headers: { Accept: 'application/fhir+json' } }, { pageLimit: 0 });
    return Array.isArray(result) ? (result as unknown[]) : [result];
  } catch {
    return undefined;
  }
}

async function readRecord(client: Client, patientId: string, config: AppConfig): Promise<RecordAnswers> {
  const entries = await Promise.all(
    Object.entries(config.templates).map(async ([key, template]) => [key, await readKey(client, template.split('{{context.patientId}}').join(encodeURIComponent(patientId)))] as const),
  );
  const answers: Partial<Record<PrefetchKey, unknown[]>> = Object.fromEntries(entries);
  return answers;
}

async function fetchCards(config: AppConfig, lang: Lang, patientId: string, userId: string, prefetch: Record<string, unknown>, now: string | undefined): Promise<CardsState> {
  if (config.authRequired) return { kind: 'message', text: word('cardsNeedJwt', lang), reason: 'auth' };
  try {
    const res = await fetch(new URL(`../cds-services/${config.service}`, window.location.href), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': lang,
        // Cards asked for by the overview are not cards the EHR showed: kept out of the statistics.
        'X-Osteo-Preview': 'overview',
        ...(now === undefined ? {} : { 'X-Osteo-Now': now }),
      },
      body: JSON.stringify({ hook: 'patient-view', hookInstance: crypto.randomUUID(), context: { userId, patientId }, prefetch }),
    });
    if (res.status === 401 || res.status === 403) return { kind: 'message', text: word('cardsNeedJwt', lang), reason: 'auth' };
    if (!res.ok) return { kind: 'message', text: word('cardsFailed', lang), reason: `http-${res.status}` };
    const body = (await res.json()) as { cards?: ShownCard[] };
    return { kind: 'cards', cards: body.cards ?? [] };
  } catch {
    return { kind: 'message', text: word('cardsFailed', lang), reason: 'network' };
  }
}

async function main(): Promise<void> {
  const options = keptOptions();
  const config = await loadConfig();
  const lang: Lang = options.lang ?? config.language;
  document.documentElement.lang = lang;
  document.title = word('title', lang);
  byId('title').textContent = word('title', lang);
  byId('print').textContent = word('print', lang);
  byId('status').textContent = word('loading', lang);

  const client = await FHIR.oauth2.ready();
  const patientId = client.patient.id;
  if (patientId === null) throw new Error('The launch gave no patient.');
  const answers = await readRecord(client, patientId, config);
  const data = resolvedRecord(patientId, answers);
  const now = options.now === undefined ? new Date() : new Date(`${options.now}T12:00:00Z`);
  const facts = factsOfRecord(data, now, overviewTerminology(config.siteTerminology));
  const model = overviewModel(facts, config.settings);
  byId('status').textContent = `${word('asOf', lang)} ${formatDate(model.today, lang)}`;
  renderOverview(byId('overview'), model, lang);
  document.body.dataset.overview = 'drawn';

  const userId = client.user.fhirUser ?? 'Practitioner/overview-app';
  const cards = await fetchCards(config, lang, patientId, userId, prefetchOfRecord(answers), options.now);
  renderCards(byId('cards'), cards, model, lang, data.unavailable);
  document.body.dataset.state = 'done';
}

byId('print').addEventListener('click', () => window.print());
main().catch((err: unknown) => {
  const lang: Lang = keptOptions().lang ?? (navigator.language.startsWith('da') ? 'da' : 'en');
  byId('status').textContent = `${word('failed', lang)}: ${err instanceof Error ? err.message : String(err)}`;
  document.body.dataset.state = 'error';
});
