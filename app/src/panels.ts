// The overview's panels: one Observable Plot SVG each on the shared time axis of the model, and the
// same data as a table (the text alternative behind each panel's toggle). Every mark carries an
// aria-description naming what it is ("t-score", "30 % line", "overdue"; Plot takes a mark's
// ariaLabel option as a per-element channel): screen readers and the browser tests read the drawing through them.
import * as Plot from '@observablehq/plot';
import type { DrugClass } from '../../src/facts/types.js';
import type { LabPoint, MarkerPoint, OverviewModel } from '../../src/overview/model.js';
import { className, formatDate, formatNumber, fractureSiteName, siteName, word, type Lang } from './words.js';

export interface Panel {
  readonly id: string;
  readonly title: string;
  /** The plot at this width; undefined when the record has nothing to draw. */
  readonly draw: (width: number) => Element | undefined;
  readonly table: () => { headers: string[]; rows: string[][] };
  /** A line under the plot (the performers, undated fractures …). */
  readonly note?: string;
}

const day = (date: string): Date => new Date(`${date}T00:00:00Z`);

const COLOURS: Readonly<Partial<Record<DrugClass, string>>> = {
  'oral-bisphosphonate': '#1565c0',
  'zoledronic-acid': '#6a1b9a',
  denosumab: '#00838f',
  anabolic: '#2e7d32',
  serm: '#795548',
  'other-bisphosphonate': '#5c6bc0',
  glucocorticoid: '#f9a825',
};
const RED = '#c62828';
const AMBER = '#ef6c00';

/** The same x scale and margins on every panel, so the panels line up in time. */
function plot(model: OverviewModel, width: number, height: number, label: string, y: Plot.ScaleOptions, marks: Plot.Markish[], extra: Partial<Plot.PlotOptions> = {}): Element {
  return Plot.plot({
    width,
    height,
    marginLeft: width < 520 ? 96 : 150,
    marginRight: 24,
    ariaLabel: label,
    style: { fontSize: '11px' },
    x: { type: 'utc', domain: [day(model.axis.from), day(model.axis.to)], grid: true, label: null, ticks: width < 520 ? 4 : 8 },
    y,
    marks: [...marks, Plot.ruleX([day(model.today)], { stroke: '#555', strokeDasharray: '2,3', ariaDescription: 'today' })],
    ...extra,
  });
}

function labeledRule(value: number, text: string, stroke: string, what: string): Plot.Markish[] {
  return [
    Plot.ruleY([value], { stroke, strokeWidth: 1.5, strokeDasharray: '6,4', ariaDescription: what }),
    Plot.text([value], { y: (d: number) => d, text: () => text, frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: stroke, ariaDescription: `${what} label` }),
  ];
}

function tScorePanel(model: OverviewModel, lang: Lang): Panel {
  const points = model.tScores.map((t) => ({ ...t, siteName: siteName(t.site, lang), when: day(t.date) }));
  const values = points.map((p) => p.value);
  const performers = [...new Set(points.map((p) => p.performer).filter((p): p is string => p !== undefined))];
  const { osteoporosis, osteopenia } = model.tScoreLines;
  return {
    id: 't-scores',
    title: word('tScores', lang),
    ...(performers.length === 0 ? {} : { note: `${word('performer', lang)}: ${performers.join('; ')}` }),
    draw: (width) =>
      points.length === 0
        ? undefined
        : plot(
            model,
            width,
            220,
            word('tScores', lang),
            { domain: [Math.min(-4, Math.floor(Math.min(...values) - 0.5)), Math.max(1, Math.ceil(Math.max(...values) + 0.5))], label: 'T-score', grid: true },
            [
              ...labeledRule(osteoporosis, formatNumber(osteoporosis, lang, 1), RED, 't-score -2.5'),
              ...labeledRule(osteopenia, formatNumber(osteopenia, lang, 1), AMBER, 't-score -1.0'),
              Plot.line(points, { x: 'when', y: 'value', z: 'siteName', stroke: 'siteName', strokeOpacity: 0.6, ariaDescription: 't-score line' }),
              Plot.dot(points, {
                x: 'when',
                y: 'value',
                fill: 'siteName',
                r: 4.5,
                ariaDescription: 't-score',
                title: (p: (typeof points)[number]) => `${p.siteName} ${formatNumber(p.value, lang, 1)} (${formatDate(p.date, lang)})${p.performer === undefined ? '' : `\n${p.performer}`}`,
              }),
            ],
            { color: { legend: true, domain: [...new Set(points.map((p) => p.siteName))] } },
          ),
    table: () => ({
      headers: [word('date', lang), word('site', lang), 'T-score', word('performer', lang)],
      rows: points.map((p) => [formatDate(p.date, lang), p.siteName, formatNumber(p.value, lang, 1), p.performer ?? '']),
    }),
  };
}

