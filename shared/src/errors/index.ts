export { ErrorCodes, statusOf } from './errorCodes';
export type { ErrorCode, ErrorBody } from './errorCodes';
