/**
 * rules.md section 1: "A value in an unknown unit is not used and the card says so." A card that
 * finds a lab missing, out of date or due — or shows an older value — names the newer results it
 * could not read (25-OH-D in pmol/L, eGFR in mL/s …), so the GP fixes the unit instead of ordering
 * a test that was taken. One pass over every card, so no rule can forget it.
 */
import type { Finding, LabOrder } from '../contract/findings.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { UnusableValue } from '../facts/types.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { RuleContext } from './types.js';

type Shown = LabOrder | 'calcium-ionised' | 'calcium-corrected';

/** The lab a finding names, as the card shows it ('calcium' covers all three kinds); not the DXA or vitals. */
const SHOWN_AS: Readonly<Partial<Record<UnusableValue['concept'], Shown>>> = {
  egfr: 'egfr',
  creatinine: 'creatinine',
  'calcium-total': 'calcium',
  'calcium-corrected': 'calcium-corrected',
  'calcium-ionised': 'calcium-ionised',
  'vitamin-d': 'vitamin-d',
  p1np: 'p1np',
  ctx: 'ctx',
  albumin: 'albumin',
};

const labOf = (concept: UnusableValue['concept']): Shown | undefined => SHOWN_AS[concept];

function sameLab(wanted: Shown, unusable: Shown): boolean {
  return wanted === unusable || (wanted === 'calcium' && (unusable === 'calcium-ionised' || unusable === 'calcium-corrected'));
}

/** The labs a finding speaks for, and the day after which an unread result would have mattered. */
function asks(f: Finding, today: LocalDate): { readonly labs: readonly Shown[]; readonly after: LocalDate } | undefined {
  if (f.kind === 'lab') return { labs: [f.lab], after: f.date };
  if (f.kind === 'lab-missing') {
    const windowStart = f.withinDays === undefined ? '' : addDays(today, -f.withinDays - 1);
    return { labs: [f.lab], after: f.lastDate !== undefined && f.lastDate > windowStart ? f.lastDate : windowStart };
  }
  if (f.kind === 'marker-change') return { labs: [f.marker], after: f.latestDate };
  if (f.kind === 'due-date' && f.what === 'bone-marker') return { labs: ['p1np', 'ctx'], after: addDays(f.date, -1) };
  return undefined;
}

function unreadFor(f: Finding, unusable: readonly UnusableValue[], today: LocalDate): UnusableValue[] {
  const ask = asks(f, today);
  if (ask === undefined) return [];
  return unusable.filter((u) => {
    const lab = labOf(u.concept);
    return u.reason === 'unknown-unit' && lab !== undefined && u.date !== undefined && u.date > ask.after && ask.labs.some((l) => sameLab(l, lab));
  });
}

function withUnread(rec: Recommendation, ctx: RuleContext): Recommendation {
  const findings: Finding[] = [];
  const evidence = [...rec.evidence];
  let added = false;
  for (const f of rec.findings) {
    findings.push(f);
    for (const u of unreadFor(f, ctx.facts.unusable, ctx.today)) {
      if (findings.some((g) => g.kind === 'unusable-value' && g.ref === u.ref)) continue;
      findings.push({ kind: 'unusable-value', concept: labOf(u.concept) ?? u.concept, ref: u.ref, date: u.date, ...(u.unit === undefined ? {} : { unit: u.unit }) });
      if (!evidence.includes(u.ref)) evidence.push(u.ref);
      added = true;
    }
  }
  return added ? { ...rec, findings, evidence } : rec;
}

export function namingUnusableValues(recs: Recommendation[], ctx: RuleContext): Recommendation[] {
  if (ctx.facts.unusable.length === 0) return recs;
  return recs.map((r) => withUnread(r, ctx));
}
