import { describe, expect, it } from 'vitest';
import { loginPath, parseRoute, safeNext } from './routes';

describe('routes', () => {
  it('parses every page', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'home' });
    expect(parseRoute('/spaces/65f0c0ffee0123456789abcd', '')).toEqual({ name: 'space', spaceId: '65f0c0ffee0123456789abcd' });
    expect(parseRoute('/spaces/65f0c0ffee0123456789abcd/journey', '')).toEqual({
      name: 'space',
      spaceId: '65f0c0ffee0123456789abcd',
      view: 'journey',
    });
    expect(parseRoute('/spaces/65f0c0ffee0123456789abcd/other', '')).toEqual({ name: 'not_found' });
    expect(parseRoute('/invite/abc_DEF-123', '')).toEqual({ name: 'invite', token: 'abc_DEF-123' });
    expect(parseRoute('/login', '?next=%2Finvite%2Fabc')).toEqual({ name: 'login', next: '/invite/abc' });
    expect(parseRoute('/account', '')).toEqual({ name: 'account' });
    expect(parseRoute('/safety', '')).toEqual({ name: 'safety' });
    expect(parseRoute('/spaces/65f0c0ffee0123456789abcd/leave', '')).toEqual({ name: 'leave', spaceId: '65f0c0ffee0123456789abcd' });
    expect(parseRoute('/nope/x/y', '')).toEqual({ name: 'not_found' });
  });

  it('never sends someone to another site after logging in', () => {
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/spaces/1')).toBe('/spaces/1');
    expect(parseRoute('/signup', '?next=https://evil.example')).toEqual({ name: 'signup', next: null });
    expect(loginPath('/invite/x')).toBe('/login?next=%2Finvite%2Fx');
  });
});
