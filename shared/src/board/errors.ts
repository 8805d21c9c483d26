import type { z } from 'zod';
import type { ErrorCode } from '../errors/errorCodes';

/** The codes a board rule can fail with; each is also an `ErrorCode`, so the server maps 1:1. */
export type BoardRuleCode = Extract<ErrorCode, 'forbidden' | 'invalid_input' | 'not_found' | 'conflict'>;

/**
 * Thrown by a board operation when the acting user may not do it, the input is wrong, the item
 * is missing or the item is in the wrong state. Nothing has been written when it is thrown.
 */
export class BoardRuleError extends Error {
  override readonly name = 'BoardRuleError';
  readonly code: BoardRuleCode;

  constructor(code: BoardRuleCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Thrown when data already stored in a board document does not match the schema (e.g. a buggy
 * or hostile client wrote it). `itemId` and `field` say exactly where.
 */
export class BoardDataError extends Error {
  override readonly name = 'BoardDataError';
  readonly itemId: string | null;
  readonly field: string;

  constructor(itemId: string | null, field: string, detail: string) {
    super(`${itemId === null ? 'board' : `item ${itemId}`}: field '${field}' ${detail}`);
    this.itemId = itemId;
    this.field = field;
  }
}

/** Joins a zod issue path the way people read it: `steps.0.done`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');
}

/** Turns a failed input parse into one `invalid_input` error naming the first bad field. */
function inputError(error: z.ZodError): BoardRuleError {
  const issue = error.issues[0];
  if (!issue) return new BoardRuleError('invalid_input', 'invalid input');
  return new BoardRuleError('invalid_input', `${fieldPath(issue.path)}: ${issue.message}`);
}

/** Parses operation input with its strict schema, throwing `invalid_input` on failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw inputError(result.error);
  return result.data;
}
