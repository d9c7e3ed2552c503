/**
 * Configuration: every environment variable of the service contract (docs/service-contract.md,
 * "Configuration"), read once at start, validated by one zod schema with defaults, so that
 * `npm start` works with no environment at all and a bad value fails at start, never per request.
 *
 * `loadConfig(env)` reports every invalid variable at once (a `ConfigError` listing them all;
 * `readConfig` returns them, for start-up to list with the site files' problems, src/startup.ts);
 * `testConfig()` is the one place that documents how tests differ from production defaults.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Language } from './contract/language.js';
import { ConfigError } from './shared/config-error.js';
import { isSecureOrLoopbackUrl, withoutTrailingSlashes } from './shared/url.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** One trusted JWT issuer (CDS_TRUSTED_ISSUERS). */
export interface TrustedIssuer {
  /** JWKS URL (https, or http on a loopback host) or a file path. */
  readonly jwks: string;
  /** The `jku` its tokens carry, when it differs from `jwks`. */
  readonly jku?: string;
  /** Allowed `tenant` claims; absent = any. */
  readonly tenants?: readonly string[];
  /**
   * Base URL prefixes (no trailing slash) of the FHIR servers this issuer's calls may name as
   * `fhirServer`; absent = none: its calls are answered from their prefetch alone.
   */
  readonly fhirServers?: readonly string[];
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** CDS_LANGUAGE: card language when the request's Accept-Language names neither da nor en. */
  readonly language: Language;
  /** CDS_TRUSTED_ISSUERS; undefined = authentication off (warning at start). */
  readonly trustedIssuers: Readonly<Record<string, TrustedIssuer>> | undefined;
  readonly jwtAlgorithms: readonly string[];
  readonly jwtClockSkewS: number;
  /** CDS_FHIR_TIMEOUT_MS: one budget for all FHIR-server fetches of a request. */
  readonly fhirTimeoutMs: number;
  /** CDS_BODY_LIMIT in bytes (also caps each FHIR-server response page). */
  readonly bodyLimitBytes: number;
  /** CDS_REQUEST_TIMEOUT_MS: a service call is answered or refused (503) within this time. */
  readonly requestTimeoutMs: number;
  /** CDS_MAX_RESOURCES_PER_KEY: more resources under one prefetch key → 413. */
  readonly maxResourcesPerKey: number;
  /** CDS_MAX_DRAFT_ORDERS: more draft orders in one call → 413. */
  readonly maxDraftOrders: number;
  /** CDS_MAX_CONCURRENT_CALLS: service and feedback calls in flight at once; past it 503 with Retry-After. */
  readonly maxConcurrentCalls: number;
  /** CDS_RATE_LIMIT_PER_MIN: calls a minute per caller (issuer + tenant, else client address); 0 = no limit. */
  readonly rateLimitPerMin: number;
  /** CDS_TRUST_PROXY: the proxies (addresses, subnets, `loopback`…) whose X-Forwarded-For is believed; undefined = none. */
  readonly trustProxy: readonly string[] | undefined;
  /** CDS_FEEDBACK_DB: a file path, or `:memory:` (the embedded store, used when databaseUrl is unset). */
  readonly feedbackDb: string;
  /** CDS_DATABASE_URL: `postgres://…` puts the store in PostgreSQL (shared by replicas); undefined = SQLite. */
  readonly databaseUrl: string | undefined;
  /** CDS_RETENTION_DAYS: issued cards, audit entries and feedback older than this are deleted. */
  readonly retentionDays: number;
  /** CDS_TERMINOLOGY: path of a JSON file of extra code bindings; undefined = built in only. */
  readonly terminologyFile: string | undefined;
  /** CDS_PUBLIC_URL: base URLs (no trailing slash, no `/cds-services`); undefined = from the request. */
  readonly publicUrls: readonly string[] | undefined;
  /** CDS_CORS_ORIGINS: `'*'` or a list of origins. */
  readonly corsOrigins: '*' | readonly string[];
  /** CDS_SITE_CONFIG: path of the site settings JSON file. */
  readonly siteConfigFile: string | undefined;
  /** CDS_ADMIN_TOKEN: bearer token for /stats; undefined = /stats off. */
  readonly adminToken: string | undefined;
  /** CDS_PREVIEW: serve the card preview page (`/`), `/preview/fixtures` and the statistics page. */
  readonly preview: boolean;
  /**
   * CDS_PREVIEW_CLOCK: honour the `X-Osteo-Now` request header on hook calls (the preview page
   * evaluates fixtures as of their pinned date). Development only: a client must never set the
   * service's clock in production, so it is off unless a site turns it on.
   */
  readonly previewClock: boolean;
  /**
   * CDS_CALL_WORKER: under load, answer hook calls whole in a second worker thread
   * (http/call-in-worker.ts, offload-policy.ts); off, every call but the costliest is answered on
   * the event loop.
   */
  readonly callWorker: boolean;
  /** LOG_LEVEL (pino level). */
  readonly logLevel: LogLevel;
  /** CDS_METRICS_TOKEN: bearer token for /metrics; undefined = /metrics open. */
  readonly metricsToken: string | undefined;
  /** CDS_DRAIN_MS: after SIGTERM, /readyz answers 503 this long (still serving) before the listener closes. */
  readonly drainMs: number;
  /** CDS_SHUTDOWN_GRACE_MS: after the listener closes, how long running requests get before connections are cut. */
  readonly shutdownGraceMs: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: OTLP/HTTP base URL for traces; undefined = tracing off. */
  readonly otlpEndpoint: string | undefined;
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `10mb`, `512kb`, `1048576` → bytes (the units body-parser accepts, 1 kb = 1024 bytes). */
export function parseByteSize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * (BYTE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
  return bytes > 0 ? bytes : undefined;
}

/**
 * A CDS_TRUST_PROXY entry, as express `trust proxy` reads it: an address, a subnet
 * (`10.0.0.0/8`, `fd00::/8`) or a named range. Never `true` or a hop count: the contract wants
 * the proxies named, so a client cannot pick its own address with X-Forwarded-For.
 */
const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const PROXY_NAME_ERROR = 'each entry must be an IP address, a subnet such as 10.0.0.0/8, or loopback, linklocal, uniquelocal';
function isProxyName(entry: string): boolean {
  if (NAMED_PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const FORBIDDEN_ALGORITHM = /^(none|HS\d+)$/i;
const KNOWN_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

/** Empty variables count as unset (a common shell and compose-file habit). */
const unsetIfEmpty = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(unsetIfEmpty, z.string().optional());
const intInRange = (min: number, max: number, fallback: number): z.ZodType<number> =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );
const commaList = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const onOff = (fallback: boolean): z.ZodType<boolean> =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be on or off' })
      .transform((v) => v === 'on' || v === 'true' || v === '1')
      .default(fallback),
  );

const jwksLocation = z
  .string()
  .min(1, 'must be a JWKS URL or file path')
  .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || isSecureOrLoopbackUrl(v), 'a JWKS URL must be https (http only on loopback hosts)');

