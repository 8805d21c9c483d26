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
export { InvitePreviewState, InvitePreviewDto, OpenInviteDto } from './invitePreview';
export type { CounsellorSpaceDto, CounsellorMemberDto, AuditEntryDto } from './counsellor';
