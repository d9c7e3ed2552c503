/**
 * The card preview page: pick a fixture patient (or paste a FHIR Bundle), a hook and a draft
 * drug, and see the cards the service answers, as an EHR card panel shows them. It calls the real
 * CDS Hooks endpoints (same origin) with Accept-Language from the switch, `X-Osteo-Preview: 1`
 * (left out of the statistics) and, when the service allows it (CDS_PREVIEW_CLOCK=on),
 * `X-Osteo-Now` with the chosen date. Every text from a card or a request is put into the page
 * with textContent (never innerHTML); card details are CommonMark, rendered by markdown.js.
 * Only the announcement line (#announce) is a live region: a screen reader hears "3 new cards",
 * not the whole panel read again.
 */
import markdownit from './vendor/markdown-it.mjs';
import { createMarkdown, renderMarkdown } from './markdown.js';

const SERVICE_OF_HOOK = {
  'patient-view': 'osteoporosis-patient-view',
  'order-select': 'osteoporosis-order-select',
  'order-sign': 'osteoporosis-order-sign',
  'medication-prescribe': 'osteoporosis-medication-prescribe',
};
const PASTE = '__paste__';
const FIXTURE_DRAFTS = '__fixture__';
const ATC = 'http://www.whocc.no/atc';
const UCUM = 'http://unitsofmeasure.org';

