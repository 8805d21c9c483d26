import type { SpaceDto } from '@hearth/shared/api';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { ExercisePanel } from '../exercises';

/** What the space page hands to the panels other features add beside the board. */
export interface SpaceSlotProps {
  space: SpaceDto;
  me: { id: string; name: string; role: 'partner' | 'counsellor' };
  docs: SpaceDocs;
}

/** The live exercise panel (speaker–listener, together check-in, question deck, promise review). */
export function ExerciseSlot({ space, me }: SpaceSlotProps) {
  return <ExercisePanel spaceId={space.id} meId={me.id} members={space.members} role={me.role} />;
}

/** Place for the counsellor's private notes (`notes:<spaceId>`), shown to counsellors only. */
export function CounsellorNotesSlot(_props: SpaceSlotProps) {
  return null;
}
