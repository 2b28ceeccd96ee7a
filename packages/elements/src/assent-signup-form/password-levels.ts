/** The levels of Auth0's password policy that `password-policy` takes (core's `PasswordPolicyLevel`). */
export const PASSWORD_LEVELS: readonly string[] = ['none', 'low', 'fair', 'good', 'excellent'];
