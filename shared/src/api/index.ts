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
export {
  SessionIdSchema,
  ChangePasswordBody,
  IDLE_LOCK_MINUTES,
  AccountSettings,
  AccountSettingsPatch,
  DEFAULT_ACCOUNT_SETTINGS,
  HelplineSchema,
} from './account';
export {
  UserResponse,
  SpacesResponse,
  SpaceResponse,
  InviteResponse,
  InvitePreviewResponse,
  SessionDto,
  SessionsResponse,
  EndedSessionsResponse,
  SignInNoticeDto,
  SignInsResponse,
  Helpline,
  SafetyInfoDto,
  AccountSettingsResponse,
  LeaveSafelyResponse,
  DeviceKeyResponse,
  ReminderSettingsResponse,
  DeletionPendingResponse,
  DeletionRequestsResponse,
} from './responses';
