/** An applicant union as one line: "Name (IIN …)" or "Company (BIN …)". */
export function applicantLabel(applicant: { __typename?: string; iin?: string; fullName?: string | null; bin?: string; shortName?: string | null }): string {
  if (applicant.__typename === 'LegalEntity') return `${applicant.shortName ?? ''} (${applicant.bin})`.trim();
  return `${applicant.fullName ?? ''} (${applicant.iin})`.trim();
}