const TEXT = {
  da: {
    title: 'Forhåndsvisning af kort',
    statsLink: 'Statistik',
    patientHeading: 'Patient og hook',
    patientLabel: 'Patient',
    pasteOption: 'Indsæt en FHIR Bundle …',
    pasteLabel: 'FHIR Bundle (eller en CDS Hooks-forespørgsel)',
    hookLabel: 'Hook',
    draftLabel: 'Lægemiddel der ordineres (kladde)',
    fixtureDrafts: 'Testpatientens egne ordinationskladder',
    nowLabel: 'Vurderet pr.',
    nowPinned: 'Kortene vurderes pr. den valgte dato.',
    nowSystem: 'Kortene vurderes pr. dags dato; denne installation tillader ikke at vælge en anden dato.',
    run: 'Vis kort',
    running: 'Henter kort …',
    cardsHeading: 'Kort',
    noCards: 'Ingen kort: tjenesten har intet at sige om denne patient.',
    cardsCount: (n, service) => `${n} kort fra ${service}`,
    announce: (n) => (n === 0 ? 'Ingen nye kort.' : n === 1 ? '1 nyt kort.' : `${n} nye kort.`),
    expectedOk: (topics) => `Som forventet for testpatienten: ${topics}`,
    expectedDiff: (topics) => `Forventet for testpatienten: ${topics}. Forskellen kan skyldes datoen eller lokale koder.`,
    none: 'ingen kort',
    info: 'Info',
    warning: 'Advarsel',
    critical: 'Kritisk',
    why: 'Hvorfor? Begrundelse og grundlag',
    reasons: 'Begrundelser',
    evidence: 'Grundlag (ressourcer)',
    topic: 'Emner',
    overrideReasons: 'Afvisningsårsager',
    authNotice: 'Denne installation kræver log-ind fra journalsystemet, så forhåndsvisningen kan ikke hente kort her.',
    siteTerminology: 'Denne patient har også lokale laboratoriekoder; kender installationen dem ikke, kan kortene afvige fra de forventede.',
    pasteHint: 'Indsæt en Bundle med én Patient og patientens øvrige ressourcer.',
    errorPrefix: 'Fejl',
    unauthorized: 'Tjenesten afviste kaldet (401): den kræver en JWT.',
    ignored: (types) => `Ignoreret (ikke en del af tjenestens data): ${types}`,
    badJson: 'Teksten er ikke gyldig JSON.',
    notBundle: 'Teksten er hverken en FHIR Bundle eller en CDS Hooks-forespørgsel.',
    noPatient: 'Bundlen indeholder ingen Patient.',
    manyPatients: 'Bundlen indeholder flere patienter; indsæt én patients journal.',
    loadFailed: 'Kunne ikke hente listen over testpatienter.',
    noFixtures: 'Ingen testpatienter fundet; indsæt en Bundle.',
  },
  en: {
    title: 'Card preview',
    statsLink: 'Statistics',
    patientHeading: 'Patient and hook',
    patientLabel: 'Patient',
    pasteOption: 'Paste a FHIR Bundle …',
    pasteLabel: 'FHIR Bundle (or a CDS Hooks request)',
    hookLabel: 'Hook',
    draftLabel: 'Drug being prescribed (draft)',
    fixtureDrafts: "The test patient's own draft orders",
    nowLabel: 'Evaluated as of',
    nowPinned: 'The cards are evaluated as of the chosen date.',
    nowSystem: 'The cards are evaluated as of today; this installation does not allow choosing another date.',
    run: 'Show cards',
    running: 'Fetching cards …',
    cardsHeading: 'Cards',
    noCards: 'No cards: the service has nothing to say about this patient.',
    cardsCount: (n, service) => `${n} ${n === 1 ? 'card' : 'cards'} from ${service}`,
    announce: (n) => (n === 0 ? 'No new cards.' : n === 1 ? '1 new card.' : `${n} new cards.`),
    expectedOk: (topics) => `As expected for this test patient: ${topics}`,
    expectedDiff: (topics) => `Expected for this test patient: ${topics}. The difference may come from the date or local codes.`,
    none: 'no cards',
    info: 'Info',
    warning: 'Warning',
    critical: 'Critical',
    why: 'Why? Reasons and evidence',
    reasons: 'Reasons',
    evidence: 'Evidence (resources)',
    topic: 'Topics',
    overrideReasons: 'Override reasons',
    authNotice: 'This installation requires a sign-in from the EHR, so the preview cannot fetch cards here.',
    siteTerminology: 'This patient also has local lab codes; if this installation does not know them, the cards may differ from the expected ones.',
    pasteHint: "Paste a Bundle with one Patient and the patient's other resources.",
    errorPrefix: 'Error',
    unauthorized: 'The service refused the call (401): it requires a JWT.',
    ignored: (types) => `Ignored (not part of the service's data): ${types}`,
    badJson: 'The text is not valid JSON.',
    notBundle: 'The text is neither a FHIR Bundle nor a CDS Hooks request.',
    noPatient: 'The Bundle holds no Patient.',
    manyPatients: "The Bundle holds several patients; paste one patient's record.",
    loadFailed: 'Could not load the list of test patients.',
    noFixtures: 'No test patients found; paste a Bundle.',
  },
};

/** Draft drugs for the prescribing hooks, coded as a Danish EHR would (ATC + the product name). */
const DRUGS = [
  { id: 'alendronate', atc: 'M05BA04', name: { da: 'Alendronat 70 mg tablet', en: 'Alendronate 70 mg tablet' }, dose: { da: '1 tablet 1 gang ugentligt', en: '1 tablet once weekly' } },
  { id: 'binosto', atc: 'M05BA04', name: { da: 'Binosto 70 mg brusetablet', en: 'Binosto 70 mg effervescent tablet' }, dose: { da: '1 brusetablet 1 gang ugentligt', en: '1 effervescent tablet once weekly' } },
  { id: 'prolia', atc: 'M05BX04', name: { da: 'Prolia 60 mg injektionsvæske', en: 'Prolia 60 mg solution for injection' }, dose: { da: '60 mg s.c. hver 6. måned', en: '60 mg s.c. every 6 months' } },
  { id: 'denosumab-biosimilar', atc: 'M05BX04', name: { da: 'Obodence (denosumab, biosimilær) 60 mg injektionsvæske', en: 'Obodence (denosumab biosimilar) 60 mg solution for injection' }, dose: { da: '60 mg s.c. hver 6. måned', en: '60 mg s.c. every 6 months' } },
  { id: 'zoledronic-acid', atc: 'M05BA08', name: { da: 'Zoledronsyre 5 mg infusionsvæske', en: 'Zoledronic acid 5 mg solution for infusion' }, dose: { da: '5 mg i.v. 1 gang årligt', en: '5 mg i.v. once yearly' } },
  { id: 'prednisolone', atc: 'H02AB06', name: { da: 'Prednisolon 10 mg tablet', en: 'Prednisolone 10 mg tablet' }, dose: { da: '10 mg dagligt', en: '10 mg daily' }, dailyMg: 10 },
  { id: 'calcium-carbonate', atc: 'A12AA04', name: { da: 'Calciumcarbonat 500 mg tablet', en: 'Calcium carbonate 500 mg tablet' }, dose: { da: '1 tablet dagligt', en: '1 tablet daily' } },
  { id: 'teriparatide', atc: 'H05AA02', name: { da: 'Teriparatid 20 mikrogram injektionsvæske', en: 'Teriparatide 20 micrograms solution for injection' }, dose: { da: '20 mikrogram s.c. dagligt', en: '20 micrograms s.c. daily' } },
];

