import type { ActivityEventDto, ActivityResponse } from '@hearth/shared/activity';
import { docNameOf, type ParsedDocName } from '@hearth/shared/realtime';
import { User } from '../auth/user.model';
import { ExerciseRunModel, type ExerciseRunRecord } from '../exercises/exerciseRun.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import type { StoredDocs } from '../privacy/storedDocs';
import { grantFor } from '../spaces/access';
import { spaceForMember } from '../spaces/spaces.service';
import { ActivityRead } from './activity.model';
import { deriveFromBoard, type RawEvent } from './deriveActivity';

const PAGE = 30;
const EXERCISE_NAMES: Record<string, string> = {
  speaker_listener: 'speaker–listener exercise',
  checkin: 'together check-in',
  question_deck: 'question deck',
  promise_review: 'promise review',
};

function exerciseEvents(sessions: ExerciseRunRecord[], viewer: string): RawEvent[] {
  const out: RawEvent[] = [];
  for (const s of sessions) {
    if (s.status !== 'ended' || !s.endedAt || !s.participants.includes(viewer)) continue;
    const other = s.participants.find((p) => p !== viewer);
    if (!other) continue;
    const what = EXERCISE_NAMES[s.kind] ?? 'exercise';
    out.push({
      id: `exercise:${s._id.toString()}`,
      kind: 'exercise_finished',
      at: new Date(s.endedAt).toISOString(),
      by: other,
      itemId: null,
      text: (n) => `${n} and you finished a ${what}`,
    });
  }
  return out;
}

/**
 * The other people's activity in a space, derived from the boards the viewer may open (the
 * access table decides, so a counsellor sees only "us + counsellor" and nobody sees another's
 * "only me") and from the exercise sessions they took part in. Newest first, in pages.
 */
export async function activityFor(
  stored: Pick<StoredDocs, 'readStoredDoc'>,
  spaceId: string,
  viewer: string,
  before: string | undefined,
): Promise<ActivityResponse> {
  const space = await spaceForMember(spaceId, viewer);
  const docs: ParsedDocName[] = [
    { kind: 'couple', spaceId },
    { kind: 'space', spaceId },
    { kind: 'private', spaceId, userId: viewer },
  ];
  const raw: RawEvent[] = [];
  const waiting: ActivityResponse['waiting'] = [];
  for (const parsed of docs) {
    const grant = grantFor(space, viewer, parsed);
    if (!grant) continue;
    const derived = deriveFromBoard(await stored.readStoredDoc(docNameOf(parsed)), viewer);
    raw.push(...derived.events);
    // A counsellor only reads; nothing on the board waits on them.
    if (grant.role === 'partner') waiting.push(...derived.waiting);
  }
  const sessions = await ExerciseRunModel.find({ spaceId, status: 'ended' }).lean<ExerciseRunRecord[]>();
  raw.push(...exerciseEvents(sessions, viewer));

  raw.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
  const seen = await ActivityRead.findById(`${spaceId}:${viewer}`).lean();
  const seenAt = seen?.seenAt.toISOString() ?? '';
  const unread = raw.filter((e) => e.at > seenAt).length;
  const older = before ? raw.filter((e) => e.at < before) : raw;
  const page = older.slice(0, PAGE);

  const ids = [...new Set(page.map((e) => e.by))];
  const users = ids.length
    ? await User.find({ _id: trusted({ $in: ids.filter((id) => /^[a-f0-9]{24}$/.test(id)) }) }, { displayName: 1 }).lean()
    : [];
  const names = new Map(users.map((u) => [u._id.toString(), String(u.displayName)]));
  const events: ActivityEventDto[] = page.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    by: e.by,
    byName: names.get(e.by) ?? 'A former member',
    text: e.text(names.get(e.by) ?? 'A former member'),
    itemId: e.itemId,
    unread: e.at > seenAt,
  }));
  waiting.sort((a, b) => (a.since < b.since ? -1 : 1));
  return { waiting, events, unread, nextBefore: older.length > PAGE ? (page.at(-1)?.at ?? null) : null };
}

/**
 * Everything the person can see now is read (up to `now`, or the newest event if a device
 * stamped it later); a later read never moves the mark back.
 */
export async function markActivityRead(
  stored: Pick<StoredDocs, 'readStoredDoc'>,
  spaceId: string,
  viewer: string,
  now: Date,
): Promise<void> {
  const { events } = await activityFor(stored, spaceId, viewer, undefined);
  const newest = events[0] ? new Date(events[0].at) : now;
  const at = newest > now ? newest : now;
  const _id = `${spaceId}:${viewer}`;
  await atomicWrite(ActivityRead, () =>
    ActivityRead.updateOne({ _id }, { $max: { seenAt: at }, $setOnInsert: { spaceId, userId: viewer } }, { upsert: true }),
  );
}
