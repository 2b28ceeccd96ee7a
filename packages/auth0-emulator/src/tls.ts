/**
 * TLS for clients that insist on https (the `auth0` Node SDK builds `https://{domain}`): a small
 * development CA and a server certificate for 127.0.0.1 / localhost signed by it, generated with
 * `selfsigned` (node:crypto cannot create X.509 certificates). The CA certificate is written to a
 * file so a test process can trust it through NODE_EXTRA_CA_CERTS. With a `certDir` that already
 * holds them (and they are not about to expire), the same files are reused, so a developer trusts
 * the CA once.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** Server private key (PEM). */
  readonly key: string;
  /** Server certificate (PEM). */
  readonly cert: string;
  /** The CA certificate to trust (PEM). */
  readonly caCert: string;
  /** Where `caCert` is written. */
  readonly caCertPath: string;
  /** The directory was created for this run (no certDir given): remove it when done. */
  readonly temporaryDir?: string;
}

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', cert: 'server.pem', key: 'server-key.pem' } as const;

async function reuse(dir: string): Promise<TlsMaterial | undefined> {
  if (!Object.values(FILES).every((file) => existsSync(join(dir, file)))) return undefined;
  const [caCert, cert, key] = await Promise.all([FILES.ca, FILES.cert, FILES.key].map((file) => readFile(join(dir, file), 'utf8')));
  // Regenerate rather than serve a certificate that expires within a day (or cannot be read).
  try {
    if (Date.parse(new X509Certificate(cert as string).validTo) < Date.now() + 24 * 3600 * 1000) return undefined;
  } catch {
    return undefined;
  }
  return { key: key as string, cert: cert as string, caCert: caCert as string, caCertPath: join(dir, FILES.ca) };
}

/**
 * Generates (or reuses from `certDir`) a CA and a server certificate valid for `hosts`
 * (127.0.0.1, ::1 and localhost are always included).
 */
export async function createTlsMaterial(options: { certDir?: string | undefined; hosts?: readonly string[] }): Promise<TlsMaterial> {
  const dir = options.certDir ?? (await mkdtemp(join(tmpdir(), 'assent-auth0-emulator-tls-')));
  if (options.certDir !== undefined) {
    await mkdir(dir, { recursive: true });
    const existing = await reuse(dir);
    if (existing) return existing;
  }
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'Assent Auth0 emulator development CA (never trust in production)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const names = new Set(['localhost', ...(options.hosts ?? [])]);
  const ips = new Set(['127.0.0.1', '::1']);
  const altNames = [
    ...[...names].filter((name) => !/^[\d.:]+$/.test(name)).map((value) => ({ type: 2 as const, value })),
    ...[...new Set([...ips, ...[...names].filter((name) => /^[\d.:]+$/.test(name))])].map((ip) => ({ type: 7 as const, ip })),
  ];
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  await Promise.all([
    writeFile(join(dir, FILES.ca), ca.cert, { mode: 0o644 }),
    writeFile(join(dir, FILES.caKey), ca.private, { mode: 0o600 }),
    writeFile(join(dir, FILES.cert), server.cert, { mode: 0o644 }),
    writeFile(join(dir, FILES.key), server.private, { mode: 0o600 }),
  ]);
  return {
    key: server.private,
    cert: server.cert,
    caCert: ca.cert,
    caCertPath: join(dir, FILES.ca),
    ...(options.certDir === undefined ? { temporaryDir: dir } : {}),
  };
}