const PREFETCH_KEY_OF_TYPE = {
  Observation: 'observations',
  Condition: 'conditions',
  MedicationStatement: 'medicationStatements',
  MedicationRequest: 'medicationRequests',
  // Medications referenced by the requests travel with them (as an _include would bring them).
  Medication: 'medicationRequests',
  MedicationAdministration: 'medicationAdministrations',
  AllergyIntolerance: 'allergies',
  FamilyMemberHistory: 'familyHistory',
};
const PREFETCH_KEYS = ['observations', 'conditions', 'medicationStatements', 'medicationRequests', 'medicationAdministrations', 'allergies', 'familyHistory'];

const md = createMarkdown(markdownit);
const state = { lang: 'da', info: undefined, fixtures: [], lastRequest: undefined, ran: false };
const $ = (id) => document.getElementById(id);
const t = () => TEXT[state.lang];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function isRecord(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// --- building requests --------------------------------------------------------------------

function draftResource(drugId, patientId, date) {
  const drug = DRUGS.find((d) => d.id === drugId) ?? DRUGS[0];
  const dosage = { text: drug.dose[state.lang], timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } };
  if (drug.dailyMg !== undefined) {
    dosage.doseAndRate = [{ doseQuantity: { value: drug.dailyMg, unit: 'mg', system: UCUM, code: 'mg' } }];
  } else {
    delete dosage.timing;
  }
  return {
    resourceType: 'MedicationRequest',
    id: 'preview-draft',
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    authoredOn: date,
    medicationCodeableConcept: { coding: [{ system: ATC, code: drug.atc, display: drug.name.da }], text: drug.name.da },
    dosageInstruction: [dosage],
  };
}

/** The hook's context for a patient, with the chosen draft for prescribing hooks. */
function contextFor(hook, patientId, drafts) {
  const context = { userId: 'Practitioner/preview', patientId };
  if (hook === 'patient-view') return context;
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: drafts.map((resource) => ({ resource })) };
  if (hook === 'medication-prescribe') return { ...context, medications: bundle };
  if (hook === 'order-select') return { ...context, selections: drafts.map((d) => `${d.resourceType}/${d.id}`), draftOrders: bundle };
  return { ...context, draftOrders: bundle };
}

function fixtureDrafts(request) {
  const ctx = request.context ?? {};
  const bundle = ctx.draftOrders ?? ctx.medications;
  return isRecord(bundle) && Array.isArray(bundle.entry) ? bundle.entry.map((e) => e.resource).filter(isRecord) : [];
}

