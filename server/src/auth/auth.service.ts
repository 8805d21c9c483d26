import type { LoginBody, SignupBody, UserDto } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import type { Limits } from '../platform/limits';
import { LoginLimits } from './loginLimits';
import { assertStrongPassword, hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { User } from './user.model';
import { isDuplicateKey } from '../platform/db/driverValues';

export function toUserDto(user: { _id: { toString(): string }; email: string; displayName: string }): UserDto {
  return { id: user._id.toString(), email: user.email, displayName: user.displayName };
}

export class AuthService {
  private readonly limits: LoginLimits;

  constructor(limits: Limits) {
    this.limits = new LoginLimits(limits);
  }

  async signup(body: SignupBody): Promise<UserDto> {
    assertStrongPassword(body.password, [body.email, body.displayName]);
    const passwordHash = await hashPassword(body.password);
    try {
      const user = await User.create({ email: body.email, displayName: body.displayName, passwordHash });
      return toUserDto(user);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new AppError('email_taken', 'An account with this email already exists.');
      }
      throw err;
    }
  }

  /** One answer for an unknown email and a wrong password; a slot is taken before the check. */
  async login(body: LoginBody, ip: string): Promise<UserDto> {
    const account = body.email.toLowerCase();
    await this.limits.reserve(account, ip);
    const user = await User.findOne({ email: body.email }).lean();
    const ok = user ? await verifyPassword(user.passwordHash, body.password) : (await verifyAgainstDummy(body.password), false);
    if (!user || !ok) {
      await this.limits.failed(account);
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    }
    await this.limits.succeeded(account, ip);
    return toUserDto(user);
  }

  close(): void {}
}
