import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSameOriginRequest, safeCallbackPath } from '../../lib/auth/same-origin';

const url = 'http://localhost:3000/api/admin/runs';

describe('cross-site request check', () => {
  it('accepts same-origin browser requests', () => {
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), url), true);
  });
  it('refuses other sites, same-site subdomains and opaque origins', () => {
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), url), false);
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' }), url), false);
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'https://evil.example' }), url), false);
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'null' }), url), false);
  });
  it('lets non-browser clients through to the session check', () => {
    assert.equal(isSameOriginRequest(new Headers({ host: 'localhost:3000' }), url), true);
  });
});

describe('callback paths after sign-in', () => {
  it('keeps paths on this site only', () => {
    assert.equal(safeCallbackPath('/admin/runs'), '/admin/runs');
    assert.equal(safeCallbackPath('//evil.example/x'), '/admin');
    assert.equal(safeCallbackPath('https://evil.example'), '/admin');
    assert.equal(safeCallbackPath('/\\evil.example'), '/admin');
    assert.equal(safeCallbackPath(undefined), '/admin');
  });
});
