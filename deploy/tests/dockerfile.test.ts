import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { PROCESS_NAMES, PROCESSES } from '../bin/processes.mjs';
import { deployPath, REPO_ROOT } from './support/paths.js';

/**
 * deploy/Dockerfile, parsed (dockerfile-ast, the parser behind the Docker language server) and held to the
 * rules of issue 13: multi-stage, Node 24 LTS pinned, non-root, production dependencies only, compiled
 * JavaScript only, one image whose argument picks the process, read-only root filesystem friendly.
 */
const dockerfile = DockerfileParser.parse(readFileSync(deployPath('Dockerfile'), 'utf8'));
const instructions = dockerfile.getInstructions();
const froms = dockerfile.getFROMs();

interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}
const stages: Stage[] = froms.map((from, index) => {
  const start = from.getRange().start.line;
  const end = froms[index + 1]?.getRange().start.line ?? Number.POSITIVE_INFINITY;
  return {
    name: from.getBuildStage() ?? String(index),
    image: `${from.getImageName()}:${from.getImageTag()}`,
    instructions: instructions.filter((i) => i.getRange().start.line > start && i.getRange().start.line < end),
  };
});
const runtime = stages.at(-1)!;
const byKeyword = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const source = readFileSync(deployPath('Dockerfile'), 'utf8').split('\n');
/** An instruction's text as written, flags and continuation lines included. */
const raw = (i: Instruction) => source.slice(i.getRange().start.line, i.getRange().end.line + 1).join('\n');
const flag = (i: Instruction, name: string) =>
  (i as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] })
    .getFlags()
    .find((f) => f.getName() === name)
    ?.getValue();
const execForm = (i: Instruction) => JSON.parse(i.getArgumentsContent() ?? 'null') as string[];
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of byKeyword(stage, 'ENV')) {
    for (const property of (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
      env[property.getName()] = property.getValue() ?? '';
    }
  }
  return env;
}

describe('the Dockerfile', () => {
  it('has named build, dependency and runtime stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
  });

  it('builds and runs on one pinned Node 24 release in every stage', () => {
    for (const stage of stages) expect(stage.image, stage.name).toMatch(/^node:24\.\d+\.\d+-(slim|alpine[\d.]*|bookworm-slim|trixie-slim)$/);
    expect(new Set(stages.map((s) => s.image)).size).toBe(1);
  });

  it('compiles in the build stage and keeps only the runtime tree from it', () => {
    const build = stages[0]!;
    const runs = byKeyword(build, 'RUN').map((i) => i.getArgumentsContent() ?? '');
    expect(runs).toContain('npm run build');
    expect(runs.some((r) => r.startsWith('node deploy/bin/runtime-tree.mjs'))).toBe(true);
    const copies = stages
      .slice(1)
      .flatMap((s) => byKeyword(s, 'COPY'))
      .filter((i) => flag(i, 'from') === 'build');
    expect(copies.map((i) => i.getArgumentsContent())).toEqual(['/out/ ./']);
  });

  it('installs production dependencies only, for the runtime workspaces, without running dependency scripts', () => {
    const install = byKeyword(stages[1]!, 'RUN')
      .map((i) => i.getArgumentsContent() ?? '')
      .find((r) => r.includes('npm ci'));
    expect(install).toBeDefined();
    expect(install).toContain('--omit=dev');
    expect(install).toContain('--ignore-scripts');
    expect(install).toMatch(/--workspace=.*\.runtime-workspaces/);
    // And the build fails if a development tool is still resolvable afterwards.
    expect(install).toMatch(/require\.resolve\(tool\)/);
    for (const tool of ['tsx', 'typescript', 'vitest']) expect(install).toContain(`'${tool}'`);
    // No stage after the build installs anything else.
    expect(byKeyword(runtime, 'RUN').some((i) => /npm (ci|install|i) /.test(i.getArgumentsContent() ?? ''))).toBe(false);
  });

  it('runs compiled JavaScript: no tsx, TypeScript or loader in the runtime stage', () => {
    const stageText = runtime.instructions.map(raw).join('\n');
    expect(stageText).not.toMatch(/\btsx\b|typescript|ts-node|--import|--loader|\.ts\b/);
  });

  it('runs as a non-root user, by number, set before the entrypoint', () => {
    const users = byKeyword(runtime, 'USER');
    expect(users).toHaveLength(1);
    const [uid, gid] = (users[0]!.getArgumentsContent() ?? '').split(':');
    expect(Number(uid)).toBeGreaterThan(0);
    expect(Number(gid)).toBeGreaterThan(0);
    const entry = byKeyword(runtime, 'ENTRYPOINT')[0]!;
    expect(users[0]!.getRange().start.line).toBeLessThan(entry.getRange().start.line);
  });

  it('leaves the code owned by root, so the process cannot change what it runs', () => {
    for (const copy of byKeyword(runtime, 'COPY')) expect(flag(copy, 'chown')).toBe('root:root');
  });

  it('writes only to declared volumes (scans, audit anchor) and /tmp, so the root filesystem can be read-only', () => {
    const volumes = execForm(byKeyword(runtime, 'VOLUME')[0]!);
    const env = envOf(runtime);
    expect(volumes).toContain(env.ATTACHMENTS_DIR);
    expect(volumes).toContain(env.AUDIT_ANCHOR_DIR);
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.SHUTDOWN_GRACE_MS).toBe('25000');
  });

  it('is one image: the entry script picks the process from the argument, gateway by default', () => {
    expect(execForm(byKeyword(runtime, 'ENTRYPOINT')[0]!)).toEqual(['node', '/app/deploy/bin/entry.mjs']);
    const cmd = execForm(byKeyword(runtime, 'CMD')[0]!);
    expect(cmd).toHaveLength(1);
    expect(PROCESS_NAMES).toContain(cmd[0]);
    expect(readFileSync(join(REPO_ROOT, 'deploy/bin/entry.mjs'), 'utf8')).toContain('PROCESSES');
  });

  it('exposes every port a process listens on', () => {
    const exposed = (byKeyword(runtime, 'EXPOSE')[0]!.getArgumentsContent() ?? '').split(/\s+/).map(Number);
    for (const name of PROCESS_NAMES) {
      const { port } = PROCESSES[name as keyof typeof PROCESSES];
      if (port !== null) expect(exposed, name).toContain(port);
    }
  });
});

describe('the build context (.dockerignore)', () => {
  const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it("keeps the host's installs, builds, local state and secrets out of the image", () => {
    for (const pattern of ['**/node_modules', '**/dist', '**/.data', '**/.env', '.git']) expect(ignored).toContain(pattern);
  });

  it('does not exclude anything the build needs', () => {
    for (const needed of ['package.json', 'package-lock.json', 'deploy', 'schema', 'mocks', 'gateway', 'subgraphs']) {
      expect(ignored.some((pattern) => pattern === needed || pattern === `${needed}/` || pattern === `/${needed}`)).toBe(false);
    }
  });
});
