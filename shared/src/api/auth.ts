import { z } from 'zod';

export const EmailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const PasswordSchema = z.string().min(10, 'at least 10 characters').max(256);
/** The messages are the words the sign-up form shows next to the field. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Please enter your name')
  .max(60, 'Please keep your name to 60 characters or fewer');

export const SignupBody = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
});
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserDto = z.object({ id: z.string(), email: z.string(), displayName: z.string() });
export type UserDto = z.infer<typeof UserDto>;
