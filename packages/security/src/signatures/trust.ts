/**
 * What a signature's certificate must chain to: trusted roots, optional intermediate CAs, and the CRLs that
 * say which certificates were revoked.
 *
 * Everything is checked once, when the store is built, and a bad configuration fails right there with
 * every problem listed (TrustStoreError): a root or intermediate that is not a CA certificate, a CRL
 * without nextUpdate, a CRL signed by no configured CA. A CRL's freshness is checked at each verification
 * instead, against the verification time: a long-running service's CRL goes stale while it runs, and then
 * verification fails closed (CRL_STALE) until the CRL is refreshed, unless `allowStaleCrls` is set.
 */
import { readFile } from 'node:fs/promises';
import * as pkijs from 'pkijs';
import { basicConstraintsOf, derOf, describeName, engine, keyUsagesOf, parseCertificate, pemBlocks, publicKeyOf, sameBytes, toArrayBuffer } from './pkix.js';

/** PEM texts. Each text may hold one block or a bundle of several. */
export interface TrustStorePem {
  /** Trust anchors, e.g. the НУЦ РК root certificate. */
  roots: readonly string[];
  /** Issuing CAs, so signatures that embed only the signer's certificate still chain. */
  intermediates?: readonly string[];
  /** CRLs (`-----BEGIN X509 CRL-----`), each signed by one of the roots or intermediates. */
  crls?: readonly string[];
}

/** Paths (or file: URLs) of PEM files, in the same roles as TrustStorePem. */
export interface TrustStoreFiles {
  roots: readonly (string | URL)[];
  intermediates?: readonly (string | URL)[];
  crls?: readonly (string | URL)[];
}

export interface TrustStoreOptions {
  /**
   * Accept a CRL past its nextUpdate instead of failing with CRL_STALE. Off by default: a stale CRL may miss
   * a revocation. Only for an outage of the CRL distribution point, as a deliberate, logged decision.
   */
  allowStaleCrls?: boolean;
}

/** The store's configuration is unusable; `problems` lists every reason, one per source. */
export class TrustStoreError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The signature trust store is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'TrustStoreError';
    this.problems = problems;
  }
}

/** A loaded CRL, for health checks ("the CRL of X goes stale on …"). */
export interface CrlSummary {
  /** The issuing CA's common name. */
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date;
  revokedCount: number;
}

/** @internal */
export interface TrustedCertificate {
  certificate: pkijs.Certificate;
  der: Uint8Array;
  publicKey: Uint8Array;
}

/** @internal */
export interface LoadedCrl {
  crl: pkijs.CertificateRevocationList;
  /** The key of the CA whose signature on the CRL verified. */
  issuerPublicKey: Uint8Array;
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date;
}

interface Internals {
  roots: TrustedCertificate[];
  intermediates: TrustedCertificate[];
  crls: LoadedCrl[];
}

const internals = new WeakMap<TrustStore, Internals>();

interface Source {
  label: string;
  text: string;
}

export class TrustStore {
  readonly allowStaleCrls: boolean;

  private constructor(state: Internals, options: TrustStoreOptions) {
    internals.set(this, state);
    this.allowStaleCrls = options.allowStaleCrls ?? false;
  }

  /** A store from PEM texts. Rejects with TrustStoreError when anything is unusable. */
  static async fromPem(pem: TrustStorePem, options: TrustStoreOptions = {}): Promise<TrustStore> {
    const label = (role: string) => (text: string, i: number) => ({ label: `${role}[${i}]`, text });
    return TrustStore.load(pem.roots.map(label('roots')), (pem.intermediates ?? []).map(label('intermediates')), (pem.crls ?? []).map(label('crls')), options);
  }

