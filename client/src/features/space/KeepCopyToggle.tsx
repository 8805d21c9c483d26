import { useId, useState } from 'react';
import { isKeepCopyEnabled, setKeepCopy } from '../../collab/offlineCopy';
import type { DocConnection } from '../../collab/docConnection';

/** Opt-in, per device: a copy of the board in this browser so it opens without a network. */
export function KeepCopyToggle({ userId, connections }: { userId: string; connections: readonly DocConnection[] }) {
  const id = useId();
  const [enabled, setEnabled] = useState(() => isKeepCopyEnabled(userId));

  async function toggle(next: boolean) {
    setEnabled(next);
    // Close IndexedDB handles before the databases are deleted.
    for (const connection of connections) connection.setKeepCopy(next);
    await setKeepCopy(userId, next);
  }

  return (
    <div className="keep-copy">
      <input id={id} type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} aria-describedby={`${id}-hint`} />
      <label htmlFor={id}>Keep a copy on this device</label>
      <span id={`${id}-hint`} className="visually-hidden">
        Stores the shared boards, encrypted, in this browser so they open faster and keep offline edits. Never your “Only me” items. Removed
        when you sign out or leave.
      </span>
    </div>
  );
}
