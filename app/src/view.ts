// Drawing the overview into the page: flags, panels (plot + table toggle), then the cards and the
// facts behind them. Only DOM building with textContent: nothing from the record is ever parsed as HTML.
import type { OverviewModel } from '../../src/overview/model.js';
import { panels, type Panel } from './panels.js';
import { className, formatDate, formatNumber, siteName, word, type Lang } from './words.js';

/** The CDS Hooks card fields the page shows. */
export interface ShownCard {
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: 'info' | 'warning' | 'critical';
  readonly source?: { readonly label?: string; readonly topic?: { readonly code?: string } };
  readonly links?: readonly { readonly label: string; readonly url: string; readonly type: string }[];
  readonly extension?: Readonly<Record<string, unknown>>;
}

export type CardsState = { readonly kind: 'cards'; readonly cards: readonly ShownCard[] } | { readonly kind: 'message'; readonly text: string; readonly reason: string };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function tableOf(panel: Panel, lang: Lang): HTMLTableElement {
  const { headers, rows } = panel.table();
  const table = el('table', { class: 'data' });
  table.append(el('caption', {}, panel.title));
  const head = el('tr');
  for (const h of headers) head.append(el('th', { scope: 'col' }, h));
  table.appendChild(el('thead')).append(head);
  const body = table.appendChild(el('tbody'));
  if (rows.length === 0) body.appendChild(el('tr')).append(el('td', { colspan: String(headers.length) }, word('noData', lang)));
  for (const r of rows) {
    const tr = body.appendChild(el('tr'));
    for (const cell of r) tr.append(el('td', {}, cell));
  }
  return table;
}

/** Width of the plots: the panel's width (390 px phones included), at most 1100. */
function plotWidth(container: HTMLElement): number {
  return Math.max(300, Math.min(1100, Math.floor(container.clientWidth || 800)));
}

function drawPanel(section: HTMLElement, panel: Panel, lang: Lang): void {
  const figure = section.querySelector<HTMLElement>('.plot');
  if (figure === null) return;
  figure.replaceChildren();
  const drawn = panel.draw(plotWidth(figure));
  if (drawn === undefined) figure.append(el('p', { class: 'empty' }, word('noData', lang)));
  else figure.append(drawn);
  section.dataset.drawn = drawn === undefined ? 'empty' : 'plot';
}

function flags(model: OverviewModel, lang: Lang): HTMLElement {
  const box = el('div', { class: 'flags', role: 'status' });
  for (const d of model.due) {
    if (!d.overdue) continue;
    box.append(el('p', { class: 'flag overdue', 'data-flag': 'overdue', 'data-drug': d.drugClass }, `${word('overdue', lang)}: ${className(d.drugClass, lang)} – ${word('due', lang).toLowerCase()} ${formatDate(d.due, lang)}, ${word('overdueSince', lang)} ${formatDate(d.latestInTime ?? d.due, lang)}`));
  }
  for (const i of model.intervals) {
    if (i.kind !== 'pause') continue;
    box.append(el('p', { class: `flag pause${i.ended === true ? ' ended' : ''}`, 'data-flag': 'pause' }, `${word('pause', lang)}: ${className(i.drugClass, lang)} ${formatDate(i.start, lang)} –${i.ended === true ? ` ${word('pauseEnded', lang)}` : ''}`));
  }
  return box;
}

/** The flags and the panels; plots are redrawn at the new width when the window is resized. */
export function renderOverview(root: HTMLElement, model: OverviewModel, lang: Lang): void {
  root.replaceChildren(flags(model, lang));
  const shown: { section: HTMLElement; panel: Panel }[] = [];
  for (const panel of panels(model, lang)) {
    const section = el('section', { class: 'panel', 'data-panel': panel.id, 'aria-labelledby': `h-${panel.id}` });
    const header = section.appendChild(el('div', { class: 'panel-head' }));
    header.append(el('h2', { id: `h-${panel.id}` }, panel.title));
    const toggle = header.appendChild(el('button', { type: 'button', class: 'table-toggle', 'aria-expanded': 'false', 'aria-controls': `t-${panel.id}` }, word('showTable', lang)));
    section.append(el('div', { class: 'plot' }));
    if (panel.note !== undefined) section.append(el('p', { class: 'note' }, panel.note));
    const tableBox = section.appendChild(el('div', { class: 'table', id: `t-${panel.id}`, hidden: '' }));
    tableBox.append(tableOf(panel, lang));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = word(open ? 'hideTable' : 'showTable', lang);
      tableBox.hidden = !open;
    });
    root.append(section);
    shown.push({ section, panel });
  }
  for (const { section, panel } of shown) drawPanel(section, panel, lang);
  let timer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      for (const { section, panel } of shown) drawPanel(section, panel, lang);
    }, 150);
  });
}

