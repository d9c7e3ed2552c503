/**
 * A small, strict kustomize renderer for the tests (no kustomize binary here): resources (files
 * and kustomization folders), `namespace`, `labels` (metadata labels only, as kustomize does
 * without includeSelectors), `images` and `patches` given as JSON 6902 operation files with a
 * kind + name target. Any other kustomization field fails the render, so the manifests cannot
 * use something this renderer would silently skip.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { isRecord } from '../../src/shared/json.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export interface Manifest extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: JsonObject & { name: string };
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);

/** A scalar as text ('' for objects, arrays, null and absent values). */
export function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The project's one object check (src/shared/json.ts), narrowed to this file's JSON type. */
export function isObject(value: Json | undefined): value is JsonObject {
  return isRecord(value);
}

function asManifest(doc: Json, where: string): Manifest {
  if (!isObject(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string' || !isObject(doc.metadata) || typeof doc.metadata.name !== 'string') {
    throw new Error(`${where}: not a Kubernetes object with apiVersion, kind and metadata.name`);
  }
  return doc as Manifest;
}

export function readYamlDocuments(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS() as Json;
  });
}

/** Renders the kustomization in `dir` to its list of objects. */
export function renderKustomization(dir: string): Manifest[] {
  const k = parseYaml(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Json;
  if (!isObject(k)) throw new Error(`${dir}: kustomization is not an object`);
  for (const field of Object.keys(k)) if (!KNOWN_FIELDS.has(field)) throw new Error(`${dir}: kustomization field ${field} is not rendered by the test`);
  const manifests: Manifest[] = [];
  for (const resource of list(k.resources)) {
    if (typeof resource !== 'string') throw new Error(`${dir}: resources must be paths`);
    const path = join(dir, resource);
    if (statSync(path).isDirectory()) manifests.push(...renderKustomization(path));
    else manifests.push(...readYamlDocuments(path).filter((d) => d !== null).map((d) => asManifest(d, path)));
  }
  for (const patch of list(k.patches)) applyPatch(dir, patch, manifests);
  for (const image of list(k.images)) applyImage(image, manifests);
  for (const entry of list(k.labels)) {
    if (!isObject(entry) || !isObject(entry.pairs)) throw new Error(`${dir}: labels entries need pairs`);
    if (entry.includeSelectors !== undefined || entry.includeTemplates !== undefined) throw new Error(`${dir}: labels with selectors/templates are not rendered by the test`);
    for (const m of manifests) m.metadata.labels = { ...(isObject(m.metadata.labels) ? m.metadata.labels : {}), ...entry.pairs };
  }
  if (typeof k.namespace === 'string') for (const m of manifests) m.metadata.namespace = k.namespace;
  return manifests;
}

function list(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error('expected a list');
  return value;
}

function applyPatch(dir: string, patch: Json, manifests: Manifest[]): void {
  if (!isObject(patch) || typeof patch.path !== 'string' || !isObject(patch.target)) throw new Error(`${dir}: patches need path and target`);
  const { kind, name } = patch.target;
  const targets = manifests.filter((m) => m.kind === kind && m.metadata.name === name);
  if (targets.length !== 1) throw new Error(`${dir}: patch ${patch.path} matches ${targets.length} objects`);
  const ops = parseYaml(readFileSync(join(dir, patch.path), 'utf8')) as Json;
  if (!Array.isArray(ops)) throw new Error(`${patch.path}: a JSON 6902 patch is a list of operations`);
  for (const op of ops) applyOperation(targets[0] as JsonObject, op, patch.path);
}

function pointer(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`bad JSON pointer ${path}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 add / replace / remove. */
export function applyOperation(doc: JsonObject, op: Json, where: string): void {
  if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') throw new Error(`${where}: bad operation`);
  const parts = pointer(op.path);
  const last = parts.pop();
  if (last === undefined) throw new Error(`${where}: empty path`);
  let parent: Json = doc;
  for (const part of parts) {
    const next: Json | undefined = Array.isArray(parent) ? parent[Number(part)] : isObject(parent) ? parent[part] : undefined;
    if (next === undefined) throw new Error(`${where}: ${op.path} does not exist`);
    parent = next;
  }
  const value = op.value;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`${where}: bad index in ${op.path}`);
    if (op.op === 'add' && value !== undefined) parent.splice(index, 0, value);
    else if (op.op === 'replace' && value !== undefined && index < parent.length) parent[index] = value;
    else if (op.op === 'remove' && index < parent.length) parent.splice(index, 1);
    else throw new Error(`${where}: cannot ${op.op} ${op.path}`);
    return;
  }
  if (!isObject(parent)) throw new Error(`${where}: ${op.path} has no parent object`);
  if (op.op === 'add' && value !== undefined) parent[last] = value;
  else if (op.op === 'replace' && value !== undefined && Object.hasOwn(parent, last)) parent[last] = value;
  else if (op.op === 'remove' && Object.hasOwn(parent, last)) delete parent[last];
  else throw new Error(`${where}: cannot ${op.op} ${op.path}`);
}

function applyImage(image: Json, manifests: Manifest[]): void {
  if (!isObject(image) || typeof image.name !== 'string') throw new Error('images entries need a name');
  const { name, newName, newTag, digest } = image;
  for (const container of containersOf(manifests)) {
    const current = typeof container.image === 'string' ? container.image : '';
    const base = current.split('@')[0]?.replace(/:[^:/]+$/, '');
    if (base !== name) continue;
    const repo = typeof newName === 'string' ? newName : name;
    container.image = typeof digest === 'string' ? `${repo}@${digest}` : `${repo}:${typeof newTag === 'string' ? newTag : (current.split(':').pop() ?? 'latest')}`;
  }
}

/** The containers (and init containers) of every workload's pod template. */
export function containersOf(manifests: readonly Manifest[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const m of manifests) {
    const spec = m.spec;
    const template = isObject(spec) ? spec.template : undefined;
    const podSpec = isObject(template) ? template.spec : undefined;
    if (!isObject(podSpec)) continue;
    for (const field of ['containers', 'initContainers']) {
      const cs = podSpec[field];
      if (Array.isArray(cs)) for (const c of cs) if (isObject(c)) out.push(c);
    }
  }
  return out;
}
