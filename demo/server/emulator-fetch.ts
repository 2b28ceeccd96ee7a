/**
 * `fetch` for the `auth0` SDK (the consent handler's, the policy publisher's), which always builds
 * `https://{domain}`: the demo's emulator speaks plain HTTP on loopback, so its https:// URLs are
 * sent to its http:// address.
 */
export function emulatorFetch(emulatorUrl: string): typeof fetch {
  const https = emulatorUrl.replace(/^http:/, 'https:');
  return (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulatorUrl + request.url.slice(https.length), request)) : fetch(request);
  };
}
