import mongoose from 'mongoose';

/**
 * mongoose runs with `sanitizeFilter`, which neutralises every `$operator` inside a query
 * filter so user input can never become one. Operators the server writes itself must be
 * marked: `{ expiresAt: trusted({ $gt: now }) }`.
 */
export function trusted<T extends object>(operators: T): T {
  return mongoose.trusted(operators);
}
