/**
 * An applicant as one line. Officers may not read an applicant's registry records outside an application
 * (FORBIDDEN), so the name comes from the application's own snapshot when there is one.
 */
export function applicantLabel(applicant: { __typename?: string; iin?: string; bin?: string }, name?: string | null): string {
  const id = applicant.__typename === 'LegalEntity' ? `BIN ${applicant.bin}` : `IIN ${applicant.iin}`;
  return name ? `${name} (${id})` : id;
}
