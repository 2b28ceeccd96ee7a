/**
 * Unique test identities, so tests that share one emulator (or one real tenant) never collide.
 * Browser-safe: uses only the Web Crypto API.
 */

function randomId(bytes = 6): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

/** `label-<time>-<random>@assent.test` (`.test` is reserved: it never reaches a real mailbox). */
export function uniqueEmail(label = 'user'): string {
  const safe =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'user';
  return `${safe}-${Date.now().toString(36)}-${randomId()}@assent.test`;
}

/**
 * A password that passes Auth0's strongest policy ("excellent": 10+ characters, lower, upper,
 * digit and special, no character three times in a row) and no dictionary or personal-info check.
 */
export function strongPassword(): string {
  // The random part could hold a run of three identical digits, which "excellent" refuses.
  const random = randomId(4).replace(/(.)\1\1/g, '$1');
  return `Tq7!${random}-Vx9#`;
}
