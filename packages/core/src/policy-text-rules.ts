/**
 * The rules for the texts of a policy (its controller and its messages), apart from the syntax
 * rules in patterns.ts: only the full `parsePolicy` applies them, so browser bundles that load it
 * lazily keep them out of their first download.
 */

/**
 * Longest text of a policy, in code points: the controller's name and contact and every message.
 * A purpose sentence or a document title is a line or two; this leaves room for long legal wording
 * while a policy cannot carry a megabyte into every page that shows it.
 */
export const MAX_TEXT_LENGTH = 2000;
/**
 * Longest policy, in code points of its JSON: it fits the post-login Action's secrets (at most 25
 * secret values of 4096 characters, beside the Action's other secrets (at most four), within Auth0's 30).
 */
export const MAX_POLICY_LENGTH = 100_000;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they can show a
 * text in another order than it is stored, reviewed and hashed ("Trojan Source"). Refused in every
 * text of a policy.
 */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Direction marks (U+200E, U+200F, U+061C): invisible letters of one direction that place
 * punctuation and numbers beside them. Right-to-left texts need them; in the texts of other
 * languages, and in the controller's name and contact (set into the sentences of every
 * language), they would only move what is around them. Allowed in messages of right-to-left
 * languages only.
 */
export const DIRECTION_MARK = /[\u200e\u200f\u061c]/;