/** A pasted Bundle → a CDS Hooks request: its Patient, the other resources grouped into the prefetch keys. */
export function requestFromBundle(bundle, hook, drafts) {
  const entries = Array.isArray(bundle.entry) ? bundle.entry.map((e) => (isRecord(e) ? e.resource : undefined)).filter(isRecord) : [];
  const patients = entries.filter((r) => r.resourceType === 'Patient');
  if (patients.length === 0) throw new Error(t().noPatient);
  if (new Set(patients.map((p) => p.id)).size > 1) throw new Error(t().manyPatients);
  const patient = { ...patients[0], id: typeof patients[0].id === 'string' && patients[0].id !== '' ? patients[0].id : 'pasted-patient' };
  const grouped = Object.fromEntries(PREFETCH_KEYS.map((k) => [k, []]));
  const ignored = new Set();
  for (const resource of entries) {
    if (resource.resourceType === 'Patient') continue;
    const key = PREFETCH_KEY_OF_TYPE[resource.resourceType];
    if (key === undefined) ignored.add(resource.resourceType);
    else grouped[key].push(resource);
  }
  const prefetch = { patient };
  for (const key of PREFETCH_KEYS) {
    // No resources of a kind: the record has none ("no data", null), not "could not be fetched".
    prefetch[key] = grouped[key].length === 0 ? null : { resourceType: 'Bundle', type: 'searchset', total: grouped[key].length, entry: grouped[key].map((resource) => ({ resource })) };
  }
  const request = { hookInstance: crypto.randomUUID(), hook, context: contextFor(hook, patient.id, drafts(patient.id)), prefetch };
  return { request, ignored: [...ignored].sort() };
}

function selectedFixture() {
  return state.fixtures.find((f) => f.name === $('fixture').value);
}

/** The request to send for the current choices (and whether it is the fixture exactly as recorded). */
async function buildRequest() {
  const hook = $('hook').value;
  const date = $('now').value || new Date().toISOString().slice(0, 10);
  const draftChoice = $('draft').value;
  const draftsFor = (patientId) => [draftResource(draftChoice === FIXTURE_DRAFTS ? 'alendronate' : draftChoice, patientId, date)];

  if ($('fixture').value === PASTE) {
    let parsed;
    try {
      parsed = JSON.parse($('bundle').value);
    } catch {
      throw new Error(t().badJson);
    }
    if (isRecord(parsed) && typeof parsed.hook === 'string' && isRecord(parsed.context)) {
      const request = { ...parsed, hookInstance: crypto.randomUUID(), hook };
      if (hook !== parsed.hook || draftChoice !== FIXTURE_DRAFTS) request.context = contextFor(hook, parsed.context.patientId, hook === 'patient-view' ? [] : draftsFor(parsed.context.patientId));
      return { request, asRecorded: false, ignored: [] };
    }
    if (!isRecord(parsed) || parsed.resourceType !== 'Bundle') throw new Error(t().notBundle);
    const { request, ignored } = requestFromBundle(parsed, hook, (pid) => (hook === 'patient-view' ? [] : draftsFor(pid)));
    return { request, asRecorded: false, ignored };
  }

  const fixture = selectedFixture();
  const res = await fetch(`preview/fixtures/${encodeURIComponent(fixture.name)}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status}`);
  const stored = await res.json();
  const request = { ...stored, hookInstance: crypto.randomUUID(), hook };
  const keepDrafts = draftChoice === FIXTURE_DRAFTS && fixtureDrafts(stored).length > 0;
  const asRecorded = hook === stored.hook && (hook === 'patient-view' || keepDrafts);
  if (!asRecorded) {
    const drafts = hook === 'patient-view' ? [] : keepDrafts ? fixtureDrafts(stored) : draftsFor(stored.context.patientId);
    request.context = contextFor(hook, stored.context.patientId, drafts);
  }
  return { request, asRecorded, ignored: [] };
}

// --- rendering ----------------------------------------------------------------------------

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function codeText(concept) {
  if (!isRecord(concept)) return undefined;
  if (typeof concept.text === 'string') return concept.text;
  const coding = Array.isArray(concept.coding) ? concept.coding.find(isRecord) : undefined;
  return coding === undefined ? undefined : coding.display ?? coding.code;
}

