import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `preferred` if it is free on 127.0.0.1, else a free port (0 asks for any). */
export async function freePort(preferred: number): Promise<number> {
  const probe = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  return probe(preferred).catch(() => probe(0));
}
