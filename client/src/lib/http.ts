import { ErrorCodes, type ErrorCode } from '@hearth/shared/errors';
import { z } from 'zod';

/**
 * An error answer from the server, a network failure (code `network`), or an answer that does
 * not match its shared schema (code `invalid_response`: client and server are out of step).
 */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network' | 'invalid_response';
  readonly status: number;

  constructor(code: ErrorCode | 'network' | 'invalid_response', status: number, message: string) {
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

/** `signal` aborts the request (a load superseded or unmounted). */
export interface RequestOptions {
  signal?: AbortSignal;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** For calls answered with 204 (or whose body the caller does not use). */
export const NoContent = z.unknown().transform((): void => undefined);

/**
 * One JSON request to the Hearth API, its answer checked against `schema` (from
 * @hearth/shared/api). Cookies carry the session; every error, including a dropped connection
 * and an answer of the wrong shape, arrives as an ApiError so pages show one kind of message.
 */
export async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const parsed = await send(method, path, body, options);
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ApiError(
      'invalid_response',
      200,
      `Hearth answered ${method} ${path} in an unexpected form: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

/**
 * A request whose answer is not checked yet: only for the few calls whose answer has no shared
 * schema so far (activity, version history, counsellor dashboard, notifications list).
 */
export async function requestUnchecked<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  // The caller names the type; nothing here can confirm it.
  return (await send(method, path, body, options)) as T;
}

/**
 * Sends one request; the body of a successful answer (undefined for 204), or throws an ApiError.
 * A request aborted through `signal` rejects with the abort reason instead.
 */
async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<unknown> {
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
  if (response.status === 204) return undefined;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBody.safeParse(parsed);
    if (error.success && isErrorCode(error.data.error.code)) {
      if (error.data.error.code === 'unauthenticated') sessionEnded?.();
      throw new ApiError(error.data.error.code, response.status, error.data.error.message);
    }
    throw new ApiError('internal', response.status, 'Something went wrong. Please try again.');
  }
  return parsed;
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCodes, code);
}