/** " – kl. 11:00, ikke fastende før kl. 10": a CTX that cannot show a response (page 2 l. 145). */
/** The fall from the baseline ("80 %"; "> 80 %" when a bound among the two values leaves only its least). */
function fallWords(p: Pick<MarkerPoint, 'fallPercent' | 'fallComparator'>, lang: Lang, before: string): string {
  if (p.fallPercent === undefined) return '';
  const n = `${formatNumber(p.fallPercent, lang, 0)} %`;
  return p.fallComparator === undefined ? `${before}${n}` : `${before}${before === '' ? '' : '('}${p.fallComparator} ${n}${before === '' ? '' : ')'}`;
}

function lateWords(p: Pick<MarkerPoint, 'notFastingAt'>, lang: Lang): string {
  return p.notFastingAt === undefined ? '' : ` – ${lang === 'da' ? 'kl.' : 'at'} ${p.notFastingAt}, ${word('notFasting', lang)}`;
}

function markerPanels(model: OverviewModel, lang: Lang): Panel[] {
  const kinds = [...new Set(model.markers.map((m) => m.marker))];
  const flow = model.markerFlow;
  if (flow !== undefined && !kinds.includes(flow.marker)) kinds.push(flow.marker);
  return kinds.map((kind) => {
    const name = kind === 'p1np' ? 'P1NP' : 'CTX';
    const points = model.markers.filter((m) => m.marker === kind).map((m) => ({ ...m, when: day(m.date) }));
    const unit = points[0]?.unit ?? flow?.unit ?? '';
    const mine = flow?.marker === kind ? flow : undefined;
    const refs = [mine?.baseline?.value, mine?.line30, mine?.premenopausalMean].filter((v): v is number => v !== undefined);
    const max = Math.max(...points.map((p) => p.value), ...refs, 1);
    const marks: Plot.Markish[] = [];
    if (mine?.baseline !== undefined) marks.push(...labeledRule(mine.baseline.value, word('baseline', lang), '#37474f', 'baseline'));
    if (mine?.line30 !== undefined) marks.push(...labeledRule(mine.line30, `−${model.adequateFallPercent} %`, RED, '30 % line'));
    if (mine !== undefined && mine.baseline === undefined && mine.premenopausalMean !== undefined) marks.push(...labeledRule(mine.premenopausalMean, lang === 'da' ? 'præmenopausalt gns.' : 'premenopausal mean', AMBER, 'premenopausal mean'));
    if (mine !== undefined) marks.push(Plot.ruleX([day(mine.courseStart)], { stroke: COLOURS['oral-bisphosphonate'], ariaDescription: 'course start' }));
    marks.push(
      Plot.line(points, { x: 'when', y: 'value', stroke: '#90a4ae', ariaDescription: `${kind} line` }),
      Plot.dot(points, {
        x: 'when',
        y: 'value',
        r: 4.5,
        stroke: '#263238',
        fill: (p: (typeof points)[number]) => (p.adequate === true ? '#2e7d32' : p.adequate === false ? RED : p.baseline ? '#37474f' : '#b0bec5'),
        ariaDescription: 'marker',
        title: (p: (typeof points)[number]) => `${name} ${p.comparator ?? ''}${formatNumber(p.value, lang)} ${p.unit} (${formatDate(p.date, lang)})${fallWords(p, lang, ' −')}${lateWords(p, lang)}`,
      }),
    );
    return {
      id: `marker-${kind}`,
      title: `${word('markers', lang)}: ${name} (${unit})`,
      ...(mine !== undefined && mine.baseline === undefined ? { note: word('noBaseline', lang) } : {}),
      draw: (width) => (points.length === 0 ? undefined : plot(model, width, 180, name, { domain: [0, max * 1.15], label: unit, grid: true }, marks)),
      table: () => ({
        headers: [word('date', lang), word('value', lang), word('fall', lang), word('kind', lang)],
        rows: [
          ...points.map((p) => [formatDate(p.date, lang), `${p.comparator ?? ''}${formatNumber(p.value, lang)} ${p.unit}`, fallWords(p, lang, ''), `${p.baseline ? word('baseline', lang) : ''}${lateWords(p, lang)}`.trim()]),
          ...(mine?.line30 === undefined ? [] : [['', `${formatNumber(mine.line30, lang)} ${unit}`, `${model.adequateFallPercent} %`, word('line30', lang)]]),
        ],
      }),
    };
  });
}

