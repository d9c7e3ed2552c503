/**
 * rules.md section 4, "A draft that must not go ahead", and section 6, "two cards that disagree":
 * a draft `rx-duplicate-antiresorptive` offers to delete gets no one click from another card that
 * keeps it (rules/index.ts `withoutKeepingRemovedDuplicate`, `barredDose`); the second order of
 * the same drug, which it removes as its action, loses its how-to-start cards too
 * (must-not-go-ahead.ts `duplicateRemoval`) [choice].
 */
import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { SuggestionSpec } from '../../src/contract/suggestions.js';
import { evaluatePrescribing } from '../../src/rules/index.js';
import { duplicateRemoval } from '../../src/rules/prescribing/must-not-go-ahead.js';
import { rxDuplicateAntiresorptive } from '../../src/rules/prescribing/rx-duplicate-antiresorptive.js';
import { calcium, condition, course, ctxOf, draft, egfr, patient, vitaminD, type FactsInput } from '../helpers/facts.js';

// TODAY = 2026-11-26
const labs = { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
const base: FactsInput = { sex: 'female', age: 74, labs };
const run = (input: FactsInput, drafts: readonly DraftOrder[], settings: Parameters<typeof ctxOf>[1] = {}) => evaluatePrescribing(ctxOf(patient({ ...base, ...input, drafts: [...drafts] }), settings));
const of = (recs: readonly Recommendation[], d: DraftOrder) => recs.filter((r) => r.draft === d.ref);
const topicsOf = (recs: readonly Recommendation[], d: DraftOrder) => of(recs, d).map((r) => r.topic);

const prolia = () => draft('denosumab', { identity: { brandProlia: true }, doseMgPerAdministration: 60, intervalDays: 182.625 });
const onDenosumab = course('denosumab', '2024-01-01', { lastDose: '2026-09-26' });
const onZoledronicAcid = course('zoledronic-acid', '2025-05-20', { lastDose: '2026-05-20' });

describe('duplicateRemoval: how the duplicate card leaves its draft', () => {
  const dup = (recs: readonly Recommendation[], d: DraftOrder) => recs.find((r) => r.topic === 'rx-duplicate-antiresorptive' && r.draft === d.ref);

  it('the same drug ordered twice: the second draft is removed (the card\'s action); the first gets no card', () => {
    const [first, second] = [draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 }), prolia()];
    const recs = run({}, [first, second]);
    expect(dup(recs, second)).toMatchObject({ doubleOrder: true });
    expect(duplicateRemoval(dup(recs, second) as Recommendation)).toBe('remove');
    expect(dup(recs, first)).toBeUndefined();
  });

  it('two drugs in one basket ("remove one": the GP may remove the other): one way of two [choice: the safer reading]', () => {
    const [zol, dmab] = [draft('zoledronic-acid'), prolia()];
    const recs = run({}, [zol, dmab]);
    expect(dup(recs, dmab)).not.toHaveProperty('doubleOrder');
    expect(duplicateRemoval(dup(recs, dmab) as Recommendation)).toBe('stop-or-remove');
    expect(dup(recs, zol)).toBeUndefined();
  });

  it('another antiresorptive in use ("stop it, or remove the draft"): one way of two', () => {
    const dmab = prolia();
    expect(duplicateRemoval(dup(run({ courses: [onZoledronicAcid] }, [dmab]), dmab) as Recommendation)).toBe('stop-or-remove');
  });

  it('denosumab kept at eGFR ≤ 35 (egfrLow): the draft is removed (the rule\'s card; in an answer rx-egfr-too-low bars it too)', () => {
    const aln = draft('alendronate');
    const facts = patient({ ...base, courses: [onDenosumab], labs: { ...labs, egfr: [egfr(30, '2026-11-20')] }, drafts: [aln] });
    const rec = rxDuplicateAntiresorptive(ctxOf(facts), aln);
    expect(rec).toMatchObject({ egfrLow: true });
    expect(duplicateRemoval({ ...rec, draft: aln.ref } as Recommendation)).toBe('remove');
  });

  it('the advised switch (switchAdvised) removes nothing; a follow-on after denosumab is no duplicate', () => {
    const dmab = prolia();
    const switching = run({ courses: [course('alendronate', '2024-01-01')], conditions: [condition('non-adherence')] }, [dmab]);
    expect(dup(switching, dmab)).toMatchObject({ switchAdvised: true });
    expect(duplicateRemoval(dup(switching, dmab) as Recommendation)).toBeUndefined();
    expect(topicsOf(switching, dmab)).toContain('rx-denosumab-biosimilar');
    const aln = draft('alendronate');
    const followOn = run({ courses: [course('denosumab', '2023-01-01', { lastDose: '2026-05-26' })] }, [aln]);
    expect(dup(followOn, aln)).toBeUndefined();
  });
});

