/** Types for password-sheriff 2 (Auth0's password policy library, CommonJS, ships no types). */
declare module 'password-sheriff' {
  /** One rule as explained / checked: Auth0 sends these in PasswordStrengthError descriptions. */
  export interface RuleDescription {
    message: string;
    code: string;
    format?: (string | number)[];
    items?: RuleDescription[];
    verified?: boolean;
  }

  export interface Charset {
    explain(): RuleDescription;
    test(password: string): boolean;
  }

  export interface PasswordPolicyInstance {
    check(password: string): boolean;
    missing(password: string): { rules: RuleDescription[]; verified: boolean };
    explain(): RuleDescription[];
    toString(): string;
  }

  interface Sheriff {
    PasswordPolicy: new (rules: Record<string, unknown>) => PasswordPolicyInstance;
    charsets: { upperCase: Charset; lowerCase: Charset; numbers: Charset; specialCharacters: Charset };
  }

  const sheriff: Sheriff;
  export default sheriff;
}
