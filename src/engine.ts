/**
 * PLACEHOLDER, to be replaced at merge by the real engine (terminology, facts, rules, cards).
 *
 * It keeps the protocol branch runnable: `createEngine(config)` returns an `Engine` that asks for
 * a provisional list of observation codes (the LOINC and NPU codes of the `observation` concepts
 * in docs/terminology.json, `UNRESOLVED-*` placeholders skipped) and answers every call with no
 * cards.
 */
import type { Config } from './config.js';
import type { Engine } from './pipeline.js';

/** Provisional discovery `code=` list; the terminology bindings will supply the real one. */
export const PROVISIONAL_OBSERVATION_CODES: readonly string[] = [
  '38267-1', '38263-0', '80948-3', '80947-5', '38264-8', '80946-7', '80945-9', '38265-5', '80944-2', '80943-4',
  '38266-3', '80950-9', '80949-1', '85390-3', '85389-5', '85388-7', '85394-5', '80934-3', '80933-5', '80932-7',
  '24966-4', '24701-5', '38261-4', '46278-8', '46279-6', '80954-1', '80953-3', '24890-6', '46383-6', '38268-9',
  '77370-5', '10337-4', '41171-0', '62292-8', '1989-3', '14635-7', '35365-6', 'NPU10267', 'NPU26810', 'NPU01435',
  '62238-1', '98979-8', '98980-6', '33914-3', '48642-3', '48643-1', '88293-6', '88294-4', '69405-9', '77147-7',
  '50044-7', 'DNK35302', 'DNK35131', 'DNK35301', 'DNK35303', '2160-0', '14682-9', '38483-4', '59826-8', 'NPU18016',
  'NPU04998', '2000-8', '17861-6', '1996-8', '49765-1', 'NPU01443', '1995-0', '17863-2', '1994-3', '38230-9',
  'NPU04144', 'NPU01446', '29265-6', '46099-8', '1751-7', 'NPU19673', 'NPU01132', '39156-5', 'NPU27281', '8302-2',
  'NPU03794', '29463-7', 'NPU03804', '72166-2', '74013-4', '75626-2', '72109-2', '11331-6', '52552-7', '59454-9',
];

export function createEngine(_config: Config): Engine {
  return {
    observationCodes: PROVISIONAL_OBSERVATION_CODES,
    evaluate: () => ({ cards: [] }),
  };
}
