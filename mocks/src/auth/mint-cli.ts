import { mintToken, type TokenRequest } from './issuer.js';

// node --conditions=source --import tsx mocks/src/auth/mint-cli.ts citizen 850314301234
// node --conditions=source --import tsx mocks/src/auth/mint-cli.ts officer 621102407892 MINT-KTRM reviewer,decider
// node --conditions=source --import tsx mocks/src/auth/mint-cli.ts partner kgd-tax-audit [individuals:basic,payments:read]
const [kind, first, second, third] = process.argv.slice(2);
const usage = 'usage: mint-cli.ts citizen <iin> | portal <iin> [client] | officer <iin> <agency> [roles,…] | partner <client-id> [scopes,…]';
const request: TokenRequest | null =
  kind === 'citizen' && first
    ? { kind, iin: first }
    : kind === 'portal' && first
      ? { kind, iin: first, clientId: second }
      : kind === 'officer' && first && second
        ? { kind, iin: first, agency: second, roles: third?.split(',') }
        : kind === 'partner' && first
          ? { kind, clientId: first, scopes: second?.split(',') }
          : null;
if (!request) {
  console.error(usage);
  process.exit(2);
}
console.log(await mintToken(request, { expiresIn: 8 * 3600 }));
