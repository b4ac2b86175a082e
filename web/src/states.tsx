import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import type { ApiError } from './api';
import { formatDateTime } from './format';

/** The loading, empty and error states every page shows the same way. */
export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label}</Text>
      </Group>
    </Center>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" py="md" data-testid="empty">
      {children}
    </Text>
  );
}

export function Failure({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Alert color="red" title={error.problem.title ?? 'Something went wrong'} role="alert">
      <Group justify="space-between">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** An instant where no building applies, in the browser's zone, the zone named (see format.ts). */
export function formatInstant(value?: string | null): string {
  return formatDateTime(value);
}

/** A page the signed-in role may not use: said plainly instead of asking the API for a 403. */
export function NotForRole({ role, what }: { role: string | null; what: string }) {
  return (
    <Alert color="gray" title="Not available for your role" role="alert" data-testid="not-for-role">
      <Text size="sm">{`${what} ${role ? `(your role is ${role})` : ''}`.trim()}</Text>
    </Alert>
  );
}