describe('a draft the duplicate card removes as its action: a draft that must not go ahead', () => {
  it('Obodence then Prolia (the same drug twice): the Prolia draft gets no biosimilar switch, start checklist or lab card; the first keeps its own', () => {
    const obodence = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 });
    const second = prolia();
    const recs = run({ labs: {} }, [obodence, second]);
    expect(topicsOf(recs, second)).toEqual(['rx-duplicate-antiresorptive']);
    expect(topicsOf(recs, obodence)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing']));
  });

  it('denosumab ordered twice: the second draft, removed, gets no recall of its next injection', () => {
    const first = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 });
    const second = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 });
    const recs = run({ labs: {} }, [first, second]);
    expect(topicsOf(recs, second)).toEqual(['rx-duplicate-antiresorptive']);
    expect(topicsOf(recs, first)).toContain('rx-denosumab-schedule');
  });

  it('two alendronate drafts, swallowing difficulty: Binosto and the start checklist for the first only', () => {
    const [first, second] = [draft('alendronate'), draft('alendronate')];
    const recs = run({ conditions: [condition('dysphagia')], labs: {} }, [first, second]);
    expect(topicsOf(recs, first)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-swallowing-difficulty', 'rx-lab-missing']));
    for (const t of ['rx-start-checklist', 'rx-swallowing-difficulty', 'rx-lab-missing', 'rx-vitamin-d-low']) expect(topicsOf(recs, second)).not.toContain(t);
  });

  it('zoledronic acid dosed twice yearly, then denosumab: the denosumab (the duplicate) keeps its biosimilar card without the switch; the zoledronic acid (the first) keeps its correction', () => {
    const zol = draft('zoledronic-acid', { doseMgPerAdministration: 5, intervalDays: 182 });
    const dmab = prolia();
    const recs = run({}, [zol, dmab]);
    expect(of(recs, zol).find((r) => r.topic === 'rx-dose-interval')?.suggestions).toHaveLength(1);
    const biosimilar = of(recs, dmab).find((r) => r.topic === 'rx-denosumab-biosimilar');
    expect(biosimilar).toBeDefined();
    expect(biosimilar?.suggestions ?? []).toHaveLength(0);
  });

  it('the dose card of a removed duplicate stays critical without its correction (barred: rx-duplicate-antiresorptive)', () => {
    const zol = draft('zoledronic-acid');
    const dmab = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 91 });
    const dose = of(run({}, [zol, dmab]), dmab).find((r) => r.topic === 'rx-dose-interval');
    expect(dose).toMatchObject({ indicator: 'critical', barred: 'rx-duplicate-antiresorptive' });
    expect(dose).not.toHaveProperty('suggestions');
  });
});

