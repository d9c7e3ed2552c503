/**
 * The Kubernetes manifests, offline: the base and the production overlay are rendered (the
 * overlay's JSON 6902 patches applied as kustomize applies them), every object is validated
 * against the Kubernetes schemas (kubernetes-models), and the deployment promises of
 * docs/operations.md are checked: replicas, non-root, read-only root filesystem, probes, a drain
 * that fits the termination grace, secrets by reference, egress only to DNS, the database and
 * listed FHIR servers, and only environment variables the service knows, with valid values.
 */
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { applyOperation, containersOf, isObject, renderKustomization, str, type Json, type JsonObject, type Manifest } from '../helpers/kustomize.js';

const KUBE = fileURLToPath(new URL('../../deploy/kubernetes/', import.meta.url));

const VALIDATORS: Record<string, (m: Manifest) => void> = {
  'apps/v1/Deployment': (m) => new Deployment(m).validate(),
  'v1/Service': (m) => new Service(m).validate(),
  'v1/ConfigMap': (m) => new ConfigMap(m).validate(),
  'autoscaling/v2/HorizontalPodAutoscaler': (m) => new HorizontalPodAutoscaler(m).validate(),
  'policy/v1/PodDisruptionBudget': (m) => new PodDisruptionBudget(m).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (m) => new NetworkPolicy(m).validate(),
};

/** A path into rendered JSON (`get(obj, 'spec', 'template', 'spec')`); undefined when absent. */
function get(value: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}
const obj = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});
const arr = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);

function one(manifests: readonly Manifest[], kind: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
}

const matches = (selector: Json | undefined, labels: Json | undefined): boolean =>
  Object.entries(obj(get(selector, 'matchLabels'))).every(([k, v]) => obj(labels)[k] === v) && Object.keys(obj(get(selector, 'matchLabels'))).length > 0;

/** The environment one container gets: env values (secrets as placeholders) and its ConfigMaps. */
function environmentOf(manifests: readonly Manifest[], container: JsonObject): { names: string[]; values: Record<string, string>; fromSecret: string[] } {
  const names: string[] = [];
  const values: Record<string, string> = {};
  const fromSecret: string[] = [];
  for (const source of arr(container.envFrom)) {
    const name = get(source, 'configMapRef', 'name');
    expect(get(source, 'secretRef'), 'whole Secrets are not exposed as env').toBeUndefined();
    const map = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === name);
    expect(map, `ConfigMap ${str(name)}`).toBeDefined();
    for (const [k, v] of Object.entries(obj(map?.data))) {
      names.push(k);
      values[k] = str(v);
    }
  }
  for (const entry of arr(container.env)) {
    const name = str(get(entry, 'name'));
    names.push(name);
    if (get(entry, 'valueFrom', 'secretKeyRef') !== undefined) fromSecret.push(name);
    else values[name] = str(get(entry, 'value'));
  }
  return { names, values, fromSecret };
}

