import { SCENARIO_IDS, type ScenarioId } from './scenarios/ids.js';
import { GATEWAY_TARGET_IDS, type GatewayTargetId, TARGET_IDS, type TargetId } from './targets/ids.js';

export interface BenchOptions {
  smoke: boolean;
  /** The headline in under 3 minutes: S1 and S5, ours and vanilla Hive, 3 s × 1, no profile. */
  quick: boolean;
  scenarios: ScenarioId[];
  /** Targets asked for; each scenario runs the ones it applies to (see scenarioTargets). */
  targets: TargetId[];
  /** Seconds of load per measured run. */
  duration: number;
  /** Seconds of unmeasured load per scenario and target before its first run. */
  warmup: number;
  connections: number;
  /** Measured runs per scenario and target. */
  runs: number;
  /** Run S1 against a second instance of our gateway started with --cpu-prof, and summarise it. */
  profile: boolean;
  /** The scenario the profile step drives (default S1: the prefill; S2 shows the gateway's cost of large answers). */
  profileScenario: ScenarioId;
  /**
   * The gateway the profile step runs under --cpu-prof (default ours): profiling vanilla Hive under the same load
   * shows what the runtime itself costs, against which our gateway's extra CPU can be placed.
   */
  profileTarget: GatewayTargetId;
  /** Generated persons in the fixture set (both the mock process and the driver build it). */
  persons: number;
  /** S5's evenly spaced arrival rate (requests per second), well below capacity: it measures latency. */
  s5Rate: number;
  /** The subgraphs' registry caches as configured (on, their defaults); off makes every request pay full upstream work. */
  subgraphCache: boolean;
  /**
   * Our gateway's rate limits and the subgraphs' registry caches and idempotency keys in Redis, as deployed (REDIS_URL,
   * default the local one; the session's keys under their own prefix, removed at the end); off keeps them in each
   * process, as `npm start` does.
   */
  redis: boolean;
  /** Sign requests with the mocks' test issuer (when the repository has one). */
  auth: boolean;
  /** Our gateway and subgraphs export traces as deployed (OTLP/HTTP, parent-based 10 % sampling) to a sink process. */
  telemetry: boolean;
  /**
   * Run the gateways and subgraphs compiled (`node dist/...`, after `npm run build`), as production does; off runs
   * their TypeScript sources through tsx, which costs each process tens of MB of memory production does not pay.
   */
  compiled: boolean;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]      (from the root: values with "=", e.g. --scenario=S1,S2)

  --quick                the headline in under 3 minutes: S1 and S5 against ours and hive, 3 s × 1, no profile
                         (scenarios and targets can still be given); ends with S1's and S5's headline ratios
  --smoke                short runs (3 s, 1 s warm-up, 1 repetition, no profile), for CI
  --scenario S1,S2       scenarios to run (default: ${SCENARIO_IDS.join(',')})
  --target ours,apollo   targets to run (default: all: ${TARGET_IDS.join(',')})
  --duration SECONDS     load per measured run (default 10; smoke 3)
  --warmup SECONDS       unmeasured load per scenario and target first (default 3; smoke 1)
  --connections N        concurrent connections (default 50)
  --runs N               measured repetitions per target, alternated round-robin (default 3; smoke 1)
  --profile/--no-profile profile our gateway under S1 with --cpu-prof (default on; off with --smoke)
  --profile-scenario S2  the scenario the profile step drives (default S1)
  --profile-target hive  the gateway the profile step profiles (default ours; any gateway target; the individuals
                         subgraph is profiled beside it either way)
  --persons N            generated persons in the fixture set (default 12000)
  --s5-rate N            S5 requests per second, evenly spaced (default 10)
  --no-subgraph-cache    turn the subgraphs' registry caches off (*_CACHE_TTL_SECONDS=0; default: their own defaults)
  --no-redis             keep our rate limits, registry caches and idempotency keys in each process, as npm start does
                         (default: in Redis as deployed, REDIS_URL or redis://127.0.0.1:6379, under a session prefix)
  --no-auth              send no bearer tokens (default: sign each request as its caller with the mocks' test issuer)
  --no-telemetry         our gateway and subgraphs without tracing (default: on as deployed, OTLP/HTTP to a sink
                         process, parent-based 10 % sampling)
  --source               run the gateways and subgraphs from their TypeScript sources through tsx (default: compiled,
                         as production runs them, after the bench builds them with npm run build)
`;

function list<T extends string>(raw: string, allowed: readonly T[], what: string): T[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const normalised = items.map((item) => allowed.find((a) => a.toLowerCase() === item.toLowerCase()));
  const bad = items.filter((_, i) => normalised[i] === undefined);
  if (bad.length > 0) throw new Error(`unknown ${what}: ${bad.join(', ')} (known: ${allowed.join(', ')})`);
  if (items.length === 0) throw new Error(`no ${what} given`);
  return [...new Set(normalised as T[])];
}

function positive(raw: string | undefined, name: string, integer: boolean): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} needs a positive ${integer ? 'integer' : 'number'}, got "${raw ?? ''}"`);
  }
  return value;
}