describe('two drugs in one basket: the checks before the draft stay, whichever the GP removes (rules.md section 4 names four cards that silence them)', () => {
  it('alendronate and zoledronic acid, no labs: the zoledronic acid the duplicate card offers to remove keeps its missing 30-day labs', () => {
    const [aln, zol] = [draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 }), draft('zoledronic-acid', { doseMgPerAdministration: 5, intervalDays: 365 })];
    const recs = run({ labs: {} }, [aln, zol]);
    expect(topicsOf(recs, zol)).toContain('rx-duplicate-antiresorptive');
    const missing = of(recs, zol).find((r) => r.topic === 'rx-lab-missing');
    expect(missing?.reasons).toEqual(expect.arrayContaining(['calcium-missing', 'vitamin-d-missing']));
    expect(topicsOf(recs, aln)).toContain('rx-lab-missing');
  });

  it('zoledronic acid with 25-OH-D 45 beside a denosumab draft: the infusion keeps rx-vitamin-d-low', () => {
    const [dmab, zol] = [draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 }), draft('zoledronic-acid', { doseMgPerAdministration: 5, intervalDays: 365 })];
    const recs = run({ labs: { ...labs, vitaminD: [vitaminD(45, '2026-11-20')] } }, [dmab, zol]);
    expect(topicsOf(recs, zol)).toEqual(expect.arrayContaining(['rx-duplicate-antiresorptive', 'rx-vitamin-d-low']));
  });

  it('alendronate selected beside an unselected denosumab draft (order-select), labs fine: the first tablet keeps its start checklist', () => {
    const dmab = { ...draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 }), selected: false };
    const aln = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 });
    const recs = run({}, [dmab, aln]);
    expect(topicsOf(recs, aln)).toEqual(expect.arrayContaining(['rx-duplicate-antiresorptive', 'rx-start-checklist']));
  });

  it('a denosumab draft beside an alendronate draft keeps the recall of its next injection', () => {
    const [aln, dmab] = [draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 }), draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 })];
    const recs = run({}, [aln, dmab]);
    expect(topicsOf(recs, dmab)).toEqual(expect.arrayContaining(['rx-duplicate-antiresorptive', 'rx-denosumab-schedule']));
  });
});

describe('the same drug ordered twice, the first held back: the second keeps its checks', () => {
  it('alendronate daily then weekly, no labs: the dose card corrects the first, the weekly one keeps its start and lab cards', () => {
    const daily = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 });
    const weekly = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 });
    const recs = run({ labs: {} }, [daily, weekly]);
    expect(topicsOf(recs, daily)).toContain('rx-dose-interval');
    expect(topicsOf(recs, weekly)).toEqual(expect.arrayContaining(['rx-duplicate-antiresorptive', 'rx-lab-missing', 'rx-start-checklist']));
  });

  it('the recall of the next injection is no one click on a denosumab draft the duplicate card offers to remove', () => {
    const [aln, dmab] = [draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 }), draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 })];
    const schedule = of(run({}, [aln, dmab]), dmab).find((r) => r.topic === 'rx-denosumab-schedule');
    expect(schedule).toBeDefined();
    expect((schedule?.suggestions ?? []).filter((s) => s.kind === 'reminder')).toEqual([]);
    // Alone, the draft's recall is offered.
    const alone = of(run({}, [dmab]), dmab).find((r) => r.topic === 'rx-denosumab-schedule');
    expect((alone?.suggestions ?? []).filter((s) => s.kind === 'reminder')).toHaveLength(1);
  });
});

