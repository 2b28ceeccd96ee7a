/** The syntax rules of policies, decisions and the wire formats, shared by every check. */

/**
 * The syntax of an id, for patterns that combine several (the wire format's purpose list).
 * `__proto__` is not an id: as a key of the stored purposes or documents it would set an object's
 * prototype instead of a property, and the decision would not read back.
 */
export const ID_SYNTAX = '(?!__proto__(?![a-z0-9_-]))[a-z0-9_-]{1,64}';
/** Ids of policies, documents and purposes: `[a-z0-9_-]{1,64}`, except `__proto__`. */
export const ID_PATTERN = RegExp(`^${ID_SYNTAX}$`);
/** Versions of policies and documents. */
export const VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** BCP 47 language tags as they appear in policies and decisions (`de`, `pt-BR`, `sr-Latn-RS`). */
export const LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/;
/** SHA-256 digests: 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/**
 * At most this many purposes per policy: keeps the purpose list within one 500-character Auth0
 * value and the stored consent object within its size cap (see consent-object.ts).
 */
export const MAX_PURPOSES = 20;
