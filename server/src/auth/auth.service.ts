import type { LoginBody, SignupBody, UserDto } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import { RateLimiter } from '../platform/rateLimiter';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { User } from './user.model';

const WINDOW_MS = 15 * 60 * 1000;

export function toUserDto(user: { _id: { toString(): string }; email: string; displayName: string }): UserDto {
  return { id: user._id.toString(), email: user.email, displayName: user.displayName };
}

export class AuthService {
  // Failed logins only: 5 per account and 30 per IP address per 15 minutes.
  private readonly perAccount = new RateLimiter(5, WINDOW_MS);
  private readonly perIp = new RateLimiter(30, WINDOW_MS);

  async signup(body: SignupBody): Promise<UserDto> {
    const passwordHash = await hashPassword(body.password);
    try {
      const user = await User.create({ email: body.email, displayName: body.displayName, passwordHash });
      return toUserDto(user);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw new AppError('email_taken', 'An account with this email already exists.');
      }
      throw err;
    }
  }

  /** One answer for an unknown email and a wrong password. */
  async login(body: LoginBody, ip: string): Promise<UserDto> {
    const accountKey = `account:${body.email}`;
    const ipKey = `ip:${ip}`;
    if (!this.perAccount.allowed(accountKey) || !this.perIp.allowed(ipKey)) {
      const wait = Math.max(this.perAccount.retryAfter(accountKey), this.perIp.retryAfter(ipKey));
      throw new AppError('rate_limited', `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`);
    }
    const user = await User.findOne({ email: body.email }).lean();
    const ok = user ? await verifyPassword(user.passwordHash, body.password) : (await verifyAgainstDummy(body.password), false);
    if (!user || !ok) {
      this.perAccount.hit(accountKey);
      this.perIp.hit(ipKey);
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    }
    this.perAccount.reset(accountKey);
    return toUserDto(user);
  }

  close(): void {
    this.perAccount.close();
    this.perIp.close();
  }
}
