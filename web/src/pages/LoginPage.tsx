import {
  Alert,
  Button,
  Code,
  Container,
  Image,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import type { Challenge } from '../session';

/**
 * "Sign in with <provider>" for each federated identity provider admin-service offers (none unless configured):
 * a plain link, since the sign-in leaves for the provider and comes back through /auth/sso/callback.
 */
function ProviderButtons() {
  const [providers, setProviders] = useState<string[]>([]);
  useEffect(() => {
    let active = true;
    fetch('/auth/providers', { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<{ providers?: unknown }>) : { providers: [] }))
      .then((answer) => {
        const names = Array.isArray(answer.providers)
          ? answer.providers.filter((name): name is string => typeof name === 'string')
          : [];
        if (active) setProviders(names);
      })
      // No providers shown when the list cannot be read: the password form still works.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);
  return providers.map((name) => (
    <Button key={name} component="a" href={`/auth/sso/${encodeURIComponent(name)}`} variant="default">
      Sign in with {name}
    </Button>
  ));
}

/**
 * Sign-in against the user pool, through admin-service's /auth endpoints (the browser never talks to Cognito):
 * the password, then whatever step the pool or the service asks for — a new password for an invited user, the
 * set-up of an authenticator app (QR code and secret), or its current code. The page keeps the URL it was
 * opened at, so once signed in the app shows the page that was asked for.
 */
export function LoginPage() {
  const { manager } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Challenge | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<Challenge | null>) {
    setBusy(true);
    setError(null);
    try {
      // null: signed in (the app leaves this page); otherwise the next step.
      const next = await action();
      if (next) setStep(next);
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) });
      // An expired or refused step cannot be retried: start again from the password.
      if (apiError.status === 401) setStep(null);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    void run(() => manager.login(username, password));
  }

  const user = step?.username ?? username;
  let form: ReactNode;
  if (step?.challenge === 'NEW_PASSWORD_REQUIRED') {
    form = (
      <NewPasswordForm
        busy={busy}
        error={error}
        onSubmit={(newPassword) => run(() => manager.newPassword(user, newPassword))}
      />
    );
  } else if (step?.challenge === 'MFA_SETUP') {
    form = (
      <TotpSetupForm
        key={step.secretCode}
        step={step}
        busy={busy}
        error={error}
        onSubmit={(code) => run(() => manager.mfaSetup(user, code))}
      />
    );
  } else if (step?.challenge === 'SOFTWARE_TOKEN_MFA') {
    form = (
      <CodeForm
        title="Enter your code"
        hint="Enter the 6-digit code your authenticator app shows for Badgeflow."
        busy={busy}
        error={error}
        onSubmit={(code) => run(() => manager.mfa(user, code))}
      />
    );
  } else {
    form = (
      <form onSubmit={submitPassword} aria-label="Sign in">
        <Stack>
          <Title order={2} size="h3">
            Sign in
          </Title>
          <Failure error={error} />
          <TextInput
            label="Username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={error?.fieldError('username')}
          />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fieldError('password')}
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <ProviderButtons />
        </Stack>
      </form>
    );
  }

  return (
    <Container size={460} py={80} component="main">
      <Title order={1} ta="center" mb="lg">
        Badgeflow back office
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {form}
      </Paper>
    </Container>
  );
}

function Failure({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Sign-in failed" role="alert">
      {error.message}
    </Alert>
  );
}

function NewPasswordForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: ApiError | null;
  onSubmit: (newPassword: string) => void;
}) {
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const mismatch = repeated !== '' && repeated !== newPassword;
  return (
    <form
      aria-label="Choose a new password"
      onSubmit={(event) => {
        event.preventDefault();
        if (!mismatch) onSubmit(newPassword);
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          Choose your password
        </Title>
        <Text size="sm">
          Your account was created with a temporary password. Choose your own: at least 14 characters with upper- and
          lower-case letters, a digit and a symbol.
        </Text>
        <Failure error={error} />
        <PasswordInput
          label="New password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          error={error?.fieldError('newPassword')}
        />
        <PasswordInput
          label="Repeat the new password"
          name="repeatPassword"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(e) => setRepeated(e.currentTarget.value)}
          error={mismatch ? 'The two passwords differ.' : undefined}
        />
        <Button type="submit" loading={busy} disabled={mismatch}>
          Set password
        </Button>
      </Stack>
    </form>
  );
}

/** The new secret as a QR code (drawn here, from the otpauth:// URI) and as text, then its first code. */
function TotpSetupForm({
  step,
  busy,
  error,
  onSubmit,
}: {
  step: Challenge;
  busy: boolean;
  error: ApiError | null;
  onSubmit: (code: string) => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (step.otpauthUri) {
      const uri = step.otpauthUri;
      // Loaded only here: the one page that draws a QR code.
      import('qrcode')
        .then(({ default: QRCode }) => QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }))
        .then((url) => {
          if (current) setQr(url);
        })
        .catch(() => setQr(null));
    }
    return () => {
      current = false;
    };
  }, [step.otpauthUri]);
  const grouped = (step.secretCode ?? '').replace(/(.{4})/g, '$1 ').trim();
  return (
    <CodeForm
      title="Set up your authenticator app"
      hint="Administrators sign in with a second factor. Scan the QR code with an authenticator app (or type the key), then enter the 6-digit code it shows."
      busy={busy}
      error={error}
      submitLabel="Verify and sign in"
      onSubmit={onSubmit}
    >
      {qr && <Image src={qr} alt="QR code of your authenticator key" w={220} h={220} mx="auto" />}
      <Text size="sm">
        Key (if you cannot scan):{' '}
        <Code data-testid="totp-secret" data-secret={step.secretCode}>
          {grouped}
        </Code>
      </Text>
    </CodeForm>
  );
}

function CodeForm({
  title,
  hint,
  busy,
  error,
  submitLabel = 'Sign in',
  onSubmit,
  children,
}: {
  title: string;
  hint: string;
  busy: boolean;
  error: ApiError | null;
  submitLabel?: string;
  onSubmit: (code: string) => void;
  children?: ReactNode;
}) {
  const [code, setCode] = useState('');
  return (
    <form
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code.replace(/\s/g, ''));
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm">{hint}</Text>
        {children}
        <Failure error={error} />
        <TextInput
          label="Code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error?.fieldError('code')}
        />
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
