import { useAuth } from '../../app/AuthProvider';
import { Link, Redirect, navigate } from '../../app/router';
import { loginPath } from '../../app/routes';
import { AuthForm } from './AuthForm';

export function SignupPage({ next }: { next: string | null }) {
  const { user, signup } = useAuth();
  if (user) return <Redirect to={next ?? '/'} />;
  return (
    <AuthForm
      title="Create your account"
      intro="One account per person. You will invite your partner from inside your space."
      submitLabel="Sign up"
      fields={[
        { name: 'displayName', label: 'Your name', type: 'text', autoComplete: 'nickname', hint: 'How your partner sees you.' },
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
