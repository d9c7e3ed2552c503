/**
 * The statistics page: asks for the admin token (kept in this tab's sessionStorage only), calls
 * GET /stats and shows per card topic how many cards were shown, accepted and overridden, with the
 * override reasons. Text goes into the page with textContent only.
 */
const TEXT = {
  da: {
    title: 'Statistik over kort og feedback',
    previewLink: 'Forhåndsvisning',
    tokenLabel: 'Administratornøgle',
    sinceLabel: 'Fra dato (valgfri)',
    show: 'Vis',
    loading: 'Henter …',
    off: 'Statistikken er ikke slået til på denne installation.',
    denied: 'Forkert nøgle.',
    failed: 'Kunne ikke hente statistikken',
    summary: (s) => `${s.totals.shown} kort vist · ${s.totals.accepted} accepteret · ${s.totals.overridden} afvist` + (s.firstIssuedAt ? ` · siden ${s.firstIssuedAt.slice(0, 10)}` : ''),
    unmatched: (n) => `Feedback om ${n} kort, som denne instans ikke har registreret.`,
    empty: 'Ingen kort registreret endnu.',
    cols: ['Emne', 'Vist', 'Accepteret', 'Afvist', 'Afvisningsårsager'],
    reasons: { 'patient-declined': 'Patienten har fravalgt', 'specialist-managed': 'Varetages af speciallæge/hospital', 'already-addressed': 'Allerede håndteret', 'not-applicable': 'Ikke relevant for patienten', 'clinical-judgement': 'Klinisk vurdering', unspecified: 'Ingen årsag angivet' },
  },
  en: {
    title: 'Card and feedback statistics',
    previewLink: 'Preview',
    tokenLabel: 'Admin token',
    sinceLabel: 'From date (optional)',
    show: 'Show',
    loading: 'Loading …',
    off: 'Statistics are not turned on for this installation.',
    denied: 'Wrong token.',
    failed: 'Could not load the statistics',
    summary: (s) => `${s.totals.shown} cards shown · ${s.totals.accepted} accepted · ${s.totals.overridden} overridden` + (s.firstIssuedAt ? ` · since ${s.firstIssuedAt.slice(0, 10)}` : ''),
    unmatched: (n) => `Feedback about ${n} cards this instance has no record of.`,
    empty: 'No cards recorded yet.',
    cols: ['Topic', 'Shown', 'Accepted', 'Overridden', 'Override reasons'],
    reasons: { 'patient-declined': 'Patient declined', 'specialist-managed': 'Managed by a specialist', 'already-addressed': 'Already addressed', 'not-applicable': 'Not applicable to this patient', 'clinical-judgement': 'Clinical judgement', unspecified: 'No reason given' },
  },
};

let lang = document.documentElement.lang === 'en' ? 'en' : 'da';
let last;
const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className !== undefined) node.className = className;
  return node;
}

function render(stats) {
  const t = TEXT[lang];
  const result = $('result');
  result.replaceChildren();
  $('status').textContent = t.summary(stats);
  if (stats.topics.length === 0) {
    result.append(el('p', t.empty, 'empty'));
  } else {
    const table = el('table', undefined, 'stats');
    const head = el('tr');
    t.cols.forEach((c, i) => head.append(el('th', c, i >= 1 && i <= 3 ? 'num' : undefined)));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const topic of stats.topics) {
      const row = el('tr');
      row.dataset.topic = topic.topic;
      const name = el('td');
      name.append(el('div', topic.title?.[lang] ?? topic.topic), el('code', topic.topic));
      row.append(name, el('td', topic.shown, 'num'), el('td', topic.accepted, 'num'), el('td', topic.overridden, 'num'));
      row.append(el('td', topic.overrideReasons.map((r) => `${t.reasons[r.code] ?? r.code}: ${r.count}`).join(' · ')));
      // On a phone each row is stacked (preview.css), and a cell names its column itself.
      [...row.children].forEach((cell, i) => cell.setAttribute('data-label', t.cols[i]));
      body.append(row);
    }
    table.append(body);
    // Narrow screens scroll the table itself, never the page.
    const scroll = el('div', undefined, 'table-scroll');
    scroll.append(table);
    result.append(scroll);
  }
  if (stats.unmatchedFeedbackCards > 0) result.append(el('p', t.unmatched(stats.unmatchedFeedbackCards), 'hint'));
}

async function load() {
  const t = TEXT[lang];
  const token = $('token').value.trim();
  if (token === '') return;
  sessionStorage.setItem('osteo-cds-admin-token', token);
  $('status').textContent = t.loading;
  const since = $('since').value;
  try {
    const res = await fetch(`stats${since ? `?since=${encodeURIComponent(since)}` : ''}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (res.status === 404) throw new Error(t.off);
    if (res.status === 401) throw new Error(t.denied);
    if (!res.ok) throw new Error(`${t.failed} (${res.status})`);
    last = await res.json();
    render(last);
  } catch (err) {
    last = undefined;
    $('result').replaceChildren();
    $('status').textContent = err instanceof Error ? err.message : String(err);
  }
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    const text = TEXT[lang][node.dataset.i18n];
    if (typeof text === 'string') node.textContent = text;
  });
  document.title = `osteo-cds · ${TEXT[lang].title}`;
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (last !== undefined) render(last);
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
for (const b of document.querySelectorAll('.lang button')) {
  b.addEventListener('click', () => {
    lang = b.dataset.lang;
    applyLanguage();
  });
}
const saved = sessionStorage.getItem('osteo-cds-admin-token');
if (saved !== null) {
  $('token').value = saved;
  void load();
}
applyLanguage();
