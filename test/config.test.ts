import { describe, expect, it } from 'vitest';
import { loadConfig, parseByteSize, testConfig } from '../src/config.js';
import { ConfigError } from '../src/shared/config-error.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts with no environment at all: the defaults of the contract', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      language: 'da',
      trustedIssuers: undefined,
      jwtAlgorithms: ['ES384', 'RS384'],
      jwtClockSkewS: 60,
      fhirTimeoutMs: 2000,
      bodyLimitBytes: 10 * 1024 * 1024,
      requestTimeoutMs: 10_000,
      maxResourcesPerKey: 20_000,
      maxDraftOrders: 100,
      maxConcurrentCalls: 64,
      rateLimitPerMin: 600,
      trustProxy: undefined,
      feedbackDb: './data/feedback.sqlite',
      databaseUrl: undefined,
      retentionDays: 400,
      terminologyFile: undefined,
      publicUrls: undefined,
      corsOrigins: '*',
      siteConfigFile: undefined,
      adminToken: undefined,
      preview: true,
      previewClock: false,
      callWorker: true,
      logLevel: 'info',
      metricsToken: undefined,
      drainMs: 5000,
      shutdownGraceMs: 10_000,
      otlpEndpoint: undefined,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', CDS_LANGUAGE: ' ', CDS_TRUSTED_ISSUERS: '' })).toEqual(loadConfig({}));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      CDS_LANGUAGE: 'en',
      CDS_TRUSTED_ISSUERS: JSON.stringify({
        'https://sandbox.cds-hooks.org': './keys/sandbox-jwks.json',
        'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json', tenants: ['t1'] },
      }),
      CDS_JWT_ALGORITHMS: 'ES384, ES256',
      CDS_JWT_CLOCK_SKEW_S: '30',
      CDS_FHIR_TIMEOUT_MS: '1500',
      CDS_BODY_LIMIT: '512kb',
      CDS_FEEDBACK_DB: '/var/lib/osteo/feedback.sqlite',
      CDS_TERMINOLOGY: './site-codes.json',
      CDS_PUBLIC_URL: 'https://cds.example.org/, http://localhost:3000',
      CDS_CORS_ORIGINS: 'https://sandbox.cds-hooks.org,http://localhost:8080/',
      CDS_SITE_CONFIG: './site.json',
      CDS_ADMIN_TOKEN: 'a-long-admin-token',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      language: 'en',
      trustedIssuers: {
        'https://sandbox.cds-hooks.org': { jwks: './keys/sandbox-jwks.json' },
        'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json', tenants: ['t1'] },
      },
      jwtAlgorithms: ['ES384', 'ES256'],
      jwtClockSkewS: 30,
      fhirTimeoutMs: 1500,
      bodyLimitBytes: 512 * 1024,
      publicUrls: ['https://cds.example.org', 'http://localhost:3000'],
      corsOrigins: ['https://sandbox.cds-hooks.org', 'http://localhost:8080'],
      logLevel: 'debug',
    });
  });

  it('reports every invalid variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      CDS_LANGUAGE: 'sv',
      CDS_TRUSTED_ISSUERS: '{not json',
      CDS_JWT_ALGORITHMS: 'none,HS256',
      CDS_JWT_CLOCK_SKEW_S: '-1',
      CDS_FHIR_TIMEOUT_MS: '1.5',
      CDS_BODY_LIMIT: 'lots',
      CDS_PUBLIC_URL: 'https://cds.example.org/cds-services',
      CDS_CORS_ORIGINS: 'https://ok.example,https://x.example/path',
      LOG_LEVEL: 'verbose',
    });
    const variables = problems.map((p) => p.split(':')[0]);
    expect(new Set(variables)).toEqual(
      new Set([
        'PORT',
        'CDS_LANGUAGE',
        'CDS_TRUSTED_ISSUERS',
        'CDS_JWT_ALGORITHMS',
        'CDS_JWT_CLOCK_SKEW_S',
        'CDS_FHIR_TIMEOUT_MS',
        'CDS_BODY_LIMIT',
        'CDS_PUBLIC_URL',
        'CDS_CORS_ORIGINS',
        'LOG_LEVEL',
      ]),
    );
    expect(problems.filter((p) => p.startsWith('CDS_JWT_ALGORITHMS'))).toHaveLength(2);
  });

  it('refuses a JWKS over plain http except on loopback', () => {
    expect(problemsOf({ CDS_TRUSTED_ISSUERS: JSON.stringify({ iss: 'http://keys.example.org/jwks' }) })).toHaveLength(1);
    expect(problemsOf({ CDS_TRUSTED_ISSUERS: JSON.stringify({ iss: 'http://127.0.0.1:8080/jwks' }) })).toEqual([]);
    expect(problemsOf({ CDS_TRUSTED_ISSUERS: JSON.stringify({}) })).toHaveLength(1);
    expect(problemsOf({ CDS_TRUSTED_ISSUERS: JSON.stringify(['x']) })).toHaveLength(1);
  });

  it('reads and checks the time budget and the caps (CDS_REQUEST_TIMEOUT_MS, CDS_MAX_RESOURCES_PER_KEY, CDS_MAX_DRAFT_ORDERS)', () => {
    expect(loadConfig({ CDS_REQUEST_TIMEOUT_MS: '3000', CDS_MAX_RESOURCES_PER_KEY: '500', CDS_MAX_DRAFT_ORDERS: '10' })).toMatchObject({
      requestTimeoutMs: 3000,
      maxResourcesPerKey: 500,
      maxDraftOrders: 10,
    });
    const problems = problemsOf({ CDS_REQUEST_TIMEOUT_MS: '0', CDS_MAX_RESOURCES_PER_KEY: 'many', CDS_MAX_DRAFT_ORDERS: '-1' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CDS_MAX_DRAFT_ORDERS', 'CDS_MAX_RESOURCES_PER_KEY', 'CDS_REQUEST_TIMEOUT_MS']);
  });

  it('the ConfigError message lists the problems', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be at most 65535/);
  });
});

