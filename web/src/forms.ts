import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ApiError } from './api';
import { asApiError } from './commands';

/**
 * The state of a command form: its values, the API's error (a 400 problem+json puts each message under the field
 * it names, so the form never disagrees with the server about what is valid), and whether it is sending. `send`
 * posts the values; when it succeeds the form is emptied again.
 */
export function useCommandForm<V extends Record<string, string>>(initial: V, send: (values: V) => Promise<void>) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const field = (name: keyof V & string) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: error?.fieldError(name),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send(values);
      setValues(initial);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return { values, field, error, busy, submit };
}
