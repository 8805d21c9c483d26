import { useAuth } from '../../app/AuthProvider';
import { Link, Redirect, navigate } from '../../app/router';
import { signupPath } from '../../app/routes';
import { AuthForm } from './AuthForm';

export function LoginPage({ next }: { next: string | null }) {
  const { user, login } = useAuth();
  if (user) return <Redirect to={next ?? '/'} />;
  return (
    <AuthForm
      title="Welcome back"
      intro="Log in to your shared space."
      submitLabel="Log in"
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      onSubmit={async ({ email = '', password = '' }) => {
        await login(email, password);
        navigate(next ?? '/', { replace: true });
      }}
      switcher={
        <>
          New to Hearth? <Link to={signupPath(next)}>Create an account</Link>
        </>
      }
      footer={
        <>
          What is Hearth? <Link to="/">See how it works</Link>
        </>
      }
    />
  );
}
