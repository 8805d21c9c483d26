// Avatar colours are dark enough for white initials (AA); picked by user id so they stay stable.
const COLOURS = ['#8a3a22', '#2d6a45', '#1c5d7a', '#5a3f86', '#7a4b00', '#8a2f5a'];

function colourOf(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const second = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + second).toUpperCase();
}

export function Avatar({
  name,
  userId,
  observer = false,
  where = null,
  size = 32,
}: {
  name: string;
  userId: string;
  observer?: boolean;
  /** The board section or view they are on, for the tooltip. */
  where?: string | null;
  size?: number;
}) {
  return (
    <span
      className={`avatar${observer ? ' observer' : ''}`}
      style={{ background: colourOf(userId), width: size, height: size, fontSize: size * 0.4 }}
      title={`${name}${observer ? ' (observing)' : ''}${where ? ` · ${where}` : ''}`}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