/** One line about an evidence resource of the request: what, value, date. */
function describeResource(resource) {
  if (!isRecord(resource)) return undefined;
  const what = codeText(resource.code) ?? codeText(resource.medicationCodeableConcept) ?? (resource.resourceType === 'Patient' ? [resource.gender, resource.birthDate].filter(Boolean).join(', ') : undefined);
  let value;
  if (isRecord(resource.valueQuantity)) value = `${resource.valueQuantity.comparator ?? ''}${resource.valueQuantity.value} ${resource.valueQuantity.unit ?? resource.valueQuantity.code ?? ''}`.trim();
  else if (resource.valueCodeableConcept !== undefined) value = codeText(resource.valueCodeableConcept);
  else if (typeof resource.valueString === 'string') value = resource.valueString;
  const date =
    resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.issued ?? resource.onsetDateTime ?? resource.recordedDate ?? resource.authoredOn ?? resource.dateAsserted ?? resource.effectiveInstant ?? resource.occurrenceDateTime;
  return [what, value, typeof date === 'string' ? date.slice(0, 10) : undefined].filter((p) => typeof p === 'string' && p !== '').join(' · ');
}

function resourceIndex(request) {
  const index = new Map();
  const add = (r) => {
    if (isRecord(r) && typeof r.resourceType === 'string' && typeof r.id === 'string') index.set(`${r.resourceType}/${r.id}`, r);
  };
  for (const value of Object.values(request.prefetch ?? {})) {
    if (!isRecord(value)) continue;
    if (value.resourceType === 'Bundle' && Array.isArray(value.entry)) value.entry.forEach((e) => add(e?.resource));
    else add(value);
  }
  fixtureDrafts(request).forEach(add);
  return index;
}

/** Every topic a card carries: a folded card lists them in extension["osteo-cds.topics"], its own first. */
function topicsOf(card) {
  const listed = card.extension?.['osteo-cds.topics'];
  return Array.isArray(listed) && listed.length > 0 ? listed : [card.source?.topic?.code ?? ''];
}

function renderCard(card, index) {
  const indicator = ['info', 'warning', 'critical'].includes(card.indicator) ? card.indicator : 'info';
  const topic = card.source?.topic?.code ?? '';
  const node = el('article', { className: `card ${indicator}`, 'data-topic': topic, 'data-topics': topicsOf(card).join(' '), 'data-indicator': indicator });
  node.append(el('div', { className: 'card-head' }, el('span', { className: 'indicator', text: t()[indicator] }), el('p', { className: 'summary', text: card.summary ?? '' })));
  const source = el('p', { className: 'source' });
  source.append(document.createTextNode(`${card.source?.label ?? ''} `), el('code', { text: topic }));
  node.append(source);
  if (typeof card.detail === 'string') {
    const detail = el('div', { className: 'detail' });
    detail.append(renderMarkdown(document, md, card.detail));
    node.append(detail);
  }
  if (Array.isArray(card.suggestions) && card.suggestions.length > 0) {
    const box = el('div', { className: 'suggestions' });
    const pre = el('pre', { className: 'resources' });
    pre.hidden = true;
    for (const suggestion of card.suggestions) {
      const button = el('button', { type: 'button', 'aria-expanded': 'false', className: suggestion.isRecommended ? 'recommended' : '', text: suggestion.label ?? '' });
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-expanded', 'false'));
        button.setAttribute('aria-expanded', String(open));
        pre.hidden = !open;
        pre.textContent = open ? JSON.stringify(suggestion.actions ?? [], null, 2) : '';
      });
      box.append(button);
    }
    node.append(box, pre);
  }
  if (Array.isArray(card.links) && card.links.length > 0) {
    const list = el('ul', { className: 'links' });
    for (const link of card.links) {
      const href = safeHref(link.url);
      list.append(el('li', {}, href === undefined ? document.createTextNode(link.label ?? '') : el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: link.label ?? href })));
    }
    node.append(list);
  }
  if (Array.isArray(card.overrideReasons) && card.overrideReasons.length > 0) {
    node.append(el('p', { className: 'override', text: `${t().overrideReasons}: ${card.overrideReasons.map((r) => r.display ?? r.code).join(' · ')}` }));
  }
  const why = el('details', { className: 'why' }, el('summary', { text: t().why }));
  const dl = el('dl');
  const reasons = card.extension?.['osteo-cds.reasons'] ?? [];
  const evidence = card.extension?.['osteo-cds.evidence'] ?? [];
  const reasonsDd = el('dd');
  reasons.forEach((r) => reasonsDd.append(el('code', { text: r })));
  const evidenceDd = el('dd');
  for (const ref of evidence) {
    const line = describeResource(index.get(ref));
    evidenceDd.append(el('div', {}, el('code', { text: ref }), line ? document.createTextNode(line) : undefined));
  }
  const topicsDd = el('dd');
  topicsOf(card).forEach((code) => topicsDd.append(el('code', { text: code })));
  dl.append(el('dt', { text: t().topic }), topicsDd, el('dt', { text: t().reasons }), reasonsDd, el('dt', { text: t().evidence }), evidenceDd);
  why.append(dl);
  node.append(why);
  return node;
}

