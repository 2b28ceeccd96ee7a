/**
 * A short list of the most common passwords, for PasswordDictionaryError. Auth0 checks a list of
 * 10,000; this keeps the head of the usual public lists plus common variants that satisfy the
 * "good" and "excellent" policies, so the dictionary check can be exercised under any policy.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456', '123456789', '12345678', 'password', 'qwerty', '12345', '1234567', '111111', '123123', '1234567890',
  'abc123', 'password1', 'iloveyou', '000000', 'qwerty123', '1q2w3e4r', 'admin', 'qwertyuiop', '654321', '555555',
  'lovely', '7777777', 'welcome', '888888', 'princess', 'dragon', 'password123', '123qwe', '666666', '1qaz2wsx',
  'monkey', 'letmein', 'football', 'baseball', 'sunshine', 'master', 'shadow', 'trustno1', 'superman', 'michael',
  'charlie', 'jennifer', 'hunter2', 'starwars', 'whatever', 'freedom', 'passw0rd', 'zaq12wsx', 'azerty', 'solo',
  'Password1', 'Password1!', 'Password123', 'Password123!', 'P@ssw0rd', 'P@ssword1', 'P@ssw0rd1', 'Passw0rd!',
  'Welcome1', 'Welcome1!', 'Welcome123!', 'Qwerty123!', 'Qwerty1234!', 'Abcd1234!', 'Admin123!', 'Letmein1!',
  'Iloveyou1!', 'Summer2024!', 'Winter2024!', 'Spring2024!', 'Autumn2024!', 'Changeme1!', 'Test1234!', 'Monkey123!',
];
