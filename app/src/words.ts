// The overview's words in Danish and English (the cards come worded by the service).
import type { DrugClass, DxaSite, FractureSite } from '../../src/facts/types.js';

export type Lang = 'da' | 'en';

const WORDS = {
  title: { da: 'Knoglesundhed – overblik', en: 'Bone health – overview' },
  loading: { da: 'Henter journalen …', en: 'Reading the record …' },
  failed: { da: 'Overblikket kunne ikke vises', en: 'The overview could not be shown' },
  asOf: { da: 'Opgjort', en: 'As of' },
  tScores: { da: 'T-score pr. målested', en: 'T-scores per site' },
  markers: { da: 'Knoglemarkører', en: 'Bone turnover markers' },
  egfr: { da: 'eGFR', en: 'eGFR' },
  calcium: { da: 'Calcium', en: 'Calcium' },
  vitaminD: { da: '25-OH-D (D-vitamin)', en: '25-OH-D (vitamin D)' },
  treatment: { da: 'Behandlingsforløb', en: 'Treatment courses' },
  fractures: { da: 'Brud', en: 'Fractures' },
  glucocorticoid: { da: 'Glukokortikoid', en: 'Glucocorticoid' },
  showTable: { da: 'Vis tabel', en: 'Show table' },
  hideTable: { da: 'Skjul tabel', en: 'Hide table' },
  noData: { da: 'Ingen data i journalen.', en: 'No data in the record.' },
  date: { da: 'Dato', en: 'Date' },
  value: { da: 'Værdi', en: 'Value' },
  site: { da: 'Målested', en: 'Site' },
  performer: { da: 'Udført af', en: 'Performed by' },
  marker: { da: 'Markør', en: 'Marker' },
  fall: { da: 'Fald fra baseline', en: 'Fall from baseline' },
  baseline: { da: 'Baseline', en: 'Baseline' },
  line30: { da: '30 %-linje', en: '30 % line' },
  notFasting: { da: 'ikke fastende før kl. 10', en: 'not fasting before 10 am' },
  noBaseline: { da: 'Ingen baseline før start: sammenlignes med præmenopausalt gennemsnit', en: 'No baseline before start: compared with the premenopausal mean' },
  limit: { da: 'Grænse', en: 'Limit' },
  outside: { da: 'Uden for grænsen', en: 'Outside the limit' },
  kind: { da: 'Type', en: 'Kind' },
  drug: { da: 'Præparat', en: 'Drug' },
  start: { da: 'Start', en: 'Start' },
  end: { da: 'Slut', en: 'End' },
  status: { da: 'Status', en: 'Status' },
  active: { da: 'aktiv', en: 'active' },
  stopped: { da: 'seponeret', en: 'stopped' },
  ended: { da: 'afsluttet', en: 'ended' },
  gap: { da: 'Ophold', en: 'Gap' },
  pause: { da: 'Behandlingspause', en: 'Treatment pause' },
  pauseEnded: { da: 'Pausen holder ikke længere (nyt brud eller hofte-T-score ≤ −2,5)', en: 'The pause no longer holds (new fracture or hip T-score ≤ −2.5)' },
  injection: { da: 'Denosumab-injektion', en: 'Denosumab injection' },
  infusion: { da: 'Zoledronsyre-infusion', en: 'Zoledronic acid infusion' },
  due: { da: 'Næste forfalder', en: 'Next due' },
  overdue: { da: 'Overskredet', en: 'Overdue' },
  overdueSince: { da: 'overskredet siden', en: 'overdue since' },
  dailyDose: { da: 'mg prednisolon/døgn', en: 'mg prednisolone/day' },
  mechanism: { da: 'Mekanisme', en: 'Mechanism' },
  'low-energy': { da: 'lavenergi', en: 'low-energy' },
  'high-energy': { da: 'højenergi', en: 'high-energy' },
  unknown: { da: 'ukendt', en: 'unknown' },
  undated: { da: 'brud uden dato (ikke tegnet)', en: 'fractures without a date (not drawn)' },
  today: { da: 'I dag', en: 'Today' },
  cards: { da: 'Kort fra beslutningsstøtten nu', en: 'Cards from the decision support now' },
  noCards: { da: 'Ingen kort for patienten i dag.', en: 'No cards for the patient today.' },
  cardsNeedJwt: {
    da: 'Kortene kan ikke hentes herfra: tjenesten kræver, at EPJ-systemet kalder den (JWT). Se kortene i EPJ.',
    en: 'The cards cannot be fetched from here: the service requires calls from the EHR (JWT). See the cards in the EHR.',
  },
  cardsFailed: { da: 'Kortene kunne ikke hentes.', en: 'The cards could not be fetched.' },
  facts: { da: 'Fakta bag kortene', en: 'The facts behind the cards' },
  evidence: { da: 'Grundlag', en: 'Evidence' },
  unavailable: { da: 'Data der ikke kunne hentes', en: 'Data that could not be had' },
  patient: { da: 'Patient', en: 'Patient' },
  years: { da: 'år', en: 'years' },
  female: { da: 'kvinde', en: 'female' },
  male: { da: 'mand', en: 'male' },
  other: { da: 'andet', en: 'other' },
  sexUnknown: { da: 'køn ukendt', en: 'sex unknown' },
  cumulative12: { da: 'kumuleret 12 mdr.', en: 'cumulated 12 months' },
  print: { da: 'Udskriv', en: 'Print' },
  snapshot: { da: 'Det kortet så, da det blev vist', en: 'What the card saw when it was shown' },
  snapshotGone: {
    da: 'Overblikket er ikke længere gemt (det gemmes kun i kort tid). Åbn appen fra EPJ igen.',
    en: 'This overview is no longer kept (it is kept only for a short time). Open the app from the EHR again.',
  },
} as const;

