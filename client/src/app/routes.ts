/** Every page Hearth has, parsed from the URL path. Pure so it can be unit tested. */
export type Route =
  | { name: 'home' }
  | { name: 'login'; next: string | null }
  | { name: 'signup'; next: string | null }
  | { name: 'space'; spaceId: string; view?: 'journey' }
  | { name: 'invite'; token: string }
  | { name: 'account' }
  | { name: 'safety' }
  | { name: 'leave'; spaceId: string }
  | { name: 'not_found' };

/** Only same-site paths are accepted as a place to return to after logging in. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  return next;
}

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  // `/spaces` is the list of spaces, the same page as `/`.
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'spaces')) return { name: 'home' };
  const [first, second] = parts;
  if (parts.length === 1 && first === 'login') return { name: 'login', next: safeNext(params.get('next')) };
  if (parts.length === 1 && first === 'signup') return { name: 'signup', next: safeNext(params.get('next')) };
  if (parts.length === 2 && first === 'spaces' && second) return { name: 'space', spaceId: second };
  if (parts.length === 3 && first === 'spaces' && second && parts[2] === 'journey')
    return { name: 'space', spaceId: second, view: 'journey' };
  if (parts.length === 3 && first === 'spaces' && second && parts[2] === 'leave') return { name: 'leave', spaceId: second };
  if (parts.length === 1 && first === 'account') return { name: 'account' };
  if (parts.length === 1 && first === 'safety') return { name: 'safety' };
  if (parts.length === 2 && first === 'invite' && second) return { name: 'invite', token: second };
  return { name: 'not_found' };
}

export function spacePath(spaceId: string): string {
  return `/spaces/${encodeURIComponent(spaceId)}`;
}

export function journeyPath(spaceId: string): string {
  return `${spacePath(spaceId)}/journey`;
}

export function leavePath(spaceId: string): string {
  return `${spacePath(spaceId)}/leave`;
}

export function loginPath(next: string | null): string {
  return next ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

export function signupPath(next: string | null): string {
  return next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
}
