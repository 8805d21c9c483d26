import { ObjectIdSchema } from '@hearth/shared/api';
import { AppError } from '../errors';

/**
 * An ObjectId route parameter. A malformed id cannot name anything the caller may see, so it
 * gets the same 404 as an id that names nothing.
 */
export function idParam(value: unknown, what: string): string {
  const parsed = ObjectIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', `No such ${what}.`);
  return parsed.data;
}

/** The `:spaceId` route parameter. */
export function spaceIdParam(value: unknown): string {
  return idParam(value, 'space');
}
