import { writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';

// Makes the test issuer's key pair (run once; the files are committed). Test-only material.
const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
const kid = `egov-test-${new Date().toISOString().slice(0, 10)}`;
const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
writeFileSync(new URL('../../data/auth/jwks.json', import.meta.url), `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`);
writeFileSync(new URL('../../data/auth/issuer-private.jwk.json', import.meta.url), `${JSON.stringify(privateJwk, null, 2)}\n`);
console.log(`test issuer key ${kid} written to mocks/data/auth/`);