function labPanel(model: OverviewModel, lang: Lang, id: string, title: string, points: readonly LabPoint[], limits: { value: number; label: string; aria: string; colour: string }[]): Panel {
  const rows = points.map((p) => ({ ...p, when: day(p.date) }));
  const max = Math.max(...rows.map((p) => p.value), ...limits.map((l) => l.value));
  const min = Math.min(...rows.map((p) => p.value), ...limits.map((l) => l.value));
  const unit = rows[0]?.unit ?? '';
  return {
    id,
    title: unit === '' ? title : `${title} (${unit})`,
    draw: (width) =>
      rows.length === 0
        ? undefined
        : plot(model, width, 140, title, { domain: [Math.max(0, min - (max - min) * 0.25), max + (max - min) * 0.25 + 0.01], label: unit, grid: true }, [
            ...limits.flatMap((l) => labeledRule(l.value, l.label, l.colour, l.aria)),
            Plot.line(rows, { x: 'when', y: 'value', stroke: '#90a4ae', ariaDescription: `${id} line` }),
            Plot.dot(rows, {
              x: 'when',
              y: 'value',
              r: 4,
              fill: (p: (typeof rows)[number]) => (p.outside ? RED : '#263238'),
              ariaDescription: id,
              title: (p: (typeof rows)[number]) => `${p.comparator ?? ''}${formatNumber(p.value, lang)} ${p.unit} (${formatDate(p.date, lang)})`,
            }),
          ]),
    table: () => ({
      headers: [word('date', lang), word('value', lang), word('limit', lang)],
      rows: rows.map((p) => [formatDate(p.date, lang), `${p.comparator ?? ''}${formatNumber(p.value, lang)} ${p.unit}${p.kind === undefined ? '' : ` (${p.kind})`}`, p.outside ? word('outside', lang) : '']),
    }),
  };
}

