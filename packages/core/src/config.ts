import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Small typed readers for environment variables. A value that is set but malformed fails at boot with
 * the variable's name, rather than surfacing later as a strange runtime error.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function envString(name: string, fallback: string, env: Env = process.env): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envOptional(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envRequired(name: string, why: string, env: Env = process.env): string {
  const value = envOptional(name, env);
  if (value === undefined) throw new ConfigError(`${name} is required: ${why}`);
  return value;
}

export function envInt(name: string, fallback: number, env: Env = process.env): number {
  const raw = envOptional(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function envBool(name: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = envOptional(name, env);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** A directory named by a variable, as a file URL ending in '/' (what data loaders take); undefined when unset. */
export function envDirUrl(name: string, env: Env = process.env): URL | undefined {
  const raw = envOptional(name, env);
  if (raw === undefined) return undefined;
  // resolve() drops a trailing slash; the slash makes the URL a directory, so files resolve inside it.
  return pathToFileURL(`${resolve(raw)}/`);
}