/** What a card's evidence reference stands for in the model ("T-score −2,8 Columna lumbalis 12.08.2026"). */
function factIndex(model: OverviewModel, lang: Lang): Map<string, string> {
  const index = new Map<string, string>();
  const add = (ref: string, text: string): void => {
    const before = index.get(ref);
    index.set(ref, before === undefined ? text : `${before}; ${text}`);
  };
  for (const t of model.tScores) add(t.ref, `T-score ${formatNumber(t.value, lang, 1)} ${siteName(t.site, lang)} ${formatDate(t.date, lang)}`);
  for (const m of model.markers) add(m.ref, `${m.marker === 'p1np' ? 'P1NP' : 'CTX'} ${m.comparator ?? ''}${formatNumber(m.value, lang)} ${m.unit} ${formatDate(m.date, lang)}${m.baseline ? ` (${word('baseline', lang)})` : ''}${m.fallPercent === undefined ? '' : ` (−${m.fallComparator === undefined ? '' : `${m.fallComparator} `}${formatNumber(m.fallPercent, lang, 0)} %)`}`);
  for (const m of model.egfr) add(m.ref, `eGFR ${m.comparator ?? ''}${formatNumber(m.value, lang)} ${m.unit} ${formatDate(m.date, lang)}`);
  for (const m of model.calcium) add(m.ref, `${word('calcium', lang)} ${m.comparator ?? ''}${formatNumber(m.value, lang)} ${m.unit} ${formatDate(m.date, lang)}`);
  for (const m of model.vitaminD) add(m.ref, `25-OH-D ${m.comparator ?? ''}${formatNumber(m.value, lang)} ${m.unit} ${formatDate(m.date, lang)}`);
  for (const f of model.fractures) add(f.ref, `${word('fractures', lang)}: ${f.site} ${formatDate(f.date, lang)}`);
  for (const d of model.doses) add(d.ref, `${d.drugClass === 'denosumab' ? word('injection', lang) : word('infusion', lang)} ${formatDate(d.date, lang)}`);
  for (const c of model.courses) for (const ref of c.refs) if (!index.has(ref)) add(ref, `${className(c.drugClass, lang)} ${formatDate(c.start, lang)} – ${formatDate(c.end, lang)}`);
  return index;
}

const EVIDENCE = 'osteo-cds.evidence';

export function renderCards(root: HTMLElement, state: CardsState, model: OverviewModel, lang: Lang, unavailable: readonly string[]): void {
  root.replaceChildren(el('h2', {}, word('cards', lang)));
  if (state.kind === 'message') {
    root.append(el('p', { class: 'cards-message', 'data-reason': state.reason }, state.text));
  } else if (state.cards.length === 0) {
    root.append(el('p', { class: 'cards-message', 'data-reason': 'none' }, word('noCards', lang)));
  }
  const index = factIndex(model, lang);
  const facts = el('section', { class: 'facts' });
  facts.append(el('h2', {}, word('facts', lang)));
  if (state.kind === 'cards') {
    for (const card of state.cards) {
      const article = root.appendChild(el('article', { class: `card ${card.indicator}`, 'data-indicator': card.indicator, 'data-topic': card.source?.topic?.code ?? '' }));
      article.append(el('h3', { class: 'summary' }, card.summary));
      if (card.detail !== undefined) article.append(el('div', { class: 'detail' }, card.detail.replace(/\*\*/g, '')));
      const links = (card.links ?? []).filter((l) => l.type === 'absolute');
      if (links.length > 0) {
        const list = article.appendChild(el('ul', { class: 'links' }));
        for (const l of links) list.appendChild(el('li')).append(el('a', { href: l.url, rel: 'noopener', target: '_blank' }, l.label));
      }
      const evidence = card.extension?.[EVIDENCE];
      if (Array.isArray(evidence) && evidence.length > 0) {
        const block = facts.appendChild(el('div', { class: 'fact-group', 'data-topic': card.source?.topic?.code ?? '' }));
        block.append(el('h3', {}, card.summary));
        const list = block.appendChild(el('ul'));
        for (const ref of evidence) if (typeof ref === 'string') list.append(el('li', {}, index.get(ref) ?? ref));
      }
    }
  }
  const g = model.glucocorticoidSummary;
  const general = facts.appendChild(el('ul', { class: 'general' }));
  general.append(el('li', {}, `${word('patient', lang)}: ${word(model.patient.sex === 'unknown' ? 'sexUnknown' : model.patient.sex, lang)}${model.patient.age === undefined ? '' : `, ${model.patient.age} ${word('years', lang)}`}`));
  if (g.currentDailyMg > 0 || g.cumulativeMg12Months > 0) general.append(el('li', {}, `${word('glucocorticoid', lang)}: ${formatNumber(g.currentDailyMg, lang)} ${word('dailyDose', lang)}, ${formatNumber(g.cumulativeMg12Months, lang, 0)} mg ${word('cumulative12', lang)}`));
  if (unavailable.length > 0) general.append(el('li', { class: 'unavailable' }, `${word('unavailable', lang)}: ${unavailable.join(', ')}`));
  root.append(facts);
}
