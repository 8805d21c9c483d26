import { ErrorCodes, statusOf, type ErrorCode } from '@hearth/shared/errors';
import type { z } from 'zod';

/** The one error type the server throws on purpose; the middleware turns it into JSON. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = statusOf(code);
  }
}

/** Whether a value (say the `code` of something thrown) is one of Hearth's error codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ErrorCodes, code);
}

/** Names the first failing field, e.g. `email: Invalid email address`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const where = issue.path.length ? issue.path.join('.') : 'body';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}`;
  return `${where}: ${issue.message}`;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid_input', describeZodError(result.error));
  return result.data;
}
