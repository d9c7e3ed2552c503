/**
 * Composed answers for records that broke the composition rules (December 2026 review), evaluated
 * through the CLI (`osteo-cds evaluate --json`) on 2026-11-26. Bundles, drafts and request bodies
 * are in `composition-cases/`. rules.md section 6 ("Composition").
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCards, type CardLike } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./composition-cases/${name}`, import.meta.url));

interface Suggestion {
  readonly label: string;
  readonly isRecommended?: boolean;
  readonly actions?: readonly { readonly type: string; readonly resourceId?: string; readonly resource?: Record<string, unknown> }[];
}
type Card = Omit<CardLike, 'suggestions'> & { readonly selectionBehavior?: string; readonly suggestions?: readonly Suggestion[] };

const topicsOf = (c: Card): readonly string[] => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];

async function patientView(scenario: string, ...options: string[]): Promise<Card[]> {
  return await cliCards(['evaluate', file(`${scenario}.bundle.json`), '--now', '2026-11-26', '--json', ...options]);
}

describe('an anabolic candidate beside the second choice (rules.md §2 "never two cards that compete for the decision", §6 "Never together")', () => {
  it.each(['pv51-ulcer-anabolic-labs-ok', 'pv06-ulcer-anabolic-hipfx', 'pv36-ulcer-hypoCa-anabolic-vitd'])('%s: one card decides, the treatment card carrying the anabolic topic and framing the start as made while the specialist decides', async (scenario) => {
    for (const lang of ['da', 'en']) {
      const cards = await patientView(scenario, '--lang', lang);
      const deciding = cards.filter((c) => topicsOf(c).includes('treatment-indicated') || topicsOf(c).includes('anabolic-treatment-consideration'));
      expect(deciding).toHaveLength(1);
      expect(deciding[0]?.source.topic?.code).toBe('treatment-indicated');
      expect(topicsOf(deciding[0]!)).toContain('anabolic-treatment-consideration');
      expect(deciding[0]?.summary).toMatch(lang === 'da' ? /anabol/ : /anabolic/);
    }
  });

  it('the GP can take the start and the anabolic referral in one click: each start of the alternatives carries it, the referral alone comes last (§2 "the start while the specialist decides", §6 at-most-one)', async () => {
    for (const options of [[], ['--site-config', file('separate.json')]]) {
      const cards = await patientView('pv51-ulcer-anabolic-labs-ok', ...options);
      const treatment = cards.find((c) => c.source.topic?.code === 'treatment-indicated');
      expect(treatment?.selectionBehavior).toBe('at-most-one');
      const suggestions = treatment?.suggestions ?? [];
      const referrals = (s: (typeof suggestions)[number]): string[] => (s.actions ?? []).flatMap((a) => (a.resource?.resourceType === 'ServiceRequest' ? [JSON.stringify(a.resource)] : []));
      const anabolic = (s: (typeof suggestions)[number]): boolean => referrals(s).some((r) => r.includes('anabol'));
      // Denosumab (pre-selected) with the referral, zoledronic acid's referral asking it too, the referral alone.
      expect(suggestions.map((s) => [s.isRecommended === true, s.actions?.length, anabolic(s)])).toEqual([
        [true, 2, true],
        [false, 1, true],
        [false, 1, true],
      ]);
      // One anabolic referral in one click: no other card offers it again.
      const elsewhere = cards.filter((c) => c !== treatment).flatMap((c) => c.suggestions ?? []).filter(anabolic);
      expect(elsewhere).toEqual([]);
    }
    const separate = await patientView('pv51-ulcer-anabolic-labs-ok', '--site-config', file('separate.json'));
    expect(separate.map((c) => c.source.topic?.code)).toEqual(['treatment-indicated', 'anabolic-treatment-consideration', 'bone-healthy-lifestyle']);
    expect(separate[1]?.detail).toContain('Henvisningen ligger på behandlingskortet');
  });
});

describe('one click, one order (CHANGELOG "an order that acts on no draft … is offered once per answer")', () => {
  const dxaOrders = (cards: readonly Card[]): string[] =>
    cards.flatMap((c) => (c.suggestions ?? []).filter((s) => s.actions?.some((a) => JSON.stringify(a.resource ?? {}).includes('312681000')) === true).map(() => c.source.topic?.code ?? '?'));

  it.each(['pv54-alendronate-5y-spine-only-dxa', 'pv53-alendronate-5y-no-dxa-on-record'])('%s: one DXA referral, on the DXA card; the continue card still names the missing hip T-score', async (scenario) => {
    for (const options of [[], ['--site-config', file('separate.json')]]) {
      const cards = await patientView(scenario, ...options);
      expect(dxaOrders(cards)).toEqual(['dxa-follow-up-due']);
      expect(cards.flatMap((c) => c.extension?.['osteo-cds.reasons'] ?? [])).toContain('hip-t-score-missing');
    }
  });

  it('pv18 with the observations unavailable (a CDS Hooks request body): one DXA referral', async () => {
    const cards: Card[] = await cliCards(['evaluate', file('pv18-alendronate-5y-pause-candidate.req-observations-unavailable.json'), '--now', '2026-11-26', '--json']);
    expect(dxaOrders(cards)).toEqual(['dxa-follow-up-due']);
  });
});

describe('two drafts barred', () => {
  it('by warnings only (alendronate and risedronate beside an ulcer): the duplicate card stays — a GP who overrides both warnings would sign two bisphosphonates', async () => {
    const cards = await cliCards(['evaluate', file('pv51-ulcer-anabolic-labs-ok.bundle.json'), '--now', '2026-11-26', '--json', '--hook', 'order-sign', '--draft', file('ulcer-alendronate-and-risedronate.draft.json')]);
    expect(cards.map((c) => c.source.topic?.code)).toContain('rx-duplicate-antiresorptive');
  });

  it('rx37: no duplicate card says "remove one" beside the two critical cards that each remove their own draft (rules.md §6 "two cards that disagree")', async () => {
    for (const options of [[], ['--site-config', file('separate.json')]]) {
      const cards = await cliCards(['evaluate', file('rx37-two-zoledronic-egfr-low.bundle.json'), '--now', '2026-11-26', '--json', '--hook', 'order-sign', '--draft', file('rx37-two-zoledronic-egfr-low.draft.json'), ...options]);
      expect(cards.map((c) => [c.source.topic?.code, c.indicator])).toEqual([
        ['rx-egfr-too-low', 'critical'],
        ['rx-egfr-too-low', 'critical'],
      ]);
    }
  });
});

describe('one card per rule and draft order (rules.md section 4)', () => {
  it('rx33: the same MedicationRequest id twice in the draft Bundle is one draft: one start checklist', async () => {
    const cards = await cliCards(['evaluate', file('rx33-same-draft-id-twice.bundle.json'), '--now', '2026-11-26', '--json', '--hook', 'order-sign', '--draft', file('rx33-same-draft-id-twice.draft.json')]);
    expect(cards.filter((c) => (c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code]).includes('rx-start-checklist'))).toHaveLength(1);
    expect(cards).toHaveLength(1);
  });

  it('two different orders under one id (weekly, then daily alendronate) are both judged: the daily one keeps its critical dose card', async () => {
    const cards = await cliCards(['evaluate', file('rx33-same-draft-id-twice.bundle.json'), '--now', '2026-11-26', '--json', '--hook', 'order-sign', '--draft', file('rx33-same-id-weekly-then-daily.draft.json')]);
    expect(cards.filter((c) => c.indicator === 'critical').map((c) => c.source.topic?.code)).toEqual(['rx-dose-interval']);
  });
});

describe('bisphosphonate-continue without a hip T-score names the scan there is', () => {
  const continueDetail = async (scenario: string): Promise<string> =>
    (await patientView(scenario)).find((c) => (c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code]).includes('bisphosphonate-continue'))?.detail ?? '';

  it('"the same hospital as last time" only after a scan: none on record says so, a spine-only scan is named', async () => {
    const none = await continueDetail('pv53-alendronate-5y-no-dxa-on-record');
    expect(none).not.toContain('samme hospital som sidst');
    expect(none).toContain('Ingen DXA-skanning registreret');
    const spineOnly = await continueDetail('pv54-alendronate-5y-spine-only-dxa');
    expect(spineOnly).toContain('(samme hospital som sidst)');
    expect(spineOnly).toContain('Seneste DXA-skanning 01.06.2019');
  });
});

