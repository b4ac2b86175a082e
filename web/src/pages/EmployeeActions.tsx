import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { employeeActions, offboardConsequences } from '../offboarding';
import type { Accepted, EmployeeDetail } from '../types';
import { EditEmployee } from './EditEmployee';

/**
 * The admin's commands on one employee: edit, deactivate or reactivate, and offboard, which first says what it
 * will revoke (from the cards and grants on the page) and asks to confirm. Each accepted command is handed to
 * `follow`, which shows it until it is APPLIED or REJECTED.
 */
export function EmployeeActions({
  detail,
  follow,
}: {
  detail: EmployeeDetail;
  follow(label: string, commandId: string): void;
}) {
  const { api } = useAuth();
  const { employee } = detail;
  const path = `/employees/${encodeURIComponent(employee.employeeId)}`;
  const name = `${employee.givenName} ${employee.familyName}`;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const actions = employeeActions(employee.status);
  if (actions.length === 0) return null;

  async function send(label: string, action: 'deactivate' | 'reactivate' | 'offboard') {
    setBusy(true);
    setError(null);
    try {
      const accepted = await api.post<Accepted>(`${path}/${action}`);
      follow(label, accepted.commandId);
      setConfirming(false);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>Actions</Title>
        {error && (
          <Alert color="red" title={error.problem.title ?? 'Not sent'} role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          {actions.includes('edit') && (
            <Button variant="default" disabled={busy} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {actions.includes('deactivate') && (
            <Button variant="default" disabled={busy} onClick={() => send(`Deactivating ${name}`, 'deactivate')}>
              Deactivate
            </Button>
          )}
          {actions.includes('reactivate') && (
            <Button variant="default" disabled={busy} onClick={() => send(`Reactivating ${name}`, 'reactivate')}>
              Reactivate
            </Button>
          )}
          {actions.includes('offboard') && (
            <Button variant="outline" color="red" disabled={busy || confirming} onClick={() => setConfirming(true)}>
              Offboard
            </Button>
          )}
        </Group>
        {confirming && (
          <Alert color="red" title={`Offboard ${name}?`} role="alert" data-testid="offboard-confirmation">
            <Stack gap="xs">
              <Text size="sm">Offboarding cannot be undone. In one step:</Text>
              <List size="sm">
                {offboardConsequences(detail).map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
              <Group>
                <Button color="red" size="xs" loading={busy} onClick={() => send(`Offboarding ${name}`, 'offboard')}>
                  Yes, offboard
                </Button>
                <Button ref={cancelRef} variant="default" size="xs" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
      {editing && (
        <EditEmployee
          employee={employee}
          onClose={() => setEditing(false)}
          onAccepted={(accepted) => follow(`Updating ${name}`, accepted.commandId)}
        />
      )}
    </Paper>
  );
}
