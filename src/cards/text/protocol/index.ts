/** The texts of rules.md "Missing data": one file per topic, in the catalogue's order. */
import type { ProtocolTopic } from '../../../contract/topics.js';
import type { TextsOf } from '../types.js';
import { dataUnavailableTexts } from './data-unavailable.js';

export const PROTOCOL_TEXTS: TextsOf<ProtocolTopic> = {
  'data-unavailable': dataUnavailableTexts,
};
