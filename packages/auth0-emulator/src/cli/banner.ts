/** What the CLI prints on start: that this is a development tool, where it listens, what to paste into an app. */
import type { EmulatorOptions, RunningEmulator } from '../options.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function banner(emulator: RunningEmulator, options: EmulatorOptions): string {
  const { tenant } = emulator;
  const lines = [
    'Assent Auth0 emulator: a DEVELOPMENT TOOL. Never use it in production or expose it to a network.',
    '',
    `  URL        ${emulator.url}`,
    `  domain     ${tenant.domain}`,
    `  issuer     ${tenant.issuer}`,
    `  tenant     ${tenant.name}`,
    `  state      ${options.dataFile ? `persisted in ${options.dataFile}` : 'in memory (use --data state.json to keep it)'}`,
    `  admin      ${options.enableAdmin ? `on: ${emulator.url}/__emulator/` : 'off (--admin enables /__emulator/)'}`,
  ];
  if (emulator.caCertPath) lines.push(`  CA cert    ${emulator.caCertPath}  (trust with NODE_EXTRA_CA_CERTS=${emulator.caCertPath})`);
  lines.push('', 'Clients to paste into an app:');
  for (const client of tenant.clients) {
    lines.push(`  ${client.app_type.padEnd(15)} client_id ${client.client_id}   (${client.name})`);
    if (client.client_secret) lines.push(`  ${''.padEnd(15)} secret    ${client.client_secret}`);
    for (const grant of client.grants) lines.push(`  ${''.padEnd(15)} grant     ${grant.audience}: ${grant.scope.join(' ')}`);
  }
  lines.push('', `Connections: ${tenant.connections.map((c) => `${c.name} (password policy ${c.options.passwordPolicy})`).join(', ')}`);
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) lines.push('', `WARNING: bound to ${host}, not loopback: anyone who can reach this address can use this tenant.`);
  return lines.join('\n');
}
