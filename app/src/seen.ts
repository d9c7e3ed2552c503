// /app/seen.html?id=…: for EHRs that cannot launch SMART apps, the card's `absolute` link opens
// the overview of what the card saw: the service kept the overview model and the cards of that
// call for a short time under a random id (no patient data in the URL), and this page draws it.
import type { OverviewModel } from '../../src/overview/model.js';
import { renderCards, renderOverview, type ShownCard } from './view.js';
import { formatDate, word, type Lang } from './words.js';

interface Seen {
  readonly lang: Lang;
  readonly model: OverviewModel;
  readonly cards: readonly ShownCard[];
  readonly unavailable: readonly string[];
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} missing`);
  return node;
}

async function main(): Promise<void> {
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  const fallback: Lang = navigator.language.startsWith('da') ? 'da' : 'en';
  const res = await fetch(new URL(`seen/${encodeURIComponent(id)}`, window.location.href), { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    byId('status').textContent = word('snapshotGone', fallback);
    document.body.dataset.state = 'gone';
    return;
  }
  const seen = (await res.json()) as Seen;
  const lang = seen.lang;
  document.documentElement.lang = lang;
  document.title = word('title', lang);
  byId('title').textContent = word('title', lang);
  byId('print').textContent = word('print', lang);
  byId('status').textContent = `${word('snapshot', lang)} · ${word('asOf', lang)} ${formatDate(seen.model.today, lang)}`;
  renderOverview(byId('overview'), seen.model, lang);
  document.body.dataset.overview = 'drawn';
  renderCards(byId('cards'), { kind: 'cards', cards: seen.cards }, seen.model, lang, seen.unavailable);
  document.body.dataset.state = 'done';
}

byId('print').addEventListener('click', () => window.print());
main().catch((err: unknown) => {
  byId('status').textContent = err instanceof Error ? err.message : String(err);
  document.body.dataset.state = 'error';
});
