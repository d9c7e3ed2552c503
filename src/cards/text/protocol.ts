/**
 * rules.md "Missing data": when prefetch keys could not be obtained but enough remains to answer,
 * a `data-unavailable` card says so, so no GP mistakes "no card" for "nothing to do".
 */
import type { ProtocolTopic } from '../../contract/topics.js';
import type { TopicTexts } from './types.js';

export const PROTOCOL_TEXTS: Readonly<Record<ProtocolTopic, TopicTexts>> = {
  'data-unavailable': {
    da: {
      title: 'Data mangler',
      summary: () => 'Ufuldstændig vurdering: dele af journalen kunne ikke hentes',
      detail: () =>
        'Osteoporose-vurderingen bygger kun på de data, der kunne hentes. **Manglende kort betyder ikke, at der intet er at gøre.** ' +
        'Tjek de manglende oplysninger i journalen, eller åbn patienten igen senere.',
    },
    en: {
      title: 'Data unavailable',
      summary: () => 'Incomplete assessment: part of the record could not be retrieved',
      detail: () =>
        'The osteoporosis assessment rests only on the data that could be retrieved. **No card does not mean nothing to do.** ' +
        'Check the missing information in the record, or open the patient again later.',
    },
  },
};