for (const variant of ['base', 'overlays/production'] as const) {
  describe(`deploy/kubernetes/${variant}`, () => {
    const manifests = renderKustomization(`${KUBE}${variant}`);
    const deployment = one(manifests, 'Deployment');
    const podSpec = obj(get(deployment, 'spec', 'template', 'spec'));
    const containers = containersOf([deployment]);
    const app = containers[0] ?? {};

    it('renders the Deployment, Service, HPA, PDB, NetworkPolicy and ConfigMap, each valid against the Kubernetes schema', () => {
      expect(manifests.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
      for (const m of manifests) {
        const validate = VALIDATORS[`${m.apiVersion}/${m.kind}`];
        expect(validate, `${m.apiVersion} ${m.kind}`).toBeDefined();
        expect(() => validate?.(m), `${m.kind} ${m.metadata.name}`).not.toThrow();
      }
    });

    it('runs at least 2 replicas (and the HPA never scales below 2) on CPU', () => {
      expect(Number(get(deployment, 'spec', 'replicas'))).toBeGreaterThanOrEqual(2);
      const hpa = one(manifests, 'HorizontalPodAutoscaler');
      expect(Number(get(hpa, 'spec', 'minReplicas'))).toBeGreaterThanOrEqual(2);
      expect(Number(get(hpa, 'spec', 'maxReplicas'))).toBeGreaterThan(Number(get(hpa, 'spec', 'minReplicas')));
      expect(get(hpa, 'spec', 'scaleTargetRef')).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
      expect(get(hpa, 'spec', 'metrics', 0, 'resource', 'name')).toBe('cpu');
      // CPU utilisation needs a CPU request to be computed from.
      expect(get(app, 'resources', 'requests', 'cpu')).toBeDefined();
    });

    it('runs as non-root on a read-only root filesystem with writable emptyDir volumes for data and tmp', () => {
      expect(get(podSpec, 'securityContext', 'runAsNonRoot')).toBe(true);
      expect(Number(get(podSpec, 'securityContext', 'runAsUser'))).toBeGreaterThan(0);
      expect(containers.length).toBeGreaterThan(0);
      for (const c of containers) {
        expect(get(c, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
        expect(get(c, 'securityContext', 'allowPrivilegeEscalation')).toBe(false);
        expect(get(c, 'securityContext', 'capabilities', 'drop')).toEqual(['ALL']);
        expect(get(c, 'resources', 'requests', 'memory')).toBeDefined();
        expect(get(c, 'resources', 'limits', 'memory')).toBeDefined();
      }
      const emptyDirs = new Set(arr(podSpec.volumes).filter((v) => get(v, 'emptyDir') !== undefined).map((v) => get(v, 'name')));
      const mounts = new Map(arr(app.volumeMounts).map((m) => [str(get(m, 'mountPath')), get(m, 'name')]));
      expect(emptyDirs.has(mounts.get('/tmp') ?? null)).toBe(true);
      expect(emptyDirs.has(mounts.get('/app/data') ?? null)).toBe(true);
      // The embedded store, if it is used at all, lives on the writable volume.
      const env = environmentOf(manifests, app);
      expect(env.values.CDS_FEEDBACK_DB?.startsWith('/app/data/')).toBe(true);
    });

    it('probes /livez for liveness and /readyz for readiness on the service port', () => {
      const port = get(app, 'ports', 0, 'name');
      expect(get(app, 'livenessProbe', 'httpGet')).toEqual({ path: '/livez', port });
      expect(get(app, 'readinessProbe', 'httpGet')).toEqual({ path: '/readyz', port });
      expect(get(app, 'ports', 0, 'containerPort')).toBe(3000);
    });

    it('drains within the termination grace: drain + shutdown grace + a margin ≤ terminationGracePeriodSeconds', () => {
      const env = environmentOf(manifests, app);
      const config = loadConfig(env.values);
      const grace = Number(podSpec.terminationGracePeriodSeconds) * 1000;
      const preStopSleepMs = 0; // no preStop hook: the process drains itself on SIGTERM
      expect(get(app, 'lifecycle', 'preStop')).toBeUndefined();
      expect(preStopSleepMs + config.drainMs + config.shutdownGraceMs + 5000).toBeLessThanOrEqual(grace);
      // The readiness probe notices the drain well before it ends.
      const readinessPeriodMs = Number(get(app, 'readinessProbe', 'periodSeconds')) * 1000 * Number(get(app, 'readinessProbe', 'failureThreshold'));
      expect(readinessPeriodMs).toBeLessThan(config.drainMs);
    });

    it('sets only variables the service knows, with values it accepts; the database URL and admin token come from the Secret', () => {
      const env = environmentOf(manifests, app);
      const unknown = env.names.filter((n) => !CONFIG_VARIABLES.includes(n));
      expect(unknown, 'variables not in the config schema (src/config.ts)').toEqual([]);
      expect(new Set(env.names).size).toBe(env.names.length);
      expect(env.fromSecret).toEqual(expect.arrayContaining(['CDS_DATABASE_URL', 'CDS_ADMIN_TOKEN']));
      for (const secret of ['CDS_DATABASE_URL', 'CDS_ADMIN_TOKEN', 'CDS_METRICS_TOKEN']) expect(env.values[secret], secret).toBeUndefined();
      expect(() => loadConfig({ ...env.values, ...Object.fromEntries(env.fromSecret.map((n) => [n, n === 'CDS_DATABASE_URL' ? 'postgres://osteo@db:5432/osteo' : 'a-secret-token'])) })).not.toThrow();
      expect(loadConfig(env.values).preview).toBe(false);
    });

    it('the Service, PodDisruptionBudget and NetworkPolicy select the Deployment pods', () => {
      const labels = get(deployment, 'spec', 'template', 'metadata', 'labels');
      expect(matches(get(deployment, 'spec', 'selector'), labels)).toBe(true);
      expect(Object.entries(obj(get(one(manifests, 'Service'), 'spec', 'selector'))).every(([k, v]) => obj(labels)[k] === v)).toBe(true);
      expect(get(one(manifests, 'Service'), 'spec', 'ports', 0, 'targetPort')).toBe(get(app, 'ports', 0, 'name'));
      const pdb = one(manifests, 'PodDisruptionBudget');
      expect(matches(get(pdb, 'spec', 'selector'), labels)).toBe(true);
      expect(Number(get(pdb, 'spec', 'minAvailable'))).toBeLessThan(Number(get(deployment, 'spec', 'replicas')));
      expect(matches(get(one(manifests, 'NetworkPolicy'), 'spec', 'podSelector'), labels)).toBe(true);
    });

    it('allows egress only to DNS, PostgreSQL and HTTPS address blocks, every rule with ports', () => {
      const policy = one(manifests, 'NetworkPolicy');
      expect(get(policy, 'spec', 'policyTypes')).toEqual(expect.arrayContaining(['Ingress', 'Egress']));
      const rules = arr(get(policy, 'spec', 'egress'));
      expect(rules.length).toBeGreaterThanOrEqual(2);
      for (const rule of rules) {
        const ports = arr(get(rule, 'ports')).map((p) => Number(get(p, 'port')));
        expect(ports.length, 'an egress rule without ports allows everything').toBeGreaterThan(0);
        expect(arr(get(rule, 'to')).length, 'an egress rule without destinations allows everywhere').toBeGreaterThan(0);
        for (const port of ports) expect([53, 443, 5432]).toContain(port);
        for (const to of arr(get(rule, 'to'))) {
          const cidr = get(to, 'ipBlock', 'cidr');
          if (cidr !== undefined) expect(cidr).not.toBe('0.0.0.0/0');
        }
      }
      expect(rules.some((r) => arr(get(r, 'ports')).some((p) => get(p, 'port') === 53))).toBe(true);
      expect(rules.some((r) => arr(get(r, 'ports')).some((p) => get(p, 'port') === 5432))).toBe(true);
    });
  });
}

describe('the offline validation itself', () => {
  it('refuses a manifest that breaks the schema, and a patch whose path does not exist', () => {
    const [deployment] = renderKustomization(`${KUBE}base`).filter((m) => m.kind === 'Deployment');
    if (deployment === undefined) throw new Error('no Deployment');
    const broken = { ...deployment, spec: { ...obj(deployment.spec), replicas: 'two' } };
    expect(() => VALIDATORS['apps/v1/Deployment']?.(broken)).toThrow(/replicas must be integer/);
    expect(() => applyOperation(structuredClone(deployment), { op: 'replace', path: '/spec/nope/0', value: 1 }, 'test')).toThrow(/does not exist/);
  });
});

describe('the production overlay', () => {
  const manifests = renderKustomization(`${KUBE}overlays/production`);

  it('puts everything in its namespace, runs its own image and more replicas, and reaches its FHIR servers on 443', () => {
    for (const m of manifests) expect(m.metadata.namespace, m.kind).toBe('osteo-cds');
    const deployment = one(manifests, 'Deployment');
    expect(Number(get(deployment, 'spec', 'replicas'))).toBe(3);
    expect(containersOf([deployment])[0]?.image).toBe('registry.region.example.dk/osteo-cds:2.0.0');
    const egress = arr(get(one(manifests, 'NetworkPolicy'), 'spec', 'egress'));
    expect(egress.some((r) => arr(get(r, 'ports')).some((p) => get(p, 'port') === 443) && arr(get(r, 'to')).every((t) => get(t, 'ipBlock') !== undefined))).toBe(true);
    const settings = obj(get(one(manifests, 'ConfigMap'), 'data'));
    expect(settings.CDS_PUBLIC_URL).toMatch(/^https:\/\//);
    expect(settings.CDS_TRUSTED_ISSUERS).toBeDefined();
  });
});
