// Bench page (bench/lock-measure.ts): <assent-lock> on the emulator with the policy from /config.json, Lock loaded lazily by
// the element's default loader (a chunk of its own). `?defer=1` defines the element but shows
// nothing, for the weight of a page that merely includes <assent-lock>.
import '@assent/lock/define/assent-lock.js';
import type { ConsentPolicy } from '@assent/core';
import type { LockOptions } from '@assent/lock';

interface Config {
  readonly domain: string;
  readonly clientId: string;
  readonly assetsBaseUrl: string;
  readonly policy: ConsentPolicy;
}

if (new URLSearchParams(location.search).get('defer') !== '1') {
  const config = (await (await fetch('/config.json')).json()) as Config;
  const lock = document.createElement('assent-lock');
  lock.options = {
    configurationBaseUrl: config.assetsBaseUrl,
    languageBaseUrl: config.assetsBaseUrl,
    avatar: null,
    rememberLastLogin: false,
    theme: { logo: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="58" height="58"/%3E' },
    initialScreen: 'signUp',
    loginAfterSignUp: false,
  } as LockOptions;
  lock.policy = config.policy;
  lock.setAttribute('client-id', config.clientId);
  lock.setAttribute('domain', config.domain);
  document.querySelector('#signup')?.append(lock);
}
