// deploy/k8s/claims-indexed-job.yaml checked offline (no cluster here, so no `kubectl
// --dry-run=server`): each document validated against Kubernetes' own OpenAPI schema for a
// batch/v1 Job (kubernetes-models: types, enums, required fields), and the shard plumbing
// checked as the claims command needs it (one shard count everywhere, the completion index as
// the shard, the image of this version).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const documents = parseAllDocuments(readFileSync(`${ROOT}deploy/k8s/claims-indexed-job.yaml`, 'utf8')).map((d) => d.toJS() as IJob);
const version = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
const [shards, merge] = documents;

const envOf = (container: { env?: { name: string; value?: string }[] }, name: string) => container.env?.find((e) => e.name === name)?.value;

describe('the Kubernetes manifest', () => {
  it('is two batch/v1 Jobs that Kubernetes\' schema accepts', () => {
    expect(documents.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata?.name}`)).toEqual(['batch/v1 Job commons-claims', 'batch/v1 Job commons-claims-merge']);
    for (const document of documents) expect(() => new Job(document).validate()).not.toThrow();
  });

  it('is refused by the same schema when a field is wrong', () => {
    const wrong = structuredClone(shards!);
    (wrong.spec as { completionMode: string }).completionMode = 'Indexd';
    expect(() => new Job(wrong).validate()).toThrow(/completionMode/);
    const noImage = structuredClone(shards!);
    (noImage.spec!.template.spec!.containers[0] as { image?: unknown }).image = 8;
    expect(() => new Job(noImage).validate()).toThrow(/image/);
  });

  it('runs shard i of n on completion index i, with one n everywhere, and merges after all n', () => {
    const spec = shards!.spec!;
    const shard = spec.template.spec!.containers[0]!;
    const n = Number(envOf(shard, 'SHARDS'));
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(n);
    expect(spec.parallelism).toBe(n);
    expect(shard.args!.join(' ')).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
    const wait = merge!.spec!.template.spec!.initContainers![0]!;
    expect(Number(envOf(wait, 'SHARDS'))).toBe(n);
    expect(envOf(wait, 'RUN')).toBe(envOf(shard, 'RUN'));
    expect(envOf(merge!.spec!.template.spec!.containers[0]!, 'RUN')).toBe(envOf(shard, 'RUN'));
    const images = [shard, wait, merge!.spec!.template.spec!.containers[0]!].map((c) => c.image);
    expect(new Set(images)).toEqual(new Set([`commons-ledger:${version}`]));
    const claims = documents.map((d) => d.spec!.template.spec!.volumes![0]!.persistentVolumeClaim!.claimName);
    expect(new Set(claims).size).toBe(1);
  });
});
