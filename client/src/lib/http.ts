import type { ErrorCode } from '@hearth/shared/errors';

/** An error answer from the server, or a network failure (code `network`). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;

  constructor(code: ErrorCode | 'network', status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

let sessionEnded: (() => void) | null = null;

/** Called when any request finds the session gone (expired, or ended from another device). */
export function onSessionEnded(handler: (() => void) | null): void {
  sessionEnded = handler;
}

function isErrorBody(body: unknown): body is { error: { code: ErrorCode; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * One JSON request to the Hearth API. Cookies carry the session; every error, including a
 * dropped connection, arrives as an ApiError so pages show one kind of message. A request
 * aborted through `signal` rejects with the abort reason instead.
 */
export async function request<T>(method: string, path: string, body?: unknown, options: { signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (caught) {
    if (options.signal?.aborted) throw options.signal.reason ?? caught;
    throw new ApiError('network', 0, 'Cannot reach Hearth. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      if (parsed.error.code === 'unauthenticated') sessionEnded?.();
      throw new ApiError(parsed.error.code, response.status, parsed.error.message);
    }
    throw new ApiError('internal', response.status, 'Something went wrong. Please try again.');
  }
  return parsed as T;
}
