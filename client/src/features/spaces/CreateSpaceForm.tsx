import { useId, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { navigate } from '../../app/router';
import { spacePath } from '../../app/routes';
import { upsertSpace } from './spacesStore';
import { SubmitButton } from '../../lib/SubmitButton';

export function CreateSpaceForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { space } = await api.createSpace(name.trim());
      upsertSpace(space);
      navigate(spacePath(space.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the space.');
      setBusy(false);
    }
  }

  return (
    <section className="card-surface" aria-labelledby={`${id}-title`} style={{ maxWidth: 520 }}>
      <h2 id={`${id}-title`}>Create a space</h2>
      <form onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Space name</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={80}
            placeholder="e.g. Sam & Alex"
            dir="auto"
          />
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <SubmitButton blockedBy={name.trim() === '' ? 'Give your space a name first.' : busy ? 'Creating your space…' : null}>
          Create space
        </SubmitButton>
      </form>
    </section>
  );
}
