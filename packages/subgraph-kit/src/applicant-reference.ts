/** A Person or LegalEntity reference for an IIN/BIN: the 5th digit tells which (0-3 IIN, 4-6 BIN). */
export function applicantReference(id: string): { __typename: 'Person'; iin: string } | { __typename: 'LegalEntity'; bin: string } {
  return Number(id[4]) >= 4 ? { __typename: 'LegalEntity', bin: id } : { __typename: 'Person', iin: id };
}
