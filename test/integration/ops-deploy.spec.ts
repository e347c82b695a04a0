// Issue #16: deployment files for Kubernetes (VNG Haven). Every manifest is a valid Kubernetes object (checked against
// the Kubernetes OpenAPI schemas by kubernetes-models), the kustomization lists them, and the Dockerfile and the
// manifests run exactly the production commands the build test runs (test/support/production-commands.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PRODUCTION } from '../support/production-commands';

const deploy = join(__dirname, '../../deploy');
const k8s = join(deploy, 'kubernetes');

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean };
}

function documents(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(join(k8s, file), 'utf8')).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS() as K8sObject;
  });
}

/** Validates against the Kubernetes schema of its apiVersion/kind; throws with the schema's complaint. */
function validate(object: K8sObject): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(`kubernetes-models/${object.apiVersion}/${object.kind}`) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`Onbekend Kubernetes-type ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const manifests = readdirSync(k8s).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
const all = manifests.flatMap((file) => documents(file).map((object) => ({ file, object })));
const podSpec = (object: K8sObject): PodSpec => ((object.spec as { template: { spec: PodSpec } }).template.spec);
const find = (kind: string, name: string) => {
  const hit = all.find(({ object }) => object.kind === kind && object.metadata.name === name);
  if (!hit) throw new Error(`${kind} ${name} ontbreekt`);
  return hit.object;
};

describe('Kubernetes manifests', () => {
  it.each(manifests)('%s is valid against the Kubernetes schemas', (file) => {
    for (const object of documents(file)) expect(() => validate(object)).not.toThrow();
  });

  it('the validator rejects a wrong manifest (so this test can fail)', () => {
    const broken = JSON.parse(JSON.stringify(find('Deployment', 'inburgering-regio-api'))) as K8sObject;
    (podSpec(broken).containers[0] as unknown as Record<string, unknown>).ports = [{ containerPort: 'http' }];
    expect(() => validate(broken)).toThrow();
  });

  it('the kustomization lists every manifest except the secret example', () => {
    const kustomization = documents('kustomization.yaml')[0] as unknown as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(manifests.filter((file) => file !== 'secret.example.yaml').sort());
  });

  it('API and worker are separate deployments with probes, running the production commands as non-root', () => {
    const api = podSpec(find('Deployment', 'inburgering-regio-api'));
    const worker = podSpec(find('Deployment', 'inburgering-regio-worker'));
    expect(api.containers[0].command).toEqual(PRODUCTION.api);
    expect(worker.containers[0].command).toEqual(PRODUCTION.worker);
    for (const spec of [api, worker]) {
      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      expect(spec.containers[0].livenessProbe).toBeDefined();
      expect(spec.containers[0].startupProbe).toBeDefined();
    }
    expect(api.containers[0].readinessProbe).toEqual(expect.objectContaining({ httpGet: expect.objectContaining({ path: '/health/ready' }) }));
  });

  it('a migration Job runs the production migrate command', () => {
    expect(podSpec(find('Job', 'inburgering-regio-migrate')).containers[0].command).toEqual(PRODUCTION.migrate);
  });

  it('DATABASE_URL, REDIS_URL and the BSN key come from a Secret in every workload', () => {
    for (const object of all.map(({ object }) => object).filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'BSN_ENCRYPTION_KEY']) {
        const variable = podSpec(object).containers[0].env?.find((entry) => entry.name === name);
        expect({ workload: object.metadata.name, name, from: variable?.valueFrom?.secretKeyRef?.name }).toEqual({ workload: object.metadata.name, name, from: 'inburgering-regio' });
      }
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(deploy, 'Dockerfile'), 'utf8');
  const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((match) => match[1]);
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('is multi-stage and runs as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^USER\s+(?!0\b|root\b)\S+/m);
  });

  it('builds with the command the build test runs and starts the API with its run command', () => {
    expect(dockerfile).toMatch(new RegExp(`^RUN ${PRODUCTION.build.join(' ')}$`, 'm'));
    const cmd = /^CMD\s+(\[.*\])$/m.exec(runtime);
    expect(cmd && JSON.parse(cmd[1])).toEqual(PRODUCTION.api);
  });

  it('installs no development packages in the runtime image', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(runtime).not.toMatch(/^RUN npm ci(?! --omit=dev)/m);
  });
});
