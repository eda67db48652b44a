import { execFileSync } from 'node:child_process';
import { parseYamlStream } from './yaml.js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/**
 * Renders a kustomization directory with the real kustomize: `kubectl kustomize` (kubectl embeds kustomize;
 * the machines this suite runs on have kubectl 1.32 with kustomize 5.5), or a standalone `kustomize build` when
 * KUSTOMIZE names its binary. There is no kustomize in JavaScript, and a hand-written imitation would test
 * itself rather than what `kubectl apply -k` does, so a missing kustomize fails the suite, naming the fix.
 */
export function render(dir: string): K8sObject[] {
  const [command, args] = process.env.KUSTOMIZE ? [process.env.KUSTOMIZE, ['build', dir]] : ['kubectl', ['kustomize', dir]];
  let out: string;
  try {
    out = execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(`${command} not found: rendering deploy/k8s needs kustomize (kubectl ≥ 1.27 embeds kustomize 5; or set KUSTOMIZE to a kustomize binary)`);
    }
    throw new Error(`${command} ${args.join(' ')} failed:\n${e.stderr ?? e.message}`);
  }
  return parseYamlStream(out, dir) as K8sObject[];
}
