import { readFileSync } from 'node:fs';
import { DEFAULT_AGENCIES_FILE } from '@egov/domain';
import { z } from 'zod';

const AgenciesFile = z.object({
  agencies: z.array(z.object({ code: z.string(), name: z.string(), region: z.string().nullable(), services: z.array(z.string()).min(1) })),
});
export type Agency = z.infer<typeof AgenciesFile>['agencies'][number];

/** Which authority decides which service (and, for akimats, for which region). */
export class Agencies {
  private readonly byCode: Map<string, Agency>;

  constructor(agencies: readonly Agency[]) {
    this.byCode = new Map(agencies.map((a) => [a.code, a]));
  }

  static load(file: URL | string = DEFAULT_AGENCIES_FILE): Agencies {
    return new Agencies(AgenciesFile.parse(JSON.parse(readFileSync(file, 'utf8'))).agencies);
  }

  get(code: string): Agency | undefined {
    return this.byCode.get(code);
  }

  /** Whether officers of `agency` handle applications for `serviceCode` from an applicant registered in `region`. */
  handles(agency: string | null, serviceCode: string, region: string | null): boolean {
    const found = agency ? this.byCode.get(agency) : undefined;
    return !!found && found.services.includes(serviceCode) && (found.region === null || found.region === region);
  }

  /** The agencies that handle a service (a regional service lists every region's). */
  handling(serviceCode: string): Agency[] {
    return [...this.byCode.values()].filter((a) => a.services.includes(serviceCode));
  }
}
