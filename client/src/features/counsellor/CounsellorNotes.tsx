import { useEffect, useId, useMemo, useState } from 'react';
import { docNameOf, notesTextOf } from '@hearth/shared/realtime';
import { DocConnection, type PresenceUser } from '../../collab/docConnection';
import { useDocStatus } from '../../collab/useDocStatus';
import { useYText } from '../../collab/useYText';

/**
 * The counsellor's private notes for a space (`notes:<spaceId>:<counsellorId>`), live and saved like the
 * board. Partners never see them; render this for a counsellor with active access only.
 */
export function CounsellorNotes({ spaceId, me }: { spaceId: string; me: PresenceUser }) {
  const id = useId();
  const [conn, setConn] = useState<DocConnection | null>(null);
  const { id: userId, name, role } = me;
  useEffect(() => {
    const user = { id: userId, name, role };
    const opened = new DocConnection({ docName: docNameOf({ kind: 'notes', spaceId, userId: user.id }), user, keepCopy: false });
    setConn(opened);
    return () => {
      setConn(null);
      opened.destroy();
    };
  }, [spaceId, userId, name, role]);
  const connections = useMemo(() => (conn ? [conn] : []), [conn]);
  const status = useDocStatus(connections);
  const ref = useYText<HTMLTextAreaElement>(conn ? notesTextOf(conn.doc) : null);

  return (
    <section className="card-surface side-card" aria-labelledby={`${id}-title`} data-testid="counsellor-notes">
      <h2 id={`${id}-title`}>My notes</h2>
      <p className="muted small-print">Only you can read these. Partners cannot see them.</p>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Notes about this couple
      </label>
      <textarea id={`${id}-text`} ref={ref} rows={10} disabled={!status.loaded || status.closed !== null} />
      <p className="muted small-print" role="status" aria-live="polite">
        {status.closed ? 'Closed: your access to this space ended.' : status.saved ? 'Saved' : 'Saving…'}
      </p>
    </section>
  );
}
