export { SignupBody, LoginBody, UserDto, EmailSchema, PasswordSchema, DisplayNameSchema } from './auth';
export {
  ObjectIdSchema,
  MemberRole,
  CounsellorAccess,
  CreateSpaceBody,
  CreateInviteBody,
  InviteTokenSchema,
  SpaceMemberDto,
  SpaceDto,
  InviteDto,
  ConsentBody,
  CounsellorAccessDto,
} from './spaces';
