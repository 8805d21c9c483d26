import type { SpaceDto } from '@hearth/shared/api';
import type { PartnerStatus } from '@hearth/shared/socket';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import { ExercisePanel } from '../exercises';
import { ConsentPanel, CounsellorNotes } from '../counsellor';
import { DeleteSpaceDialog, ExportButtons } from '../privacy';

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

/** The counsellor's private notes (`notes:<spaceId>`), shown to counsellors only. */
export function CounsellorNotesSlot({ space, me }: SpaceSlotProps) {
  if (me.role !== 'counsellor') return null;
  return <CounsellorNotes spaceId={space.id} me={me} />;
}

/**
 * Who sees what: a partner's consent for counsellors (with the log of every counsellor access),
 * export for every member, and deleting the space for partners.
 */
export function PrivacySlot({
  space,
  me,
  live,
  onChanged,
  onDeleted,
}: SpaceSlotProps & { live: PartnerStatus | null; onChanged(): void; onDeleted(): void }) {
  const hasCounsellor = space.members.some((m) => m.role === 'counsellor');
  return (
    <>
      {me.role === 'partner' && hasCounsellor && <ConsentPanel space={space} myId={me.id} live={live?.counsellors} onChanged={onChanged} />}
      <section className="panel side-card">
        <ExportButtons spaceId={space.id} />
        {me.role === 'partner' && <DeleteSpaceDialog space={space} myId={me.id} onDeleted={onDeleted} />}
      </section>
    </>
  );
}
