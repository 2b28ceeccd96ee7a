/**
 * WebCrypto for the built Actions: core hashes with `globalThis.crypto.subtle`, which Node 18
 * (an Auth0 Actions runtime) has only as `require('crypto').webcrypto`. The Action build injects
 * this module in place of `globalThis.crypto`; on Node 20+ it is the global itself.
 */
import { webcrypto } from 'node:crypto';

export const assentWebCrypto = (Reflect.get(globalThis, 'crypto') ?? webcrypto) as Crypto;
