import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { CounsellorDashboard } from '../counsellor';
import { DeleteAccountDialog } from '../privacy';
import { spacePath } from '../../app/routes';
import { useSpaces } from './spacesStore';
import { CreateSpaceForm } from './CreateSpaceForm';

/** Home: the spaces you belong to, and a way to start one. */
export function SpacesPage() {
  const { user, logout } = useAuth();
  const { spaces, error } = useSpaces();
  const counsels = spaces?.some((s) => s.members.some((m) => m.userId === user?.id && m.role === 'counsellor')) ?? false;

  return (
    <main id="main" className="page">
      <h1>Your spaces</h1>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {spaces === null ? (
        <p className="muted">Loading your spaces…</p>
      ) : spaces.length === 0 ? (
        <p className="muted">
          A space is where the two of you keep your promises, plans and needs. Create one, then invite your partner.
        </p>
      ) : (
        <ul className="space-list">
          {spaces.map((space) => {
            const me = space.members.find((m) => m.userId === user?.id);
            const others = space.members.filter((m) => m.userId !== user?.id).map((m) => m.displayName);
            return (
              <li key={space.id}>
                <Link to={spacePath(space.id)} className="card-surface">
                  <span className="name" dir="auto">
                    {space.name}
                  </span>
                  <br />
                  <span className="muted">
                    {others.length > 0 ? `With ${others.join(', ')}` : 'Waiting for your partner'}
                    {me?.role === 'counsellor' ? ' · you are the counsellor' : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {counsels && (
        <div className="card-surface dashboard-block">
          <CounsellorDashboard />
        </div>
      )}
      <CreateSpaceForm />
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
