import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { CounsellorDashboard } from '../counsellor';
import { useStatusVersion } from '../livestatus/statusStore';
import { DeleteAccountDialog } from '../privacy';
import { spacePath } from '../../app/routes';
import { useSpaces } from './spacesStore';
import { CreateSpaceForm } from './CreateSpaceForm';

/**
 * Home. Partners see their spaces and a way to start one; the couples someone counsels are
 * listed once, on the counsellor dashboard, and a counsellor is not greeted with couple
 * onboarding (starting a space of their own stays one click away).
 */
export function SpacesPage() {
  const { user, logout } = useAuth();
  const { spaces, error, counsels: counselled } = useSpaces();
  const liveVersion = useStatusVersion();
  const roleIn = (space: { members: Array<{ userId: string; role: string }> }) => space.members.find((m) => m.userId === user?.id)?.role;
  const own = spaces?.filter((s) => roleIn(s) === 'partner') ?? [];
  // Also a counsellor whose access has ended: their home stays a counsellor's.
  const counsels = (spaces?.some((s) => roleIn(s) === 'counsellor') ?? false) || counselled;
  const counsellorOnly = counsels && own.length === 0;

  return (
    <main id="main" className="page">
      <h1>{counsellorOnly ? `Hello, ${user?.displayName ?? ''}` : 'Your spaces'}</h1>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {spaces === null ? (
        <p className="muted">Loading your spaces…</p>
      ) : own.length > 0 ? (
        <ul className="space-list" data-testid="own-spaces">
          {own.map((space) => {
            const others = space.members.filter((m) => m.userId !== user?.id && m.role === 'partner').map((m) => m.displayName);
            return (
              <li key={space.id}>
                <Link to={spacePath(space.id)} className="card-surface">
                  <span className="name" dir="auto">
                    {space.name}
                  </span>
                  <br />
                  <span className="muted">{others.length > 0 ? `With ${others.join(', ')}` : 'Waiting for your partner'}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        !counsels && (
          <p className="muted">
            A space is where the two of you keep your promises, plans and needs. Create one, then invite your partner.
          </p>
        )
      )}
      {counsels && (
        <div className="card-surface dashboard-block">
          <CounsellorDashboard liveVersion={liveVersion} />
        </div>
      )}
      {counsellorOnly ? (
        <details className="own-space-disclosure">
          <summary>In a couple yourself? Start a space of your own</summary>
          <CreateSpaceForm />
        </details>
      ) : (
        <CreateSpaceForm />
      )}
      <section className="card-surface account-block" aria-labelledby="account-title">
        <h2 id="account-title">Your account</h2>
        <DeleteAccountDialog
          onDeleted={() => {
            void logout().then(() => navigate('/login', { replace: true }));
          }}
        />
      </section>
    </main>
  );
}
