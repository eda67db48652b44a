export { ApplicantIdScalar, BINScalar, IINScalar } from './id-scalars.js';
export { DateScalar, DateTimeScalar, MoneyScalar } from './value-scalars.js';
