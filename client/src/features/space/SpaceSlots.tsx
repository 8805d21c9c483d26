import type { SpaceDto } from '@hearth/shared/api';
import type { SpaceDocs } from '../../collab/useSpaceDocs';

/** What the space page hands to the panels other features add beside the board. */
export interface SpaceSlotProps {
  space: SpaceDto;
  me: { id: string; name: string; role: 'partner' | 'counsellor' };
  docs: SpaceDocs;
}

/**
 * Place for the live exercise panel (speaker–listener, together check-in, question deck,
 * promise review). Renders nothing until that feature replaces this body.
 */
export function ExerciseSlot(_props: SpaceSlotProps) {
  return null;
}

/** Place for the counsellor's private notes (`notes:<spaceId>`), shown to counsellors only. */
export function CounsellorNotesSlot(_props: SpaceSlotProps) {
  return null;
}