describe('operations variables', () => {
  it('reads the metrics token, drain and grace periods and the OTLP endpoint', () => {
    expect(
      loadConfig({ CDS_METRICS_TOKEN: 'scrape', CDS_DRAIN_MS: '0', CDS_SHUTDOWN_GRACE_MS: '25000', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318/' }),
    ).toMatchObject({ metricsToken: 'scrape', drainMs: 0, shutdownGraceMs: 25_000, otlpEndpoint: 'http://otel-collector:4318' });
  });

  it('refuses bad values, naming each variable', () => {
    const variables = problemsOf({ CDS_DRAIN_MS: '-5', CDS_SHUTDOWN_GRACE_MS: 'soon', OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' }).map((p) => p.split(':')[0]);
    expect(new Set(variables)).toEqual(new Set(['CDS_DRAIN_MS', 'CDS_SHUTDOWN_GRACE_MS', 'OTEL_EXPORTER_OTLP_ENDPOINT']));
  });
});

describe('storage variables', () => {
  it('reads the database URL and the retention period; refuses a retention that is no whole number of days ≥ 1', () => {
    expect(loadConfig({ CDS_DATABASE_URL: 'postgresql://osteo@db:5432/osteo', CDS_RETENTION_DAYS: '90' })).toMatchObject({
      databaseUrl: 'postgresql://osteo@db:5432/osteo',
      retentionDays: 90,
    });
    for (const bad of ['0', '-1', '1.5', 'forever']) expect(problemsOf({ CDS_RETENTION_DAYS: bad }).map((p) => p.split(':')[0])).toEqual(['CDS_RETENTION_DAYS']);
  });
});

describe('parseByteSize', () => {
  it.each([
    ['10mb', 10485760],
    ['1KB', 1024],
    ['2048', 2048],
    ['1.5kb', 1536],
    ['0', undefined],
    ['ten', undefined],
  ])('%s → %s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});

describe('testConfig', () => {
  it('differs from production only in port, database, log level and rate limit (off: one address sends every call)', () => {
    expect(testConfig()).toEqual({ ...loadConfig({}), port: 0, feedbackDb: ':memory:', logLevel: 'silent', rateLimitPerMin: 0 });
    expect(testConfig({ fhirTimeoutMs: 300 }).fhirTimeoutMs).toBe(300);
  });
});
