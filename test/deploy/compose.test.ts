/**
 * deploy/compose.yaml, the one-machine trial: two replicas of the service on one PostgreSQL
 * behind a load balancer whose configuration sends traffic to both; only variables the service
 * knows, with values it accepts; read-only containers that stop within their grace period.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { isObject, str, type Json, type JsonObject } from '../helpers/kustomize.js';

const compose = parse(readFileSync(new URL('../../deploy/compose.yaml', import.meta.url), 'utf8'), { merge: true }) as Json;
const nginx = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
const services: JsonObject = isObject(compose) && isObject(compose.services) ? compose.services : {};
const replicas = Object.entries(services).filter(([, s]) => isObject(s) && isObject(s.build));

/** `${VAR:-default}` → default (what compose uses when the variable is unset). */
const interpolate = (value: Json): string => str(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

function seconds(value: Json | undefined): number {
  const match = /^(\d+)s$/.exec(str(value));
  return match === null ? Number.NaN : Number(match[1]);
}

describe('deploy/compose.yaml', () => {
  it('runs two replicas of the service built from this repository, PostgreSQL and a load balancer', () => {
    expect(replicas.map(([name]) => name)).toHaveLength(2);
    expect(Object.values(services).some((s) => isObject(s) && str(s.image).startsWith('postgres:'))).toBe(true);
    const lb = services['load-balancer'];
    expect(isObject(lb) && str(lb.image)).toMatch(/^nginx:\d+\.\d+\.\d+/);
    for (const [name] of replicas) expect(nginx).toContain(`server ${name}:3000`);
  });

  it('sets only variables the service knows, with values it accepts, the database shared', () => {
    for (const [name, service] of replicas) {
      const environment = isObject(service) && isObject(service.environment) ? service.environment : {};
      const env = Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, interpolate(v)]));
      expect(Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k)), name).toEqual([]);
      expect(env.CDS_DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      const config = loadConfig(env);
      expect(config.preview).toBe(false);
      const grace = seconds(isObject(service) ? service.stop_grace_period : undefined) * 1000;
      expect(config.drainMs + config.shutdownGraceMs).toBeLessThan(grace);
      expect(isObject(service) && service.read_only).toBe(true);
    }
  });
});
