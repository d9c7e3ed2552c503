/**
 * Reading a site's CDS_TERMINOLOGY file (node only): kept apart from terminology.ts so the
 * browser bundle of the overview app (/app/) can build the same terminology without `node:fs`.
 */
import { readFileSync } from 'node:fs';
import builtIn from './bindings.json' with { type: 'json' };
import { buildTerminology, terminologyError, type Terminology } from './terminology.js';

/**
 * Loads the built-in bindings and, when given, merges a site file (CDS_TERMINOLOGY) over them.
 * @throws ConfigError listing every problem when a file is unreadable or invalid.
 */
export function loadTerminology(extraFile?: string): Terminology {
  let site: unknown;
  if (extraFile !== undefined && extraFile.trim() !== '') {
    let text: string;
    try {
      text = readFileSync(extraFile, 'utf8');
    } catch (err) {
      throw terminologyError(`file ${extraFile}`, [`cannot be read: ${err instanceof Error ? err.message : String(err)}`]);
    }
    try {
      site = JSON.parse(text);
    } catch (err) {
      throw terminologyError(`file ${extraFile}`, [`is not JSON: ${err instanceof Error ? err.message : String(err)}`]);
    }
    return buildTerminology(builtIn, site, `file ${extraFile}`);
  }
  return buildTerminology(builtIn);
}
