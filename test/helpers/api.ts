import { randomBytes } from 'node:crypto';
import type { InviteDto, SpaceDto, UserDto } from '@hearth/shared/api';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client with one cookie jar: one instance per person in a test. */
export class ApiClient {
  cookie = '';
  user: UserDto | null = null;

  constructor(
    readonly baseUrl: string,
    /** Sent as Origin on every request (the server's own origin unless a test says otherwise). */
    readonly origin: string | null = baseUrl,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.origin ? { origin: this.origin } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const res = await fetch(`${this.baseUrl}${path}`, init);
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'hearth_session') this.cookie = value ? `hearth_session=${value}` : '';
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  delete<T = any>(path: string, body?: unknown) {
    return this.request<T>('DELETE', path, body);
  }

  async signup(displayName = 'Person', email = uniqueEmail(displayName), password = 'correct horse battery'): Promise<UserDto> {
    const res = await this.post<{ user: UserDto }>('/api/auth/signup', { email, password, displayName });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.user = res.body.user;
    return res.body.user;
  }

  async createSpace(name = 'Our space'): Promise<SpaceDto> {
    const res = await this.post<{ space: SpaceDto }>('/api/spaces', { name });
    if (res.status !== 201) throw new Error(`createSpace failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.space;
  }

  async invite(spaceId: string, role: 'partner' | 'counsellor'): Promise<InviteDto> {
    const res = await this.post<{ invite: InviteDto }>(`/api/spaces/${spaceId}/invites`, { role });
    if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.invite;
  }

  async accept(token: string): Promise<SpaceDto> {
    const res = await this.post<{ space: SpaceDto }>(`/api/invites/${token}/accept`);
    if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.space;
  }
}

export function uniqueEmail(label = 'user'): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]/g, '')}.${randomBytes(4).toString('hex')}@example.test`;
}

export interface Couple {
  a: ApiClient;
  b: ApiClient;
  space: SpaceDto;
}

/** Two partners sharing one space: the usual starting point (`a` made it and invited `b`). */
export async function makeCouple(baseUrl: string, names: { a: string; b: string } = { a: 'Alex', b: 'Sam' }): Promise<Couple> {
  const a = new ApiClient(baseUrl);
  const b = new ApiClient(baseUrl);
  await a.signup(names.a);
  await b.signup(names.b);
  const space = await a.createSpace('Alex & Sam');
  const invite = await a.invite(space.id, 'partner');
  return { a, b, space: await b.accept(invite.token) };
}

/** A couple plus a counsellor whose access both partners have consented to (active). */
export async function makeCoupleWithCounsellor(baseUrl: string): Promise<Couple & { c: ApiClient }> {
  const couple = await makeCouple(baseUrl);
  const c = new ApiClient(baseUrl);
  await c.signup('Dr Rivera');
  const invite = await couple.a.invite(couple.space.id, 'counsellor');
  await c.accept(invite.token);
  for (const partner of [couple.a, couple.b]) {
    const res = await partner.post(`/api/spaces/${couple.space.id}/counsellors/${c.user!.id}/consent`, { granted: true });
    if (res.status !== 200) throw new Error(`consent failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { ...couple, c };
}