const NPM_NAMES = [
  'smoke',
  'quick',
  'scenario',
  'target',
  'duration',
  'warmup',
  'connections',
  'runs',
  'profile',
  'profile-scenario',
  'persons',
  's5-rate',
  'subgraph-cache',
  'redis',
  'auth',
  'telemetry',
  'source',
] as const;

/**
 * `npm run bench -- --smoke --scenario=S1` from the repository root goes through a second `npm run`, which
 * keeps unknown `--name=value` flags as npm config (npm_config_<name>) instead of passing them on. Those
 * are read back here; a flag whose value was split off (`--runs 2`) cannot be, and is reported.
 */
export function npmConfigArgs(env: Record<string, string | undefined>): string[] {
  if (!env.npm_lifecycle_event) return [];
  const args: string[] = [];
  for (const name of NPM_NAMES) {
    const value = env[`npm_config_${name.replace(/-/g, '_')}`];
    if (value === undefined) continue;
    if (name === 'smoke' || name === 'quick' || name === 'source') {
      if (value === 'true') args.push(`--${name}`);
    } else if (name === 'profile' || name === 'auth' || name === 'subgraph-cache' || name === 'redis' || name === 'telemetry')
      args.push(value === 'true' ? `--${name}` : `--no-${name}`);
    else if (value === 'true' || value === '')
      throw new Error(`--${name} lost its value on the way through npm: write --${name}=VALUE (or run npm run bench -w @egov/bench -- --${name} VALUE)`);
    else args.push(`--${name}=${value}`);
  }
  return args;
}

/** Parses the command line (`--name value` or `--name=value`); throws with a readable message. */
export function parseOptions(argv: readonly string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const args: string[] = [];
  for (const arg of [...npmConfigArgs(env), ...argv]) {
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) args.push(arg.slice(0, eq), arg.slice(eq + 1));
    else args.push(arg);
  }
  const given: Partial<BenchOptions> = {};
  let smoke = false;
  let quick = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--smoke':
        smoke = true;
        break;
      case '--quick':
        quick = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--scenario':
      case '--scenarios':
        given.scenarios = list(value(), SCENARIO_IDS, 'scenario');
        break;
      case '--target':
      case '--targets':
        given.targets = list(value(), TARGET_IDS, 'target');
        break;
      case '--duration':
        given.duration = positive(value(), arg, false);
        break;
      case '--warmup':
        given.warmup = Number(value());
        if (!Number.isFinite(given.warmup) || given.warmup < 0) throw new Error('--warmup needs a number of seconds >= 0');
        break;
      case '--connections':
        given.connections = positive(value(), arg, true);
        break;
      case '--runs':
        given.runs = positive(value(), arg, true);
        break;
      case '--persons':
        given.persons = positive(value(), arg, true);
        if (given.persons < 10_000) throw new Error('--persons must be at least 10000 (S1 needs a different IIN on every request)');
        break;
      case '--s5-rate':
        given.s5Rate = positive(value(), arg, false);
        break;
      case '--subgraph-cache':
        given.subgraphCache = true;
        break;
      case '--no-subgraph-cache':
        given.subgraphCache = false;
        break;
      case '--profile':
        given.profile = true;
        break;
      case '--no-profile':
        given.profile = false;
        break;
      case '--profile-scenario':
        [given.profileScenario] = list(value(), SCENARIO_IDS, 'scenario');
        break;
      case '--profile-target': {
        const [target] = list(value(), GATEWAY_TARGET_IDS, 'gateway target');
        given.profileTarget = target;
        break;
      }
      case '--redis':
        given.redis = true;
        break;
      case '--no-redis':
        given.redis = false;
        break;
      case '--auth':
        given.auth = true;
        break;
      case '--no-auth':
        given.auth = false;
        break;
      case '--telemetry':
        given.telemetry = true;
        break;
      case '--no-telemetry':
        given.telemetry = false;
        break;
      case '--source':
        given.compiled = false;
        break;
      default:
        throw new Error(
          arg.startsWith('-')
            ? `unknown option ${arg}\n\n${USAGE}`
            : `unexpected argument "${arg}": through npm, give values with "=" (--runs=2), or run npm run bench -w @egov/bench -- --runs 2\n\n${USAGE}`,
        );
    }
  }
  const short = smoke || quick;
  return {
    smoke,
    quick,
    help,
    scenarios: given.scenarios ?? (quick ? ['S1', 'S5'] : [...SCENARIO_IDS]),
    targets: given.targets ?? (quick ? ['ours', 'hive'] : [...TARGET_IDS]),
    duration: given.duration ?? (short ? 3 : 10),
    warmup: given.warmup ?? (short ? 1 : 3),
    connections: given.connections ?? 50,
    runs: given.runs ?? (short ? 1 : 3),
    profile: given.profile ?? !short,
    profileScenario: given.profileScenario ?? 'S1',
    profileTarget: given.profileTarget ?? 'ours',
    persons: given.persons ?? 12_000,
    s5Rate: given.s5Rate ?? 10,
    subgraphCache: given.subgraphCache ?? true,
    redis: given.redis ?? true,
    auth: given.auth ?? true,
    telemetry: given.telemetry ?? true,
    compiled: given.compiled ?? true,
  };
}
