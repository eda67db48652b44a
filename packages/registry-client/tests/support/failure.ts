import { RegistryError } from '@egov/registry-client';
import { expect } from 'vitest';

/** The RegistryError a registry call failed with; fails the test when it resolved or threw something else. */
export async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}
