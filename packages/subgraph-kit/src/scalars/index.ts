import { ApplicantIdScalar, BINScalar, IINScalar } from './id-scalars.js';
import { DateScalar, DateTimeScalar, MoneyScalar } from './value-scalars.js';

export { ApplicantIdScalar, BINScalar, DateScalar, DateTimeScalar, IINScalar, MoneyScalar };

/** Resolver map entries for every shared scalar; a subgraph spreads in the ones its SDL declares. */
export const scalarResolvers = {
  IIN: IINScalar,
  BIN: BINScalar,
  ApplicantId: ApplicantIdScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
} as const;
