/**
 * What `npm start` needs for the portal: a build no older than its sources (vite build, about 2 s), and the
 * gateway settings that serve it, hold portal tokens to its trusted documents, and point it at the mocks'
 * test identity provider and signer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@egov/schema';

const portal = join(repoRoot, 'portal');
const built = join(portal, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function ensurePortalBuilt(): void {
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(portal, name)).filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  console.log('building the portal (portal/dist) …');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', '@egov/portal', '--', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the portal build failed (npm run build -w @egov/portal)');
}

/** The gateway's environment for the portal; anything already set in the environment wins. */
export function portalGatewayEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return {
    PORTAL_DIR: env.PORTAL_DIR ?? join(portal, 'dist'),
    PORTAL_SETTINGS_FILE: env.PORTAL_SETTINGS_FILE ?? join(portal, 'settings.dev.json'),
    // The portal's trusted documents: a portal token may run these and nothing else. Citizens' and
    // officers' own tokens (npm run token) keep sending any query, as the README's examples do.
    PERSISTED_OPERATIONS_FILE: env.PERSISTED_OPERATIONS_FILE ?? join(portal, 'src', 'generated', 'persisted-documents.json'),
    PERSISTED_OPERATIONS_ONLY: env.PERSISTED_OPERATIONS_ONLY ?? 'portal',
  };
}
