import { createBatchLoader, type RegistryClient } from '@egov/shared';
import { readPersons, type PersonRecord } from '@egov/shared/upstream';

/**
 * ГБД ФЛ as one request sees it: every person looked up while resolving the operation goes out in one
 * batch call, however many places in the query ask for one.
 */
export function createIndividualsRegistry(client: RegistryClient) {
  return {
    person: createBatchLoader<PersonRecord>(async (iins) => (await readPersons(client, iins)).map((person) => [person.iin, person] as const)),
  };
}

export type IndividualsRegistry = ReturnType<typeof createIndividualsRegistry>;