describe('another antiresorptive in use ("stop it, or remove the draft") [choice: the safer reading]', () => {
  it('Prolia six months after zoledronic acid: the biosimilar card keeps its text but not its one click; the pre-start checks stay', () => {
    const dmab = prolia();
    const recs = run({ courses: [onZoledronicAcid], labs: {} }, [dmab]);
    const biosimilar = of(recs, dmab).find((r) => r.topic === 'rx-denosumab-biosimilar');
    expect(biosimilar).toBeDefined();
    expect(biosimilar).not.toHaveProperty('suggestions');
    expect(biosimilar).not.toHaveProperty('selectionBehavior');
    expect(topicsOf(recs, dmab)).toContain('rx-lab-missing');
  });

  it('alendronate with a swallowing difficulty on denosumab: the Binosto card stays without the switch', () => {
    const aln = draft('alendronate');
    const recs = run({ courses: [onDenosumab], conditions: [condition('dysphagia')] }, [aln]);
    const binosto = of(recs, aln).find((r) => r.topic === 'rx-swallowing-difficulty');
    expect(binosto).toBeDefined();
    expect(binosto).not.toHaveProperty('suggestions');
  });

  it('alendronate daily on denosumab, Prolia 3-monthly on zoledronic acid: the dose card offers no correction (barred by the duplicate)', () => {
    const aln = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 });
    const daily = of(run({ courses: [onDenosumab] }, [aln]), aln).find((r) => r.topic === 'rx-dose-interval');
    expect(daily).toMatchObject({ indicator: 'critical', barred: 'rx-duplicate-antiresorptive' });
    expect(daily).not.toHaveProperty('suggestions');
    const dmab = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 91 });
    expect(of(run({ courses: [onZoledronicAcid] }, [dmab]), dmab).find((r) => r.topic === 'rx-dose-interval')).toMatchObject({ barred: 'rx-duplicate-antiresorptive' });
    // No duplicate (no other antiresorptive): the correction stays, recommended.
    expect(of(run({}, [aln]), aln).find((r) => r.topic === 'rx-dose-interval')?.suggestions).toHaveLength(1);
  });
});

