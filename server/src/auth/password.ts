import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';
import { AppError } from '../platform/errors';

// argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); @node-rs/argon2 hashes on
// libuv's thread pool, off the event loop.
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so unknown emails cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('hearth-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

/** zxcvbn's scale: 3 = "safely unguessable" against online attacks and slow hashes. */
export const MIN_PASSWORD_SCORE = 3;

// The word lists ship inside the npm packages: nothing is fetched at run time.
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonWords, ...englishWords },
    graphs: adjacencyGraphs,
    translations,
  });
  return estimator;
}

export interface PasswordStrength {
  ok: boolean;
  /** 0 (trivial) … 4 (very strong). */
  score: number;
  /** Why it is refused and what would help, for people; empty when ok. */
  message: string;
}

/**
 * Whether a new password is strong enough: common passwords, keyboard walks, repeats,
 * dates and the person's own email or name are refused. For signup and password changes.
 */
export function checkPasswordStrength(password: string, personal: string[] = []): PasswordStrength {
  const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s]+/)]).filter((p) => p.length >= 3);
  const result = zxcvbn().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score, message: '' };
  const why = result.feedback.warning ?? 'This password is too easy to guess.';
  const help = result.feedback.suggestions[0] ?? 'Use a few uncommon words together.';
  return { ok: false, score: result.score, message: `${why} ${help}`.trim() };
}

/** Throws `weak_password` with the reason when `checkPasswordStrength` refuses. */
export function assertStrongPassword(password: string, personal: string[] = []): void {
  const strength = checkPasswordStrength(password, personal);
  if (!strength.ok) throw new AppError('weak_password', `password: ${strength.message}`);
}
