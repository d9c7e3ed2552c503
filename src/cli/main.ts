/**
 * `osteo-cds evaluate <bundle.json> [--hook …] [--draft <file>] [--lang da|en] [--now YYYY-MM-DD] [--json]`
 *
 * Prints the cards the service would give for one patient — readably, or as the CDS Hooks JSON
 * response — without starting a server and without the network. The engine is the service's own,
 * with CDS_TERMINOLOGY and CDS_SITE_CONFIG from the environment (or --terminology / --site-config).
 *
 * Exit status: 0 cards printed (also when there are none); 2 a usage or input problem (one line on
 * stderr: a missing file, invalid JSON, not a Bundle, no Patient, a bad option); 1 anything else.
 */
import { parseArgs } from 'node:util';
import { parsePreviewNow } from '../http/preview/clock.js';
import { ConfigError } from '../shared/config-error.js';
import { readPublicUrls } from '../config.js';
import { assembleService } from '../startup.js';
import { formatCards } from './format.js';
import { draftInput, InputError, patientInput, readJson } from './input.js';
import { type Hook, HOOKS } from '../contract/services.js';
import { danishDate } from '../time/local-date.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** "Now" when --now is not given (tests pin it). */
  readonly now?: () => Date;
}

export const USAGE = `Usage: osteo-cds evaluate <bundle.json> [options]

Prints the osteoporosis guideline cards for one patient, without a server.

<bundle.json>   a FHIR R4 Bundle of one patient's resources (one Patient), or a CDS Hooks request
Options:
  --hook <hook>          patient-view (default), order-select, order-sign or medication-prescribe
                         (default order-sign when --draft is given; a request file's own hook otherwise)
  --draft <file>         the draft order(s) for a prescribing hook: a MedicationRequest or a Bundle of them
  --lang da|en           card language (default CDS_LANGUAGE, else da)
  --now YYYY-MM-DD       evaluate as of this date (default today)
  --json                 print the CDS Hooks response as JSON
  --terminology <file>   extra code bindings (default CDS_TERMINOLOGY)
  --site-config <file>   site settings (default CDS_SITE_CONFIG)
  -h, --help             this text
With CDS_PUBLIC_URL set (the service's base URL), each card links to its guideline page ("Læs mere"),
as the service's own answers do.
Exit status: 0 ok, 2 usage or input error, 1 other error.
`;

const PRESCRIBING: readonly Hook[] = ['order-select', 'order-sign', 'medication-prescribe'];

/** The first entry of CDS_PUBLIC_URL, as the service reads it (config.ts): the base of the cards' guideline links. */
function publicBase(value: string | undefined): string | undefined {
  const { urls, problem } = readPublicUrls(value);
  if (problem !== undefined) throw new InputError(`CDS_PUBLIC_URL: ${problem}`);
  return urls?.[0];
}

function isHook(v: string): v is Hook {
  return (HOOKS as readonly string[]).includes(v);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`osteo-cds: ${message}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)} (see osteo-cds --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length === 0) {
    (values.help === true ? io.stdout : io.stderr).write(USAGE);
    return values.help === true ? 0 : 2;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'evaluate') return fail(`unknown command ${JSON.stringify(command)}; the command is: osteo-cds evaluate <bundle.json>`);
  if (file === undefined) return fail('give the patient file: osteo-cds evaluate <bundle.json>');
  if (extra.length > 0) return fail(`one patient file at a time (also got ${extra.join(' ')})`);

  try {
    if (values.hook !== undefined && !isHook(values.hook)) throw new InputError(`--hook must be one of ${HOOKS.join(', ')}`);
    const lang = values.lang ?? io.env.CDS_LANGUAGE ?? 'da';
    if (lang !== 'da' && lang !== 'en') throw new InputError('--lang must be da or en');
    let now = (io.now ?? (() => new Date()))();
    if (values.now !== undefined) {
      const pinned = /^\d{4}-\d{2}-\d{2}$/.test(values.now) ? parsePreviewNow(values.now) : undefined;
      if (pinned === undefined) throw new InputError('--now must be a date, YYYY-MM-DD');
      now = pinned;
    }
    const input = await patientInput(readJson(file, 'patient file'), file);
    const drafts = values.draft === undefined ? input.drafts : draftInput(readJson(values.draft, 'draft file'), values.draft);
    const hook: Hook = values.hook ?? (values.draft !== undefined && (input.hook === undefined || input.hook === 'patient-view') ? 'order-sign' : (input.hook ?? 'patient-view'));
    const prescribing = PRESCRIBING.includes(hook);
    if (prescribing && drafts.length === 0) throw new InputError(`${hook} needs a draft order: give --draft <file>`);
    if (!prescribing && values.draft !== undefined) throw new InputError('--draft is for the prescribing hooks (order-select, order-sign, medication-prescribe)');

    const baseUrl = publicBase(io.env.CDS_PUBLIC_URL);
    const { engine } = assembleService(siteEnv(io.env, values));
    const response = engine.evaluate({ ruleSet: prescribing ? 'prescribing' : 'patient-view', data: input.data, drafts, now, language: lang, ...(baseUrl === undefined ? {} : { baseUrl }) });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
    } else {
      const patientId = typeof input.data.patient.id === 'string' ? input.data.patient.id : '?';
      io.stdout.write(formatCards(response.cards, { hook, patient: `Patient/${patientId}`, date: danishDate(now), language: lang }));
    }
    return 0;
  } catch (err) {
    if (err instanceof InputError) return fail(err.message);
    if (err instanceof ConfigError) {
      io.stderr.write(`osteo-cds: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`osteo-cds: unexpected error: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]): {
  values: { hook?: string; draft?: string; lang?: string; now?: string; json?: boolean; terminology?: string; 'site-config'?: string; help?: boolean };
  positionals: string[];
} {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      hook: { type: 'string' },
      draft: { type: 'string' },
      lang: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean' },
      terminology: { type: 'string' },
      'site-config': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** CDS_TERMINOLOGY / CDS_SITE_CONFIG as the service reads them, overridden by the options (the rest of the environment is the server's business). */
function siteEnv(env: CliIo['env'], values: { terminology?: string; 'site-config'?: string }): Record<string, string | undefined> {
  return { CDS_TERMINOLOGY: values.terminology ?? env.CDS_TERMINOLOGY, CDS_SITE_CONFIG: values['site-config'] ?? env.CDS_SITE_CONFIG };
}
