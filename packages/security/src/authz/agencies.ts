import { readFileSync } from 'node:fs';
import { type Catalog, DEFAULT_AGENCIES_FILE, loadCatalog } from '@egov/domain';
import { z } from 'zod';

const AgenciesFile = z.object({
  agencies: z.array(z.object({ code: z.string(), name: z.string(), region: z.string().nullable(), services: z.array(z.string()).min(1) })),
});
export type Agency = z.infer<typeof AgenciesFile>['agencies'][number];

/** Which authority decides which service (and, for akimats, for which region). */
export class Agencies {
  private readonly byCode: Map<string, Agency>;
  private licenceActivities: Map<string, Set<string>> | undefined;

  /** `catalog` says which licensed activity each service issues; read on the first question about licences. */
  constructor(
    agencies: readonly Agency[],
    private readonly catalog: () => Catalog = loadCatalog,
  ) {
    this.byCode = new Map(agencies.map((a) => [a.code, a]));
  }

  static load(file: URL | string = DEFAULT_AGENCIES_FILE, catalog?: () => Catalog): Agencies {
    return new Agencies(AgenciesFile.parse(JSON.parse(readFileSync(file, 'utf8'))).agencies, catalog);
  }

  get(code: string): Agency | undefined {
    return this.byCode.get(code);
  }

  /** Whether officers of `agency` handle applications for `serviceCode` from an applicant registered in `region`. */
  handles(agency: string | null, serviceCode: string, region: string | null): boolean {
    const found = agency ? this.byCode.get(agency) : undefined;
    return !!found && found.services.includes(serviceCode) && (found.region === null || found.region === region);
  }

  /**
   * Whether officers of `agency` may read a licence of this activity: their services issue it (the
   * catalog's licenceActivity). An akimat's regional licences are read by every akimat issuing that
   * activity: a licence names no region of its holder.
   */
  issuesLicencesOf(agency: string | null, activity: string): boolean {
    if (!agency) return false;
    this.licenceActivities ??= this.activitiesByAgency();
    return this.licenceActivities.get(agency)?.has(activity) ?? false;
  }

  private activitiesByAgency(): Map<string, Set<string>> {
    const catalog = this.catalog();
    return new Map([...this.byCode.values()].map((a) => [a.code, new Set(a.services.flatMap((code) => catalog.byCode(code)?.licenceActivity ?? []))]));
  }

  /** The agencies that handle a service (a regional service lists every region's). */
  handling(serviceCode: string): Agency[] {
    return [...this.byCode.values()].filter((a) => a.services.includes(serviceCode));
  }
}
