/**
 * Facts about the HTTP request that started a login (for Action events and last_ip). A module of
 * its own, free of server-adapter types, because the emulator's public context type names it and
 * an app that type-checks the emulator's declarations should not need the adapter's types.
 */
export interface RequestInfo {
  readonly ip: string;
  readonly method: string;
  readonly hostname: string;
  readonly userAgent?: string | undefined;
  readonly language?: string | undefined;
  readonly query: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}
