import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** deploy/ */
export const DEPLOY_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** The repository root. */
export const REPO_ROOT = join(DEPLOY_DIR, '..');
export const K8S_DIR = join(DEPLOY_DIR, 'k8s');
export const deployPath = (...parts: string[]) => join(DEPLOY_DIR, ...parts);