describe('when the duplicate card is not the last word', () => {
  it('a bar on the drug itself comes first: eGFR ≤ 35 names rx-egfr-too-low, not the duplicate', () => {
    const aln = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 });
    const recs = run({ courses: [onZoledronicAcid], labs: { ...labs, egfr: [egfr(30, '2026-11-20')] } }, [aln]);
    expect(of(recs, aln).find((r) => r.topic === 'rx-dose-interval')).toMatchObject({ barred: 'rx-egfr-too-low' });
  });

  it('a denosumab draft that doubles only a contraindicated tablet has no duplicate card, so it keeps its start cards and one clicks', () => {
    const [aln, dmab] = [draft('alendronate'), prolia()];
    const recs = run({ conditions: [condition('peptic-ulcer')] }, [aln, dmab]);
    expect(topicsOf(recs, dmab)).not.toContain('rx-duplicate-antiresorptive');
    expect(topicsOf(recs, dmab)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-denosumab-biosimilar']));
    expect(of(recs, dmab).find((r) => r.topic === 'rx-denosumab-biosimilar')?.suggestions).toHaveLength(1);
  });

  it('two drafts both barred (zoledronic acid and alendronate at eGFR ≤ 35): no duplicate card says "remove one" beside the two critical cards that each remove their own', () => {
    const [zol, aln] = [draft('zoledronic-acid'), draft('alendronate')];
    const recs = run({ labs: { ...labs, egfr: [egfr(30, '2026-11-20')] } }, [zol, aln]);
    expect(recs.filter((r) => r.topic === 'rx-egfr-too-low').map((r) => [r.draft, r.indicator])).toEqual([
      [zol.ref, 'critical'],
      [aln.ref, 'critical'],
    ]);
    expect(recs.map((r) => r.topic)).not.toContain('rx-duplicate-antiresorptive');
    // One of them barred, the other free to go ahead: the barred one still doubles it (its card stays).
    const [aln2, dmab] = [draft('alendronate'), prolia()];
    const ulcer = run({ conditions: [condition('peptic-ulcer')] }, [dmab, aln2]);
    expect(ulcer.find((r) => r.topic === 'rx-duplicate-antiresorptive')).toMatchObject({ draft: aln2.ref, otherDrafts: [dmab.ref] });
  });

  it('a site that hides the duplicate card (disabledTopics) still gets no one click keeping the draft: hidden cards hide text, not findings', () => {
    const dmab = prolia();
    const recs = run({ courses: [onZoledronicAcid] }, [dmab], { disabledTopics: ['rx-duplicate-antiresorptive'] });
    expect(topicsOf(recs, dmab)).not.toContain('rx-duplicate-antiresorptive');
    expect(of(recs, dmab).find((r) => r.topic === 'rx-denosumab-biosimilar')).not.toHaveProperty('suggestions');
  });

  it('a site that hides the "do not prescribe" card still gets the checks before the start (rules.md §4: a draft that *gets* such a card), never the barred drug in another form', () => {
    const aln = draft('alendronate');
    const lowCalcium = { labs: { calcium: [calcium(2.0, '2026-11-20')], vitaminD: [vitaminD(40, '2026-11-20')] } };
    // Shown, the low calcium holds the start: its card alone.
    expect(topicsOf(run(lowCalcium, [aln]), aln)).toEqual(['rx-hypocalcaemia']);
    // Hidden, the missing eGFR and the low vitamin D are still said; nothing else came back.
    const hidden = topicsOf(run(lowCalcium, [aln], { disabledTopics: ['rx-hypocalcaemia'] }), aln);
    expect(hidden).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low']));
    expect(hidden).not.toContain('rx-hypocalcaemia');
    // An ulcer bars the tablet: hidden, the checks come back, but no effervescent alendronate in its place.
    const ulcer = { conditions: [condition('peptic-ulcer'), condition('dysphagia')], labs: { vitaminD: [vitaminD(35, '2026-11-20')] } };
    expect(topicsOf(run(ulcer, [aln]), aln)).not.toContain('rx-swallowing-difficulty');
    const ulcerHidden = topicsOf(run(ulcer, [aln], { disabledTopics: ['rx-oral-contraindicated'] }), aln);
    expect(ulcerHidden).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low']));
    expect(ulcerHidden).not.toContain('rx-swallowing-difficulty');
    // A daily dose hidden: the checks, and never its fix elsewhere.
    const daily = draft('alendronate', { intervalDays: 1 });
    const dailyHidden = run({ labs: {} }, [daily], { disabledTopics: ['rx-dose-interval'] });
    expect(topicsOf(dailyHidden, daily)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing']));
    expect(of(dailyHidden, daily).flatMap((r) => r.suggestions ?? []).filter((sg) => keeps(sg) === daily.ref)).toEqual([]);
    // A low calcium only holds the order: hidden, the effervescent tablet for a swallowing difficulty is said again.
    const dysphagia = { conditions: [condition('dysphagia')], labs: { calcium: [calcium(2.0, '2026-11-20')] } };
    expect(topicsOf(run(dysphagia, [aln]), aln)).not.toContain('rx-swallowing-difficulty');
    expect(topicsOf(run(dysphagia, [aln], { disabledTopics: ['rx-hypocalcaemia'] }), aln)).toContain('rx-swallowing-difficulty');
  });

  it('a hidden bar leaves the duplicate card in place: two antiresorptives drafted together are never both started without a word', () => {
    const [aln, dmab] = [draft('alendronate'), prolia()];
    const ulcer = { conditions: [condition('peptic-ulcer')] };
    const hidden = run(ulcer, [aln, dmab], { disabledTopics: ['rx-oral-contraindicated'] });
    const duplicate = hidden.find((r) => r.topic === 'rx-duplicate-antiresorptive');
    // The ordinary "ordered together, remove one": not the second choice pointing to the hidden card.
    expect(duplicate).toBeDefined();
    expect(duplicate).not.toHaveProperty('switchFor');
    expect(duplicate?.suggestions?.some((sg) => sg.kind === 'remove-draft')).toBe(true);
    // Two alendronate orders at a hidden low calcium: "remove one" keeps its one click, and the checks come once.
    const [first, second] = [draft('alendronate'), draft('alendronate')];
    const twice = run({ labs: { calcium: [calcium(2.0, '2026-11-20')] } }, [first, second], { disabledTopics: ['rx-hypocalcaemia'] });
    const removeOne = twice.find((r) => r.topic === 'rx-duplicate-antiresorptive');
    expect(removeOne?.suggestions?.some((sg) => sg.kind === 'remove-draft')).toBe(true);
    expect(twice.filter((r) => r.topic === 'rx-start-checklist')).toHaveLength(1);
  });
});

