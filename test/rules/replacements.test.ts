/**
 * rules.md section 3, "which card replaces which", through the registry (`REPLACES` in
 * src/rules/index.ts): switch-to-parenteral replaces btm-response-inadequate, denosumab-stopped
 * replaces denosumab-overdue, bisphosphonate-ten-years replaces the two 5-year cards.
 */
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_TOPICS, type Topic } from '../../src/contract/topics.js';
import { evaluatePatientView, REPLACES } from '../../src/rules/index.js';
import { btmResponseInadequate } from '../../src/rules/follow-up/btm-response-inadequate.js';
import { denosumabOverdue } from '../../src/rules/follow-up/denosumab-overdue.js';
import { course, ctxOf, fracture, intolerance, p1np, patient, scan } from '../helpers/facts.js';
import type { RuleContext } from '../../src/rules/types.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 72 };
const followUpTopics = (ctx: RuleContext): Topic[] => evaluatePatientView(ctx).map((r) => r.topic).filter((t) => (FOLLOW_UP_TOPICS as readonly string[]).includes(t));

describe('replacements (REPLACES)', () => {
  it('declares the three replacements of rules.md section 3', () => {
    expect(REPLACES['switch-to-parenteral']).toEqual(['btm-response-inadequate']);
    expect(REPLACES['denosumab-stopped']).toEqual(['denosumab-overdue']);
    expect(REPLACES['bisphosphonate-ten-years']).toEqual(['bisphosphonate-pause-candidate', 'bisphosphonate-continue']);
  });

  it('shows switch-to-parenteral, never with btm-response-inadequate, after a second inadequate marker', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-10')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')] } }));
    expect(btmResponseInadequate(ctx)).toBeDefined(); // the rule fires on its own …
    const topics = followUpTopics(ctx);
    expect(topics).toContain('switch-to-parenteral'); // … but the registry drops it
    expect(topics).not.toContain('btm-response-inadequate');
  });

  it('shows switch-to-parenteral instead of btm-response-inadequate when an intolerance meets a first inadequate marker', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-10')], intolerances: [intolerance('alendronate')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-09-20')] } }));
    expect(followUpTopics(ctx)).toEqual(['switch-to-parenteral']);
  });

  it('keeps btm-response-adequate beside switch-to-parenteral (an intolerance), but not saying "continue"', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-10')], intolerances: [intolerance('alendronate')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(30, '2026-09-20')] } }));
    const recs = evaluatePatientView(ctx);
    expect(recs.map((r) => r.topic)).toEqual(expect.arrayContaining(['switch-to-parenteral', 'btm-response-adequate']));
    expect(recs.find((r) => r.topic === 'btm-response-adequate')).toMatchObject({ notContinued: 'switch-to-parenteral' });
    // Without the switch, it says continue.
    const alone = evaluatePatientView(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-10')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(30, '2026-09-20')] } })));
    expect(alone.find((r) => r.topic === 'btm-response-adequate')).not.toHaveProperty('notContinued');
  });

  it('keeps btm-response-inadequate when nothing replaces it', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-10')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-09-20')] } }));
    expect(followUpTopics(ctx)).toEqual(['btm-response-inadequate']);
  });

  it('shows denosumab-stopped and never denosumab-overdue for a stopped course 8 months after the last injection', () => {
    // last injection 2026-03-20 + 7 months = 2026-10-20 < today
    const ctx = ctxOf(patient({ ...woman, courses: [course('denosumab', '2024-03-20', { lastDose: '2026-03-20', status: 'stopped', stoppedOn: '2026-09-01' })] }));
    const topics = followUpTopics(ctx);
    expect(topics).toContain('denosumab-stopped');
    expect(topics).not.toContain('denosumab-overdue');
    expect(topics).not.toContain('denosumab-injection-due');
    expect(denosumabOverdue(ctx)).toBeUndefined();
  });

  it('shows denosumab-overdue (and no other denosumab card) for an active course 8 months after the last injection', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('denosumab', '2024-03-20', { lastDose: '2026-03-20' })] }));
    // the 2-year DXA (2024-03-20 + 24 months) is due as well
    expect(followUpTopics(ctx)).toEqual(['dxa-follow-up-due', 'denosumab-overdue']);
  });

  it('shows bisphosphonate-ten-years and neither 5-year card at 12 years', () => {
    const ctx = ctxOf(patient({ ...woman, courses: [course('alendronate', '2014-11-26')], dxa: [scan('2026-09-01', { 'total-hip': -2.8 }, { performer: { display: 'Rigshospitalet' } })], fractures: [fracture('spine', '2013-05-01')] }));
    const topics = followUpTopics(ctx);
    expect(topics).toContain('bisphosphonate-ten-years');
    expect(topics).not.toContain('bisphosphonate-continue');
    expect(topics).not.toContain('bisphosphonate-pause-candidate');
  });

  it('shows exactly one of the 5-year cards between 5 and 10 years', () => {
    const pause = ctxOf(patient({ ...woman, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-09-01', { 'total-hip': -2.0 })] }));
    expect(followUpTopics(pause).filter((t) => t.startsWith('bisphosphonate-'))).toEqual(['bisphosphonate-pause-candidate']);
    const cont = ctxOf(patient({ ...woman, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-09-01', { 'total-hip': -2.6 })] }));
    expect(followUpTopics(cont).filter((t) => t.startsWith('bisphosphonate-'))).toEqual(['bisphosphonate-continue']);
  });
});