export type WordKey = keyof typeof WORDS;

export function word(key: WordKey, lang: Lang): string {
  return WORDS[key][lang];
}

const SITES: Readonly<Record<DxaSite, { da: string; en: string }>> = {
  'lumbar-spine': { da: 'Columna lumbalis', en: 'Lumbar spine' },
  'total-hip': { da: 'Total hofte', en: 'Total hip' },
  'femoral-neck': { da: 'Collum femoris', en: 'Femoral neck' },
  forearm: { da: 'Underarm', en: 'Forearm' },
  other: { da: 'Andet', en: 'Other' },
};

const FRACTURE_SITES: Readonly<Record<FractureSite, { da: string; en: string }>> = {
  spine: { da: 'Ryg', en: 'Spine' },
  hip: { da: 'Hofte', en: 'Hip' },
  pelvis: { da: 'Bækken', en: 'Pelvis' },
  'upper-arm': { da: 'Overarm', en: 'Upper arm' },
  forearm: { da: 'Underarm', en: 'Forearm' },
  other: { da: 'Andet', en: 'Other' },
};

const CLASSES: Readonly<Partial<Record<DrugClass, { da: string; en: string }>>> = {
  'oral-bisphosphonate': { da: 'Bisfosfonat (peroral)', en: 'Oral bisphosphonate' },
  'zoledronic-acid': { da: 'Zoledronsyre', en: 'Zoledronic acid' },
  denosumab: { da: 'Denosumab', en: 'Denosumab' },
  anabolic: { da: 'Anabol behandling', en: 'Anabolic treatment' },
  serm: { da: 'SERM (raloxifen)', en: 'SERM (raloxifene)' },
  'other-bisphosphonate': { da: 'Andet bisfosfonat', en: 'Other bisphosphonate' },
  glucocorticoid: { da: 'Glukokortikoid', en: 'Glucocorticoid' },
};

export function siteName(site: DxaSite, lang: Lang): string {
  return SITES[site][lang];
}

export function fractureSiteName(site: FractureSite, lang: Lang): string {
  return FRACTURE_SITES[site][lang];
}

export function className(drugClass: DrugClass, lang: Lang): string {
  return CLASSES[drugClass]?.[lang] ?? drugClass;
}

/** 2026-03-01 → 01.03.2026 (da) or 1 Mar 2026 (en). */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  if (lang === 'da') return `${d}.${m}.${y}`;
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatNumber(value: number, lang: Lang, digits = 2): string {
  return value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits });
}
