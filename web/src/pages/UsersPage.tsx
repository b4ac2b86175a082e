import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { useLoad } from '../load';
import type { Role } from '../session';
import { Empty, Failure, formatInstant, Loading, NotForRole } from '../states';

/** A staff user as GET /api/v1/users lists them. */
export interface StaffUser {
  username: string;
  userId: string;
  email: string | null;
  role: Role | null;
  status: string;
  enabled: boolean;
  createdAt: string | null;
}

const ROLES: readonly Role[] = ['admin', 'operator', 'auditor'];

/** What the pool's status means to the person reading the list. */
function statusLabel(user: StaffUser): string {
  if (!user.enabled) return 'disabled';
  if (user.status === 'FORCE_CHANGE_PASSWORD') return 'invited (not signed in yet)';
  if (user.status === 'CONFIRMED') return 'active';
  return user.status.toLowerCase();
}

/**
 * The back office's staff users, for admins: invite one by email with a role (the pool emails the temporary
 * password; it is never shown here), change a role, disable (which also ends the user's sessions) and re-enable.
 * Every change is recorded in the admin audit trail. The API refuses to lose the last admin and to disable one's
 * own account, and says so.
 */
export function UsersPage() {
  const { may, role } = useAuth();
  if (!may('manageUsers')) {
    return (
      <Stack>
        <Title order={2}>Users</Title>
        <NotForRole role={role} what="Staff users are managed by admins." />
      </Stack>
    );
  }
  return <Users />;
}

function Users() {
  const { api, session } = useAuth();
  const users = useLoad(() => api.get<{ items: StaffUser[] }>('/users'), [api]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function change(key: string, action: () => Promise<StaffUser>, done: (user: StaffUser) => string) {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      const user = await action();
      setNotice(done(user));
      users.reload();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  const path = (user: StaffUser) => `/users/${encodeURIComponent(user.username)}`;

  return (
    <Stack>
      <Title order={2}>Users</Title>
      <InviteUser
        onInvited={(user) => {
          setNotice(
            `Invited ${user.username} as ${user.role ?? 'no role'}: the temporary password is on its way by email.`,
          );
          users.reload();
        }}
      />
      {notice && (
        <Alert
          color="green"
          role="status"
          aria-live="polite"
          data-testid="users-notice"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {error && <Failure error={error} />}
      {users.error && <Failure error={users.error} onRetry={users.reload} />}
      {!users.data && users.loading && <Loading label="Loading users…" />}
      {users.data && users.data.items.length === 0 && <Empty>No users.</Empty>}
      {users.data && users.data.items.length > 0 && (
        <Table striped withTableBorder aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((user) => {
              const self = user.username === session?.username;
              return (
                <Table.Tr key={user.username} data-testid={`user-${user.username}`}>
                  <Table.Td>
                    <Text size="sm">{user.username}</Text>
                    {user.email && user.email !== user.username && (
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Role of ${user.username}`}
                      size="xs"
                      value={user.role ?? ''}
                      disabled={busy !== null}
                      data={[...(user.role ? [] : [{ value: '', label: 'none' }]), ...ROLES]}
                      onChange={(event) => {
                        const next = event.currentTarget.value as Role;
                        void change(
                          `role:${user.username}`,
                          () => api.put<StaffUser>(`${path(user)}/role`, { role: next }),
                          (changed) => `${changed.username} is now ${changed.role ?? 'without a role'}.`,
                        );
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={user.enabled ? (user.status === 'CONFIRMED' ? 'green' : 'blue') : 'gray'}
                    >
                      {statusLabel(user)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatInstant(user.createdAt)}</Table.Td>
                  <Table.Td>
                    {user.enabled ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        disabled={self || busy !== null}
                        title={self ? 'You cannot disable your own account.' : undefined}
                        loading={busy === `disable:${user.username}`}
                        aria-label={`Disable ${user.username}`}
                        onClick={() =>
                          void change(
                            `disable:${user.username}`,
                            () => api.post<StaffUser>(`${path(user)}/disable`),
                            (changed) => `${changed.username} is disabled and signed out everywhere.`,
                          )
                        }
                      >
                        Disable
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        disabled={busy !== null}
                        loading={busy === `enable:${user.username}`}
                        aria-label={`Enable ${user.username}`}
                        onClick={() =>
                          void change(
                            `enable:${user.username}`,
                            () => api.post<StaffUser>(`${path(user)}/enable`),
                            (changed) => `${changed.username} may sign in again.`,
                          )
                        }
                      >
                        Enable
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function InviteUser({ onInvited }: { onInvited: (user: StaffUser) => void }) {
  const { api } = useAuth();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await api.post<StaffUser>('/users', { email, role });
      setEmail('');
      onInvited(user);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Invite a user">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Invite a user
          </Title>
          {error && !error.fieldError('email') && !error.fieldError('role') && <Failure error={error} />}
          <Group align="flex-end">
            <TextInput
              label="Email"
              name="email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.fieldError('email')}
            />
            <NativeSelect
              label="Role"
              name="role"
              value={role}
              data={[...ROLES]}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
              error={error?.fieldError('role')}
            />
            <Button type="submit" loading={busy}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