function treatmentPanel(model: OverviewModel, lang: Lang): Panel {
  const row = (c: DrugClass): string => className(c, lang);
  const courses = model.courses.map((c) => ({ ...c, row: row(c.drugClass), from: day(c.start), to: day(c.end) }));
  const gaps = model.intervals.filter((i) => i.kind === 'gap').map((i) => ({ ...i, row: row(i.drugClass), from: day(i.start), to: day(i.end) }));
  const pauses = model.intervals.filter((i) => i.kind === 'pause').map((i) => ({ ...i, row: row(i.drugClass), from: day(i.start), to: day(i.end), mid: new Date((day(i.start).getTime() + day(i.end).getTime()) / 2) }));
  const stops = courses.filter((c) => c.stoppedOn !== undefined).map((c) => ({ row: c.row, when: day(c.stoppedOn ?? c.end) }));
  const doses = model.doses.map((d) => ({ ...d, row: row(d.drugClass), when: day(d.date) }));
  const due = model.due.map((d) => ({ ...d, row: row(d.drugClass), when: day(d.due), late: day(d.latestInTime ?? d.due) }));
  const gc = model.glucocorticoid.map((g) => ({ ...g, row: row('glucocorticoid'), from: day(g.start), to: day(g.end) }));
  const rows = [...new Set([...courses.map((c) => c.row), ...pauses.map((p) => p.row), ...doses.map((d) => d.row), ...gc.map((g) => g.row)])];
  const today = day(model.today);
  return {
    id: 'treatment',
    title: word('treatment', lang),
    draw: (width) =>
      rows.length === 0
        ? undefined
        : plot(model, width, 50 + rows.length * 34, word('treatment', lang), { domain: rows, label: null }, [
            Plot.barX(gc, {
              x1: 'from',
              x2: 'to',
              y: 'row',
              fill: COLOURS.glucocorticoid,
              fillOpacity: (g: (typeof gc)[number]) => Math.min(1, 0.35 + (g.dailyMg ?? 5) / 20),
              insetTop: 6,
              insetBottom: 6,
              ariaDescription: 'glucocorticoid',
              title: (g: (typeof gc)[number]) => `${formatDate(g.start, lang)} – ${formatDate(g.end, lang)}${g.dailyMg === undefined ? '' : `: ${formatNumber(g.dailyMg, lang)} ${word('dailyDose', lang)}`}`,
            }),
            Plot.barX(courses, {
              x1: 'from',
              x2: 'to',
              y: 'row',
              fill: (c: (typeof courses)[number]) => COLOURS[c.drugClass] ?? '#455a64',
              fillOpacity: 0.8,
              insetTop: 6,
              insetBottom: 6,
              ariaDescription: 'course',
              title: (c: (typeof courses)[number]) => `${c.drugs.join(', ')}: ${formatDate(c.start, lang)} – ${formatDate(c.end, lang)} (${word(c.status, lang)})`,
            }),
            Plot.barX(gaps, { x1: 'from', x2: 'to', y: 'row', fill: 'none', stroke: '#78909c', strokeDasharray: '3,3', insetTop: 9, insetBottom: 9, ariaDescription: 'gap' }),
            Plot.barX(pauses, {
              x1: 'from',
              x2: 'to',
              y: 'row',
              fill: '#eceff1',
              stroke: (p: (typeof pauses)[number]) => (p.ended === true ? RED : '#546e7a'),
              strokeDasharray: '5,3',
              insetTop: 6,
              insetBottom: 6,
              ariaDescription: 'pause',
            }),
            Plot.text(pauses, { x: 'mid', y: 'row', text: () => word('pause', lang), fill: '#37474f', ariaDescription: 'pause label' }),
            Plot.tickX(stops, { x: 'when', y: 'row', stroke: RED, strokeWidth: 3, ariaDescription: 'stop' }),
            Plot.dot(doses.filter((d) => d.drugClass === 'denosumab'), { x: 'when', y: 'row', symbol: 'triangle', fill: '#004d40', stroke: 'white', r: 5, ariaDescription: 'injection', title: (d: (typeof doses)[number]) => `${word('injection', lang)} ${formatDate(d.date, lang)}` }),
            Plot.dot(doses.filter((d) => d.drugClass === 'zoledronic-acid'), { x: 'when', y: 'row', symbol: 'diamond', fill: '#4a148c', stroke: 'white', r: 5, ariaDescription: 'infusion', title: (d: (typeof doses)[number]) => `${word('infusion', lang)} ${formatDate(d.date, lang)}` }),
            Plot.dot(due.filter((d) => !d.overdue), { x: 'when', y: 'row', symbol: 'circle', fill: 'white', stroke: '#263238', r: 5, ariaDescription: 'due', title: (d: (typeof due)[number]) => `${word('due', lang)} ${formatDate(d.due, lang)}` }),
            Plot.link(due.filter((d) => d.overdue), { x1: 'late', x2: () => today, y1: 'row', y2: 'row', stroke: RED, strokeWidth: 3, ariaDescription: 'overdue span' }),
            Plot.dot(due.filter((d) => d.overdue), {
              x: 'late',
              y: 'row',
              symbol: 'times',
              stroke: RED,
              strokeWidth: 3,
              r: 7,
              ariaDescription: 'overdue',
              title: (d: (typeof due)[number]) => `${word('overdue', lang)}: ${word('due', lang).toLowerCase()} ${formatDate(d.due, lang)}`,
            }),
          ]),
    table: () => ({
      headers: [word('kind', lang), word('start', lang), word('end', lang), word('status', lang)],
      rows: [
        ...courses.map((c) => [`${c.row} (${c.drugs.join(', ')})`, formatDate(c.start, lang), formatDate(c.end, lang), c.stoppedOn === undefined ? word(c.status, lang) : `${word('stopped', lang)} ${formatDate(c.stoppedOn, lang)}`]),
        ...gaps.map((g) => [`${word('gap', lang)}: ${g.row}`, formatDate(g.start, lang), formatDate(g.end, lang), '']),
        ...pauses.map((p) => [`${word('pause', lang)}: ${p.row}`, formatDate(p.start, lang), '', p.ended === true ? word('pauseEnded', lang) : '']),
        ...doses.map((d) => [d.drugClass === 'denosumab' ? word('injection', lang) : word('infusion', lang), formatDate(d.date, lang), '', '']),
        ...due.map((d) => [`${word('due', lang)}: ${d.row}`, formatDate(d.due, lang), '', d.overdue ? word('overdue', lang) : '']),
        ...gc.map((g) => [g.row, formatDate(g.start, lang), formatDate(g.end, lang), g.dailyMg === undefined ? '' : `${formatNumber(g.dailyMg, lang)} ${word('dailyDose', lang)}`]),
      ],
    }),
  };
}