/**
 * A `fhirServers` prefix: an absolute https URL (http only on loopback, as for `fhirServer`
 * itself) naming scheme, host, port and path; no credentials, query or fragment, which a base
 * URL never has. Trailing slashes are dropped: a prefix matches whole path segments.
 */
const fhirServerPrefix = z
  .string()
  .refine(isSecureOrLoopbackUrl, { message: 'each entry must be an https URL (http only on loopback hosts)', abort: true })
  .refine((u) => {
    const url = new URL(u);
    return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  }, 'each entry must be a base URL without credentials, query or fragment')
  .transform((u) => withoutTrailingSlashes(new URL(u).href));

/** `"<jwks>"` is short for `{ "jwks": "<jwks>" }`; one shape is then checked, so errors name the field. */
const issuerEntry = z.preprocess(
  (v) => (typeof v === 'string' ? { jwks: v } : v),
  z.strictObject(
    {
      jwks: jwksLocation,
      jku: z.url().optional(),
      tenants: z.array(z.string().min(1)).min(1).optional(),
      fhirServers: z.array(fhirServerPrefix).optional(),
    },
    { error: 'must be a JWKS URL or file path, or an object { jwks, jku?, tenants?, fhirServers? }' },
  ),
);

const trustedIssuers = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((text, ctx) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(z.string().min(1), issuerEntry, { error: 'must be a JSON object of issuer → JWKS' })
        .refine((r) => Object.keys(r).length > 0, 'must name at least one issuer'),
    )
    .optional(),
);