/** The draft a suggestion deletes, and the draft it keeps as an order (updated or corrected). */
function deletes(s: SuggestionSpec): string | undefined {
  if (s.kind === 'remove-draft') return s.draft;
  if (s.kind === 'referral') return s.replacesDraft;
  return s.kind === 'prescribe' && s.replaces?.mode === 'delete-create' ? s.replaces.draft : undefined;
}
function keeps(s: SuggestionSpec): string | undefined {
  if (s.kind === 'fix-schedule') return s.draft;
  return s.kind === 'prescribe' && s.replaces?.mode === 'update' ? s.replaces.draft : undefined;
}

describe('sweep: no draft is both deleted and kept (updated, corrected) by two cards of one answer', () => {
  const drugs = [
    () => draft('alendronate'),
    () => draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 }),
    () => prolia(),
    () => draft('denosumab', { identity: { brandProlia: true }, doseMgPerAdministration: 60, intervalDays: 91 }),
    () => draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 182.625 }),
    () => draft('zoledronic-acid'),
    () => draft('zoledronic-acid', { doseMgPerAdministration: 5, intervalDays: 182 }),
    () => draft('risedronate'),
  ];
  const courses: Record<string, FactsInput['courses']> = {
    none: [],
    denosumab2mo: [onDenosumab],
    denosumab6mo: [course('denosumab', '2023-01-01', { lastDose: '2026-05-26' })],
    zoledronicAcid6mo: [onZoledronicAcid],
    alendronate: [course('alendronate', '2024-01-01')],
  };
  const extras: Record<string, FactsInput> = {
    plain: {},
    dysphagia: { conditions: [condition('dysphagia')] },
    ulcer: { conditions: [condition('peptic-ulcer')] },
    nonAdherence: { conditions: [condition('non-adherence')] },
    egfr30: { labs: { ...labs, egfr: [egfr(30, '2026-11-20')] } },
    lowCalcium: { labs: { ...labs, calcium: [calcium(2.0, '2026-11-20')] } },
    noLabs: { labs: {} },
  };
  const baskets: [string, () => DraftOrder[]][] = [];
  drugs.forEach((a, i) => {
    baskets.push([`${i}`, () => [a()]]);
    drugs.forEach((b, j) => baskets.push([`${i}+${j}`, () => [a(), b()]]));
  });

  it.each(Object.keys(courses).flatMap((c) => Object.keys(extras).map((e) => [c, e] as const)))('courses %s, %s', (c, e) => {
    const conflicts: string[] = [];
    for (const [name, make] of baskets) {
      for (const selectLast of [false, true]) {
        const drafts = make().map((d, k, all) => (selectLast && all.length > 1 && k === 0 ? { ...d, selected: false } : d));
        const recs = run({ ...extras[e], courses: courses[c] }, drafts);
        for (const d of drafts) {
          const deleting = recs.filter((r) => r.suggestions?.some((s) => deletes(s) === d.ref) === true);
          const keeping = recs.filter((r) => r.suggestions?.some((s) => keeps(s) === d.ref) === true);
          // Alternatives within one card ("remove it, or switch it") are the GP's choice.
          if (deleting.length > 0 && keeping.length > 0 && new Set([...deleting, ...keeping]).size > 1) {
            conflicts.push(`${name}${selectLast ? ' (select last)' : ''} ${d.identity?.drug ?? d.ref}: delete by ${deleting.map((r) => r.topic).join(',')}, keep by ${keeping.map((r) => r.topic).join(',')}`);
          }
        }
      }
    }
    expect(conflicts).toEqual([]);
  });
});
