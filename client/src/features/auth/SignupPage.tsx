import { useEffect, useState } from 'react';
import { DisplayNameSchema, type MemberRole } from '@hearth/shared/api';
import { useAuth } from '../../app/AuthProvider';
import { Link, Redirect, navigate } from '../../app/router';
import { loginPath, parseRoute } from '../../app/routes';
import { api } from '../../lib/api';
import { AuthForm } from './AuthForm';

/** What a new account is for: a couple's own space, or an invitation as partner or counsellor. */
type Arrival = 'own' | 'loading' | MemberRole;

const COPY: Record<Arrival, { intro: string; nameHint: string }> = {
  own: {
    intro: 'One account per person. You will invite your partner from inside your space.',
    nameHint: 'How your partner sees you.',
  },
  partner: {
    intro: 'One account per person. Once you have signed up, you come straight back to your partner’s invitation.',
    nameHint: 'How your partner sees you.',
  },
  counsellor: {
    intro: 'One account per person. Once you have signed up, you come straight back to the couple’s invitation.',
    nameHint: 'How the couple sees you, e.g. with your title.',
  },
  // Until the invitation is checked: words that fit either role.
  loading: { intro: 'One account per person.', nameHint: 'How the others in the space see you.' },
};

/** The role an invitation link in `next` offers, once checked (null: not an invitation). */
function useArrival(next: string | null): Arrival {
  const route = next ? parseRoute(new URL(next, window.location.origin).pathname, '') : null;
  const token = route?.name === 'invite' ? route.token : null;
  const [role, setRole] = useState<{ token: string; role: MemberRole | null } | null>(null);
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    api
      .previewInvite(token)
      .then(({ invite }) => !cancelled && setRole({ token, role: invite.role }))
      .catch(() => !cancelled && setRole({ token, role: null }));
    return () => {
      cancelled = true;
    };
  }, [token]);
  if (!token) return 'own';
  if (role?.token !== token) return 'loading';
  return role.role ?? 'own';
}

function nameProblem(value: string): string | null {
  const parsed = DisplayNameSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Please enter your name');
}

export function SignupPage({ next }: { next: string | null }) {
  const { user, signup } = useAuth();
  const arrival = useArrival(next);
  if (user) return <Redirect to={next ?? '/'} />;
  const copy = COPY[arrival];
  return (
    <AuthForm
      title="Create your account"
      intro={copy.intro}
      submitLabel="Sign up"
      fields={[
        {
          name: 'displayName',
          label: 'Your name',
          type: 'text',
          autoComplete: 'nickname',
          hint: copy.nameHint,
          problem: nameProblem,
        },
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
        {
          name: 'password',
          label: 'Password',
          type: 'password',
          autoComplete: 'new-password',
          hint: 'At least 10 characters. A few uncommon words together work well.',
          minLength: 10,
        },
      ]}
      onSubmit={async ({ email = '', password = '', displayName = '' }) => {
        await signup(email, password, displayName);
        navigate(next ?? '/', { replace: true });
      }}
      footer={
        <>
          Already have an account? <Link to={loginPath(next)}>Log in</Link>
        </>
      }
    />
  );
}