const envSchema = z.object({
  PORT: intInRange(0, 65535, 3000),
  HOST: z.preprocess(unsetIfEmpty, z.string().default('0.0.0.0')),
  CDS_LANGUAGE: z.preprocess(unsetIfEmpty, z.enum(['da', 'en'], { error: 'must be da or en' }).default('da')),
  CDS_TRUSTED_ISSUERS: trustedIssuers,
  CDS_JWT_ALGORITHMS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('ES384,RS384')
      .transform(commaList)
      .superRefine((algs, ctx) => {
        if (algs.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one algorithm' });
        for (const alg of algs) {
          if (FORBIDDEN_ALGORITHM.test(alg)) {
            ctx.addIssue({ code: 'custom', message: `${alg} is never allowed (no none or HS*)` });
          } else if (!KNOWN_ALGORITHMS.includes(alg)) {
            ctx.addIssue({ code: 'custom', message: `unknown algorithm ${alg} (one of ${KNOWN_ALGORITHMS.join(', ')})` });
          }
        }
      }),
  ),
  CDS_JWT_CLOCK_SKEW_S: intInRange(0, 3600, 60),
  CDS_FHIR_TIMEOUT_MS: intInRange(1, 60_000, 2000),
  CDS_BODY_LIMIT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('10mb')
      .transform((v, ctx) => {
        const bytes = parseByteSize(v);
        if (bytes === undefined) {
          ctx.addIssue({ code: 'custom', message: 'must be a size such as 10mb, 512kb or a number of bytes' });
          return z.NEVER;
        }
        return bytes;
      }),
  ),
  CDS_REQUEST_TIMEOUT_MS: intInRange(100, 600_000, 10_000),
  CDS_MAX_RESOURCES_PER_KEY: intInRange(1, 1_000_000, 20_000),
  CDS_MAX_DRAFT_ORDERS: intInRange(1, 10_000, 100),
  CDS_MAX_CONCURRENT_CALLS: intInRange(1, 10_000, 64),
  CDS_RATE_LIMIT_PER_MIN: intInRange(0, 1_000_000, 600),
  CDS_TRUST_PROXY: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform(commaList)
      .pipe(z.array(z.string().refine(isProxyName, PROXY_NAME_ERROR)).min(1, 'must name at least one proxy'))
      .optional(),
  ),
  CDS_FEEDBACK_DB: z.preprocess(unsetIfEmpty, z.string().default('./data/feedback.sqlite')),
  CDS_DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      // Never echo the value: it may hold a password.
      .refine((u) => URL.canParse(u) && /^postgres(ql)?:$/.test(new URL(u).protocol), 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  CDS_RETENTION_DAYS: intInRange(1, 36_500, 400),
  CDS_TERMINOLOGY: optionalText,
  CDS_PUBLIC_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform(commaList)
      .pipe(
        z
          .array(
            z
              .string()
              .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'each entry must be an absolute http(s) URL')
              .transform(withoutTrailingSlashes)
              .refine((u) => !u.endsWith('/cds-services'), 'give the base URL without /cds-services'),
          )
          .min(1, 'must name at least one URL'),
      )
      .optional(),
  ),
  CDS_CORS_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('*')
      .transform(commaList)
      .pipe(
        z.union([
          z.tuple([z.literal('*')]).transform((): '*' => '*'),
          z
            .array(
              z
                .string()
                .refine((o) => URL.canParse(o) && new URL(o).origin === withoutTrailingSlashes(o), 'each entry must be an origin such as https://ehr.example.org')
                .transform(withoutTrailingSlashes),
            )
            .min(1),
        ]),
      ),
  ),
  CDS_SITE_CONFIG: optionalText,
  CDS_ADMIN_TOKEN: optionalText,
  CDS_PREVIEW: onOff(true),
  CDS_PREVIEW_CLOCK: onOff(false),
  CDS_CALL_WORKER: onOff(true),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level (fatal … trace, silent)' }).default('info'),
  ),
  CDS_METRICS_TOKEN: optionalText,
  CDS_DRAIN_MS: intInRange(0, 120_000, 5000),
  CDS_SHUTDOWN_GRACE_MS: intInRange(0, 300_000, 10_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL, e.g. http://otel-collector:4318')
      .transform(withoutTrailingSlashes)
      .optional(),
  ),
});

/** Every environment variable the service reads (for the checks of deploy/ and docs/). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** CDS_PUBLIC_URL read as the service reads it (for the CLI, which reads no other setting): the base URLs, or the problem. */
export function readPublicUrls(value: string | undefined): { readonly urls?: readonly string[]; readonly problem?: string } {
  const read = envSchema.shape.CDS_PUBLIC_URL.safeParse(value);
  return read.success ? (read.data === undefined ? {} : { urls: read.data }) : { problem: read.error.issues[0]?.message ?? 'not valid' };
}