function showNotice(text, error = false) {
  $('notices').append(el('div', { className: error ? 'notice error' : 'notice', text }));
}

function setStatus(text) {
  $('status').textContent = text;
}

async function run() {
  const button = $('run');
  button.disabled = true;
  setStatus(t().running);
  $('cards').replaceChildren();
  $('announce').textContent = '';
  $('expected').hidden = true;
  try {
    const { request, asRecorded, ignored } = await buildRequest();
    state.lastRequest = request;
    const service = SERVICE_OF_HOOK[request.hook];
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': state.lang, 'X-Osteo-Preview': '1' };
    if (state.info?.clock && $('now').value) {
      const fixture = selectedFixture();
      headers['X-Osteo-Now'] = fixture !== undefined && fixture.now.slice(0, 10) === $('now').value ? fixture.now : $('now').value;
    }
    const started = window.performance.now();
    const res = await fetch(`cds-services/${service}`, { method: 'POST', headers, body: JSON.stringify(request) });
    const ms = Math.round(window.performance.now() - started);
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) throw new Error(t().unauthorized);
    if (!res.ok) throw new Error(`${res.status}: ${(body.issue ?? []).map((i) => i.diagnostics).filter(Boolean).join(' ') || res.statusText}`);
    const cards = Array.isArray(body.cards) ? body.cards : [];
    const index = resourceIndex(request);
    if (cards.length === 0) $('cards').append(el('p', { className: 'empty', text: t().noCards }));
    for (const card of cards) $('cards').append(renderCard(card, index));
    $('announce').textContent = t().announce(cards.length);
    setStatus(t().cardsCount(cards.length, service) + (ignored.length > 0 ? ` · ${t().ignored(ignored.join(', '))}` : ''));
    // The answer time as a tooltip (kept out of the text so screenshots stay the same run to run).
    $('status').title = `${ms} ms`;
    const fixture = selectedFixture();
    if (asRecorded && fixture !== undefined) {
      const got = cards.flatMap(topicsOf).sort();
      const want = [...fixture.expectedTopics].sort();
      const same = got.length === want.length && got.every((g, i) => g === want[i]);
      const box = $('expected');
      box.hidden = false;
      box.className = same ? 'expected' : 'expected mismatch';
      box.textContent = (same ? t().expectedOk : t().expectedDiff)(want.length === 0 ? t().none : want.join(', '));
    }
    document.body.dataset.state = 'done';
  } catch (err) {
    setStatus(`${t().errorPrefix}: ${err instanceof Error ? err.message : String(err)}`);
    document.body.dataset.state = 'error';
  } finally {
    button.disabled = false;
    state.ran = true;
  }
}

