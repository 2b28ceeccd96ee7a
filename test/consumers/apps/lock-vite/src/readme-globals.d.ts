// What the README examples take as given: the app's own values around the Assent calls.
declare const policy: import('@assent/core').ConsentPolicy;
declare const clientId: string;
declare const domain: string;
declare function save(decision: import('@assent/core').ConsentDecision): void;
