import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeUrl } from '../src/safe-url.js';

describe('safeUrl', () => {
  const hostile: [string, string][] = [
    ['a javascript: URL', 'javascript:alert(1)'],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: split by a newline', 'java\nscript:alert(1)'],
    ['javascript: behind leading spaces', '  javascript:alert(1)'],
    ['javascript: behind a leading control character', '\x01javascript:alert(1)'],
    ['javascript: behind a zero-width space', '\u200bjavascript:alert(1)'],
    ['an entity-encoded javascript: URL', 'javascript&colon;alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a vbscript: URL', 'vbscript:msgbox(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a protocol-relative URL', '//evil.example/terms'],
    ['a backslash path the browser reads as protocol-relative', '/\\evil.example'],
    ['backslashes after the scheme', 'https:\\\\evil.example'],
    ['an http URL without a host', 'https://'],
    ['three slashes after the scheme', 'https:///evil.example'],
    ['credentials in the URL', 'https://acme.example@evil.example/terms'],
    ['a space inside the URL', 'https://acme.example/terms of service'],
    ['a trailing newline', 'https://acme.example/terms\n'],
    ['a right-to-left override', 'https://acme.example/\u202eexe.txt'],
    ['a relative path without a slash', 'terms.html'],
    ['a fragment only', '#terms'],
    ['an empty string', ''],
    ['a mailto: URL', 'mailto:privacy@acme.example'],
  ];
  for (const [what, url] of hostile) {
    test(`refuses ${what}`, () => assert.equal(safeUrl(url), null));
  }

  test('refuses a value that is not a string', () => {
    assert.equal(safeUrl(42 as unknown as string), null);
    assert.equal(safeUrl({ toString: () => 'https://acme.example' } as unknown as string), null);
  });

  const good = ['https://acme.example/terms', 'http://localhost:8080/privacy', 'HTTPS://ACME.EXAMPLE/Terms?v=3#section-2', 'https://acme.example', '/legal/privacy', '/', '/terms?lang=de#cookies'];
  for (const url of good) {
    test(`keeps ${url} unchanged`, () => assert.equal(safeUrl(url), url));
  }
});
