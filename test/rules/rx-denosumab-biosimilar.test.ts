import { describe, expect, it } from 'vitest';
import { evaluatePrescribing } from '../../src/rules/index.js';
import { rxDenosumabBiosimilar } from '../../src/rules/prescribing/rx-denosumab-biosimilar.js';
import { ctxOf, draft, intolerance, patient } from '../helpers/facts.js';

describe('rx-denosumab-biosimilar (card l. 62-65, l. 121 "Biosimilære til Prolia, men billigere … Substitueres ikke på apoteket")', () => {
  it('proposes a biosimilar in place of Prolia recognised by its name alone ("Prolia 60 mg", no code)', () => {
    const d = draft('denosumab', { identity: { brandProlia: true, matchedBy: 'text', text: 'Prolia 60 mg' } });
    const rec = rxDenosumabBiosimilar(ctxOf(patient({ age: 70, drafts: [d] })), d);
    expect(rec).toMatchObject({ topic: 'rx-denosumab-biosimilar', indicator: 'info', reasons: ['brand-prolia'], evidence: [d.ref] });
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: d.ref, mode: 'update' } }]);
  });

  it('is silent for a biosimilar and for other drugs', () => {
    const bio = draft('denosumab');
    expect(rxDenosumabBiosimilar(ctxOf(patient({ drafts: [bio] })), bio)).toBeUndefined();
    const aln = draft('alendronate', { identity: { brandProlia: true } });
    expect(rxDenosumabBiosimilar(ctxOf(patient({ drafts: [aln] })), aln)).toBeUndefined();
  });

  it('is not shown with a denosumab intolerance on record (a biosimilar is denosumab), and is with another drug\'s', () => {
    const prolia = (): ReturnType<typeof draft> => draft('denosumab', { identity: { brandProlia: true } });
    const topics = (drug: Parameters<typeof intolerance>[0]): string[] => {
      const d = prolia();
      return evaluatePrescribing(ctxOf(patient({ age: 70, drafts: [d], intolerances: [intolerance(drug)] }))).map((r) => r.topic);
    };
    expect(topics('denosumab')).not.toContain('rx-denosumab-biosimilar');
    expect(topics('alendronate')).toContain('rx-denosumab-biosimilar');
  });
});
