import { z } from 'zod';

/** Shapes shared by several registries. Registries answer in JSON; dates are YYYY-MM-DD, instants ISO 8601. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const IsoInstant = z.string().datetime({ offset: true });
export const TwelveDigits = z.string().regex(/^\d{12}$/, 'id must be 12 digits');
export const KztAmount = z.string().regex(/^\d{1,13}\.\d{2}$/, 'amount must be a decimal with two places');

export const Address = z.object({
  postcode: z.string().nullable(),
  region: z.string(),
  district: z.string().nullable(),
  city: z.string(),
  street: z.string(),
  house: z.string(),
  flat: z.string().nullable(),
});
export type Address = z.infer<typeof Address>;

/**
 * Routes are written once as templates (`/persons/:iin`): mocks match them as they are, clients fill
 * them with `fillPath`, which encodes every parameter.
 */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** Every batch endpoint takes at most this many ids; clients split larger batches. */
export const MAX_BATCH = 100;

/** How a subgraph that does not own Person refers to one: by key only. */
export interface PersonRef {
  iin: string;
}

/** How a subgraph that does not own LegalEntity refers to one: by key only. */
export interface LegalEntityRef {
  bin: string;
}
