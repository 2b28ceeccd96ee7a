// What the README examples take as given: the app's own values around the Assent calls.
declare const policy: import('@assent/core').ConsentPolicy;
declare const policyJson: unknown;
declare const email: string;
declare const password: string;
declare const controller: AbortController;
declare function wait(milliseconds: number | undefined): void;
