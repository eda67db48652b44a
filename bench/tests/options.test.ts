import { describe, expect, it } from 'vitest';
import { npmConfigArgs, parseOptions } from '../src/options.js';

describe('parseOptions', () => {
  it('defaults to the full run: every scenario and target, 10 s × 3, 50 connections, profile on', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({
      smoke: false,
      duration: 10,
      runs: 3,
      warmup: 3,
      connections: 50,
      profile: true,
      persons: 12000,
      s5Rate: 10,
      subgraphCache: true,
      auth: true,
      redis: true,
      telemetry: true,
      compiled: true,
    });
    expect(o.scenarios).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
    expect(o.targets).toContain('ours');
    expect(o.targets).toContain('bare');
  });

  it('makes --quick the headline: S1 and S5 against ours and hive, 3 s × 1, no profile; scenarios and targets can still be chosen', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ quick: true, scenarios: ['S1', 'S5'], targets: ['ours', 'hive'], duration: 3, runs: 1, profile: false });
    expect(parseOptions(['--quick', '--scenario=S6', '--target=ours,floor,bare'])).toMatchObject({ scenarios: ['S6'], targets: ['ours', 'floor', 'bare'] });
    expect(npmConfigArgs({ npm_lifecycle_event: 'bench', npm_config_quick: 'true' })).toEqual(['--quick']);
  });

  it('runs the processes compiled unless --source asks for the TypeScript sources, also through npm', () => {
    expect(parseOptions(['--quick']).compiled).toBe(true);
    expect(parseOptions(['--quick', '--source']).compiled).toBe(false);
    expect(npmConfigArgs({ npm_lifecycle_event: 'bench', npm_config_source: 'true' })).toEqual(['--source']);
  });

  it('makes --smoke short, single and without a profile, unless told otherwise', () => {
    expect(parseOptions(['--smoke'])).toMatchObject({ smoke: true, duration: 3, runs: 1, warmup: 1, profile: false });
    expect(parseOptions(['--smoke', '--runs', '2', '--profile'])).toMatchObject({ runs: 2, profile: true });
  });

  it('profiles under S1 unless --profile-scenario names another, also through npm', () => {
    expect(parseOptions([]).profileScenario).toBe('S1');
    expect(parseOptions(['--profile-scenario=s2']).profileScenario).toBe('S2');
    expect(() => parseOptions(['--profile-scenario=S9'])).toThrow(/S9/);
    expect(npmConfigArgs({ npm_lifecycle_event: 'bench', npm_config_profile_scenario: 'S2' })).toEqual(['--profile-scenario=S2']);
  });

  it('reads lists and numbers in both spellings', () => {
    const o = parseOptions(['--scenario', 's1,S4', '--target=ours,apollo', '--duration=5', '--connections', '10']);
    expect(o.scenarios).toEqual(['S1', 'S4']);
    expect(o.targets).toEqual(['ours', 'apollo']);
    expect(o.duration).toBe(5);
    expect(o.connections).toBe(10);
  });

  it('runs ours with telemetry as deployed unless told --no-telemetry, also through npm', () => {
    expect(parseOptions(['--no-telemetry']).telemetry).toBe(false);
    expect(parseOptions(['--quick']).telemetry).toBe(true);
    expect(npmConfigArgs({ npm_lifecycle_event: 'bench', npm_config_telemetry: '' })).toEqual(['--no-telemetry']);
  });

  it('keeps caches and limits in Redis as deployed unless told --no-redis, also through npm', () => {
    expect(parseOptions([]).redis).toBe(true);
    expect(parseOptions(['--no-redis']).redis).toBe(false);
    expect(npmConfigArgs({ npm_lifecycle_event: 'bench', npm_config_redis: '' })).toEqual(['--no-redis']);
  });

  it('rejects what it does not know, with a hint', () => {
    expect(() => parseOptions(['--scenario', 'S9'])).toThrow(/unknown scenario: S9/);
    expect(() => parseOptions(['--runs', '0'])).toThrow(/positive integer/);
    expect(() => parseOptions(['--bogus'])).toThrow(/unknown option --bogus/);
    expect(() => parseOptions(['S1'])).toThrow(/unexpected argument "S1"/);
    expect(() => parseOptions(['--persons', '500'])).toThrow(/at least 10000/);
  });
});

describe('npm config fallback (npm run bench -- … from the repository root)', () => {
  const npm = { npm_lifecycle_event: 'bench' };
  it('reads back flags npm kept as config', () => {
    expect(npmConfigArgs({ ...npm, npm_config_smoke: 'true', npm_config_scenario: 'S3', npm_config_profile: '', npm_config_s5_rate: '10' })).toEqual([
      '--smoke',
      '--scenario=S3',
      '--no-profile',
      '--s5-rate=10',
    ]);
    expect(parseOptions([], { ...npm, npm_config_smoke: 'true', npm_config_duration: '4' })).toMatchObject({ smoke: true, duration: 4 });
  });

  it('says so when a value was split off by npm', () => {
    expect(() => npmConfigArgs({ ...npm, npm_config_runs: 'true' })).toThrow(/--runs=VALUE/);
  });

  it('ignores npm config outside an npm script', () => {
    expect(npmConfigArgs({ npm_config_smoke: 'true' })).toEqual([]);
  });
});