function fracturePanel(model: OverviewModel, lang: Lang): Panel {
  const points = model.fractures.map((f) => ({ ...f, row: fractureSiteName(f.site, lang), when: day(f.date) }));
  return {
    id: 'fractures',
    title: word('fractures', lang),
    ...(model.undatedFractures === 0 ? {} : { note: `${model.undatedFractures} ${word('undated', lang)}` }),
    draw: (width) =>
      points.length === 0
        ? undefined
        : plot(model, width, 50 + new Set(points.map((p) => p.row)).size * 30, word('fractures', lang), { domain: [...new Set(points.map((p) => p.row))], label: null }, [
            Plot.dot(points, {
              x: 'when',
              y: 'row',
              symbol: (p: (typeof points)[number]) => (p.mechanism === 'high-energy' ? 'square' : 'star'),
              fill: (p: (typeof points)[number]) => (p.mechanism === 'low-energy' ? RED : p.mechanism === 'high-energy' ? '#607d8b' : AMBER),
              r: 6,
              ariaDescription: 'fracture',
              title: (p: (typeof points)[number]) => `${p.row}${p.vertebra === undefined ? '' : ` ${p.vertebra}`} (${word(p.mechanism, lang)}) ${formatDate(p.date, lang)}`,
            }),
          ]),
    table: () => ({
      headers: [word('date', lang), word('site', lang), word('mechanism', lang)],
      rows: points.map((p) => [formatDate(p.date, lang), `${p.row}${p.vertebra === undefined ? '' : ` ${p.vertebra}`}${p.count > 1 ? ` ×${p.count}` : ''}`, word(p.mechanism, lang)]),
    }),
  };
}

/** The panels in the order a GP reads them: bone density, markers, kidney and calcium, treatment, fractures. */
export function panels(model: OverviewModel, lang: Lang): Panel[] {
  const calciumLabel = (v: number): string => formatNumber(v, lang);
  return [
    tScorePanel(model, lang),
    ...markerPanels(model, lang),
    labPanel(model, lang, 'egfr', word('egfr', lang), model.egfr, [{ value: model.egfrLimit, label: String(model.egfrLimit), aria: 'egfr 35', colour: RED }]),
    labPanel(model, lang, 'calcium', word('calcium', lang), model.calcium, [
      { value: model.calciumLimits.low, label: calciumLabel(model.calciumLimits.low), aria: 'calcium low', colour: RED },
      { value: model.calciumLimits.high, label: calciumLabel(model.calciumLimits.high), aria: 'calcium high', colour: AMBER },
    ]),
    labPanel(model, lang, 'vitamin-d', word('vitaminD', lang), model.vitaminD, [
      { value: model.vitaminDLimit, label: String(model.vitaminDLimit), aria: 'vitamin d limit', colour: RED },
      { value: model.vitaminDTarget, label: String(model.vitaminDTarget), aria: 'vitamin d target', colour: AMBER },
    ]),
    treatmentPanel(model, lang),
    fracturePanel(model, lang),
  ];
}
