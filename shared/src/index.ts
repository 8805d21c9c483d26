// Areas are imported by subpath (`@hearth/shared/api`, `@hearth/shared/board`, …) so that each
// feature owns its own index; this root re-exports only what nearly everything needs.
export { ErrorCodes, statusOf } from './errors/index';
export type { ErrorCode, ErrorBody } from './errors/index';
