import { describe, expect, it } from 'vitest';
import { requiredConcepts } from '../../src/facts/concepts.js';
import { terminology } from '../helpers/facts-builders.js';

describe('the contract between the bindings and the facts stage', () => {
  it('every concept the facts stage reads exists in the built-in bindings, with the right kind and codes', () => {
    const t = terminology();
    const problems: string[] = [];
    for (const [id, kind] of requiredConcepts()) {
      const concept = t.concepts.get(id);
      if (concept === undefined) problems.push(`${id}: missing`);
      else if (concept.kind !== kind) problems.push(`${id}: kind ${concept.kind}, expected ${kind}`);
      else if (concept.codings.length === 0 && concept.names.length === 0) problems.push(`${id}: no codings`);
    }
    expect(problems).toEqual([]);
  });

  it('every observation concept with a measure says which unit family it is', () => {
    const t = terminology();
    for (const [id, kind] of requiredConcepts()) {
      if (kind !== 'observation' || id === 'smoking-status') continue;
      expect(t.concepts.get(id)?.measure, id).toBeDefined();
    }
  });
});