// --- controls -----------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    const text = t()[node.dataset.i18n];
    if (typeof text === 'string') node.textContent = text;
  });
  document.title = `osteo-cds · ${t().title}`;
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  for (const option of $('fixture').options) {
    const fixture = state.fixtures.find((f) => f.name === option.value);
    option.textContent = fixture === undefined ? t().pasteOption : fixtureName(fixture);
  }
  $('bundle').placeholder = t().pasteHint;
  fillDrafts();
  describeChoice();
  renderNotices();
}

/** The scenario as a clinician reads it, in the page's language (the slug stays in the URL only). */
function fixtureName(fixture) {
  return fixture.label?.[state.lang]?.name ?? fixture.name;
}

function fillDrafts() {
  const select = $('draft');
  const previous = select.value;
  select.replaceChildren();
  const fixture = selectedFixture();
  if (fixture !== undefined && fixture.hook !== 'patient-view') select.append(el('option', { value: FIXTURE_DRAFTS, text: t().fixtureDrafts }));
  for (const drug of DRUGS) select.append(el('option', { value: drug.id, text: `${drug.name[state.lang]} (ATC ${drug.atc})` }));
  if ([...select.options].some((o) => o.value === previous)) select.value = previous;
}

function describeChoice() {
  const fixture = selectedFixture();
  $('paste-box').hidden = $('fixture').value !== PASTE;
  $('fixture-description').textContent = fixture?.label?.[state.lang]?.description ?? '';
  $('draft-box').hidden = $('hook').value === 'patient-view';
  const clock = state.info?.clock === true;
  $('now').disabled = !clock;
  $('now-hint').textContent = clock ? t().nowPinned : t().nowSystem;
}

function renderNotices() {
  $('notices').replaceChildren();
  if (state.info?.authRequired) showNotice(t().authNotice, true);
  if (selectedFixture()?.siteTerminology) showNotice(t().siteTerminology);
  if (state.info !== undefined && state.fixtures.length === 0) showNotice(t().noFixtures);
}

function onFixtureChange() {
  const fixture = selectedFixture();
  if (fixture !== undefined) {
    $('hook').value = fixture.hook;
    $('now').value = fixture.now.slice(0, 10);
  }
  fillDrafts();
  // A prescribing fixture starts with its own draft orders.
  if (fixture !== undefined && fixture.hook !== 'patient-view') $('draft').value = FIXTURE_DRAFTS;
  describeChoice();
  renderNotices();
}

async function init() {
  const params = new URLSearchParams(window.location.search);
  try {
    const res = await fetch('preview/fixtures', { headers: { Accept: 'application/json' } });
    state.info = await res.json();
    state.fixtures = Array.isArray(state.info.fixtures) ? state.info.fixtures : [];
  } catch {
    state.info = { clock: false, authRequired: false, language: 'da', fixtures: [] };
    showNotice(TEXT.da.loadFailed, true);
  }
  state.lang = params.get('lang') === 'en' || params.get('lang') === 'da' ? params.get('lang') : state.info.language === 'en' ? 'en' : 'da';
  const select = $('fixture');
  for (const f of state.fixtures) select.append(el('option', { value: f.name, text: fixtureName(f) }));
  select.append(el('option', { value: PASTE, text: TEXT[state.lang].pasteOption }));
  const wanted = params.get('fixture');
  if (wanted !== null && state.fixtures.some((f) => f.name === wanted)) select.value = wanted;
  if (state.info.stats === false) $('stats-link').hidden = true;
  onFixtureChange();
  applyLanguage();

  select.addEventListener('change', onFixtureChange);
  $('hook').addEventListener('change', describeChoice);
  $('form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const b of document.querySelectorAll('.lang button')) {
    b.addEventListener('click', () => {
      if (state.lang === b.dataset.lang) return;
      state.lang = b.dataset.lang;
      applyLanguage();
      if (state.ran) void run();
    });
  }
  document.body.dataset.ready = 'true';
  if (params.get('run') === '1') void run();
}

void init();