/** The site files the environment names (CDS_SITE_CONFIG, CDS_TERMINOLOGY). */
export type SiteFiles = Pick<Config, 'siteConfigFile' | 'terminologyFile'>;

/** The environment read and checked: the configuration, or every problem of it. */
export type ConfigReading =
  | { readonly ok: true; readonly config: Config }
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      readonly siteFiles: SiteFiles;
      /** CDS_TRUSTED_ISSUERS when that variable itself is valid, so its JWKS files are checked too. */
      readonly trustedIssuers: Config['trustedIssuers'];
    };

/** Reads and validates the environment; throws a `ConfigError` that lists every invalid variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const reading = readConfig(env);
  if (!reading.ok) throw new ConfigError(reading.problems);
  return reading.config;
}

/**
 * Reads and validates the environment without throwing. When something is invalid, the site files
 * are still named (those two variables cannot be invalid) and the trusted issuers given when their
 * variable is valid, so start-up can check those files as well and list every problem at once.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigReading {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const files = envSchema.pick({ CDS_SITE_CONFIG: true, CDS_TERMINOLOGY: true }).safeParse(env);
    const issuers = envSchema.pick({ CDS_TRUSTED_ISSUERS: true }).safeParse(env);
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const [variable, ...rest] = i.path;
        const where = rest.map((p) => (typeof p === 'number' ? ` entry ${p + 1}` : ` ${String(p)}`)).join('');
        return `${variable === undefined ? '(environment)' : String(variable)}:${where === '' ? '' : `${where}:`} ${i.message}`;
      }),
      siteFiles: { siteConfigFile: files.data?.CDS_SITE_CONFIG, terminologyFile: files.data?.CDS_TERMINOLOGY },
      trustedIssuers: issuers.data?.CDS_TRUSTED_ISSUERS,
    };
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    language: e.CDS_LANGUAGE,
    trustedIssuers: e.CDS_TRUSTED_ISSUERS,
    jwtAlgorithms: e.CDS_JWT_ALGORITHMS,
    jwtClockSkewS: e.CDS_JWT_CLOCK_SKEW_S,
    fhirTimeoutMs: e.CDS_FHIR_TIMEOUT_MS,
    bodyLimitBytes: e.CDS_BODY_LIMIT,
    requestTimeoutMs: e.CDS_REQUEST_TIMEOUT_MS,
    maxResourcesPerKey: e.CDS_MAX_RESOURCES_PER_KEY,
    maxDraftOrders: e.CDS_MAX_DRAFT_ORDERS,
    maxConcurrentCalls: e.CDS_MAX_CONCURRENT_CALLS,
    rateLimitPerMin: e.CDS_RATE_LIMIT_PER_MIN,
    trustProxy: e.CDS_TRUST_PROXY,
    feedbackDb: e.CDS_FEEDBACK_DB,
    databaseUrl: e.CDS_DATABASE_URL,
    retentionDays: e.CDS_RETENTION_DAYS,
    terminologyFile: e.CDS_TERMINOLOGY,
    publicUrls: e.CDS_PUBLIC_URL,
    corsOrigins: e.CDS_CORS_ORIGINS,
    siteConfigFile: e.CDS_SITE_CONFIG,
    adminToken: e.CDS_ADMIN_TOKEN,
    preview: e.CDS_PREVIEW,
    previewClock: e.CDS_PREVIEW_CLOCK,
    callWorker: e.CDS_CALL_WORKER,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.CDS_METRICS_TOKEN,
    drainMs: e.CDS_DRAIN_MS,
    shutdownGraceMs: e.CDS_SHUTDOWN_GRACE_MS,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
  return { ok: true, config };
}

/**
 * The configuration tests run with: the production defaults of an empty environment, except
 * - `port: 0` (tests never listen on a fixed port; supertest picks one),
 * - `feedbackDb: ':memory:'` (no files; the persistence test passes its own temp file),
 * - `logLevel: 'silent'`,
 * - `rateLimitPerMin: 0` (a test file sends hundreds of calls from one address; the rate-limit
 *   tests set their own limit, as benchmarks run with CDS_RATE_LIMIT_PER_MIN=0).
 * Everything else (timeouts, body limit, language, CORS) is the production default, so tests
 * exercise what ships; override single fields with `testConfig({ fhirTimeoutMs: 300 })`.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, feedbackDb: ':memory:', logLevel: 'silent', rateLimitPerMin: 0, ...overrides };
}