  /** A store from PEM files. Rejects with TrustStoreError naming the file when one is missing or unusable. */
  static async fromFiles(files: TrustStoreFiles, options: TrustStoreOptions = {}): Promise<TrustStore> {
    const problems: string[] = [];
    const read = async (paths: readonly (string | URL)[] = []): Promise<Source[]> => {
      const sources: Source[] = [];
      for (const path of paths) {
        const name = String(path);
        try {
          sources.push({ label: name, text: await readFile(path, 'utf8') });
        } catch (error) {
          problems.push(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
      }
      return sources;
    };
    const [roots, intermediates, crls] = [await read(files.roots), await read(files.intermediates), await read(files.crls)];
    if (problems.length > 0) throw new TrustStoreError(problems);
    return TrustStore.load(roots, intermediates, crls, options);
  }

  private static async load(rootSources: Source[], intermediateSources: Source[], crlSources: Source[], options: TrustStoreOptions): Promise<TrustStore> {
    const problems: string[] = [];
    if (rootSources.length === 0) problems.push('roots: at least one trusted root certificate is required');

    const loadCas = (sources: Source[]): TrustedCertificate[] =>
      sources.flatMap(({ label, text }) => {
        const blocks = pemBlocks(text, ['CERTIFICATE']);
        if (blocks.length === 0) problems.push(`${label}: no -----BEGIN CERTIFICATE----- block`);
        return blocks.flatMap((der, i) => {
          const where = blocks.length > 1 ? `${label} (certificate ${i + 1})` : label;
          let certificate: pkijs.Certificate;
          try {
            certificate = parseCertificate(der);
          } catch (error) {
            problems.push(`${where}: not an X.509 certificate (${(error as Error).message})`);
            return [];
          }
          if (basicConstraintsOf(certificate)?.ca !== true) {
            problems.push(`${where}: "${describeName(certificate.subject)}" is not a CA certificate (basicConstraints CA:true is missing)`);
            return [];
          }
          return [{ certificate, der: derOf(certificate), publicKey: publicKeyOf(certificate) }];
        });
      });

    const roots = loadCas(rootSources);
    const intermediates = loadCas(intermediateSources);
    const cas = [...roots, ...intermediates];

    const crls: LoadedCrl[] = [];
    for (const { label, text } of crlSources) {
      const blocks = pemBlocks(text, ['X509 CRL', 'CRL']);
      if (blocks.length === 0) problems.push(`${label}: no -----BEGIN X509 CRL----- block`);
      for (const [i, der] of blocks.entries()) {
        const where = blocks.length > 1 ? `${label} (CRL ${i + 1})` : label;
        let crl: pkijs.CertificateRevocationList;
        try {
          crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der));
        } catch (error) {
          problems.push(`${where}: not an X.509 CRL (${(error as Error).message})`);
          continue;
        }
        const issuerName = describeName(crl.issuer);
        if (!crl.nextUpdate) {
          problems.push(`${where}: the CRL of "${issuerName}" has no nextUpdate, so its freshness cannot be judged`);
          continue;
        }
        const named = cas.filter((ca) => ca.certificate.subject.isEqual(crl.issuer));
        let signer: TrustedCertificate | undefined;
        for (const ca of named) {
          if (await crl.verify({ issuerCertificate: ca.certificate }, engine).catch(() => false)) {
            signer = ca;
            break;
          }
        }
        if (!signer) {
          problems.push(
            named.length === 0
              ? `${where}: issued by "${issuerName}", which is neither a configured root nor an intermediate`
              : `${where}: its signature does not verify with the key of "${issuerName}"`,
          );
          continue;
        }
        const usages = keyUsagesOf(signer.certificate);
        if (usages && !usages.has('cRLSign')) {
          problems.push(`${where}: "${issuerName}" may not sign CRLs (its keyUsage lacks cRLSign)`);
          continue;
        }
        crls.push({ crl, issuerPublicKey: signer.publicKey, issuer: issuerName, thisUpdate: crl.thisUpdate.value, nextUpdate: crl.nextUpdate.value });
      }
    }

    if (problems.length > 0) throw new TrustStoreError(problems);
    return new TrustStore({ roots, intermediates, crls }, options);
  }

  /** The loaded CRLs, newest first: for a health check that warns before a nextUpdate passes. */
  get crls(): readonly CrlSummary[] {
    return [...state(this).crls]
      .sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())
      .map(({ crl, issuer, thisUpdate, nextUpdate }) => ({ issuer, thisUpdate, nextUpdate, revokedCount: crl.revokedCertificates?.length ?? 0 }));
  }
}

function state(store: TrustStore): Internals {
  const found = internals.get(store);
  if (!found) throw new TypeError('Not a TrustStore built by TrustStore.fromPem or TrustStore.fromFiles');
  return found;
}

/** @internal The configured trust anchor this certificate is, if any (same encoding). */
export function trustedRoot(store: TrustStore, certificate: pkijs.Certificate): TrustedCertificate | undefined {
  const der = derOf(certificate);
  return state(store).roots.find((root) => sameBytes(root.der, der));
}

/** @internal Roots first, then intermediates: the certificates that may issue a chain's links. */
export function configuredCas(store: TrustStore): readonly TrustedCertificate[] {
  const { roots, intermediates } = state(store);
  return [...roots, ...intermediates];
}

/** @internal The newest CRL signed with this CA's key, or undefined when the store has none. */
export function latestCrlOf(store: TrustStore, issuer: pkijs.Certificate): LoadedCrl | undefined {
  const key = publicKeyOf(issuer);
  return state(store)
    .crls.filter((c) => sameBytes(c.issuerPublicKey, key) && c.crl.issuer.isEqual(issuer.subject))
    .sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())[0];
}
