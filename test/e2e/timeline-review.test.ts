/**
 * Follow-up timelines at their boundaries, through the CLI (`osteo-cds evaluate --json`), on the
 * records of the December 2026 timeline review (`timeline-review/`): the DXA after 2 and 5 years of
 * treatment counts anabolic treatment too (rules.md section 1 "On treatment": "an anabolic drug with
 * an active statement/request"); a course stopped after 5 years is paused from its last day
 * ("The pause starts on that end date"), which counts as a day of use.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCards, type CardLike } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./timeline-review/${name}.json`, import.meta.url));
const cards = (name: string, now: string, ...options: string[]): Promise<CardLike[]> => cliCards(['evaluate', file(name), '--now', now, '--json', ...options]);
const topicsOf = (c: CardLike): readonly string[] => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];
const reasons = (list: readonly CardLike[], topic: string): readonly string[] | undefined => list.find((c) => topicsOf(c).includes(topic))?.extension?.['osteo-cds.reasons'];

describe('dxa-follow-up-due on anabolic treatment (teriparatide from 2021-01-10, last DXA 2020-12-01)', () => {
  it('the 2-year DXA from the 2-year mark, not the day before; the 5-year DXA from the 5-year mark', async () => {
    expect(reasons(await cards('teriparatide-alone', '2023-01-09'), 'dxa-follow-up-due')).toBeUndefined();
    expect(reasons(await cards('teriparatide-alone', '2023-01-10'), 'dxa-follow-up-due')).toEqual(['two-year-dxa']);
    expect(reasons(await cards('teriparatide-alone', '2026-01-10'), 'dxa-follow-up-due')).toEqual(['five-year-dxa']);
  });

  it('teriparatide for 2 years, then alendronate: 2 years of treatment at the switch, the DXA is asked for', async () => {
    expect(reasons(await cards('teriparatide-then-alendronate', '2023-06-01'), 'dxa-follow-up-due')).toEqual(['two-year-dxa']);
  });
});

describe('alendronate 2015-06-15 to 2020-06-14, recorded stopped, pause criteria met', () => {
  it('paused on the stop day itself, with 5.0 years of treatment shown', async () => {
    const onTheDay = await cards('alendronate-stopped-after-5-years', '2020-06-14', '--lang', 'en');
    expect(reasons(onTheDay, 'bisphosphonate-pause-review')).toEqual(['pause-ongoing']);
    const review = onTheDay.find((c) => topicsOf(c).includes('bisphosphonate-pause-review'));
    expect(review?.detail).toContain('Alendronate since 15 Jun 2015 (5.0 years, stopped)');
    expect(reasons(await cards('alendronate-stopped-after-5-years', '2020-06-15'), 'bisphosphonate-pause-review')).toEqual(['pause-ongoing']);
  });
});
