import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { canErase, MAX_REASON_LENGTH, reasonProblem } from '../erasure';
import type { Accepted, Employee } from '../types';

/**
 * The admin's erasure request on an offboarded employee's page: a mandatory reason, a confirmation, then the
 * EraseEmployee command, followed like every command. Shown for OFFBOARDED employees only (the API answers 409
 * for anyone else).
 */
export function EraseEmployee({
  employee,
  follow,
}: {
  employee: Employee;
  follow(label: string, commandId: string): void;
}) {
  const { api } = useAuth();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!canErase(employee.status)) return null;
  const problem = reasonProblem(reason);

  async function erase() {
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const accepted = await api.post<Accepted>(`/employees/${encodeURIComponent(employee.employeeId)}/erasure`, {
        reason: reason.trim(),
      });
      follow(`Erasing the personal data of employee ${employee.employeeNumber}`, accepted.commandId);
      setOpen(false);
      setReason('');
      setTouched(false);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Erasure">
      <Stack>
        <Title order={3}>Personal data</Title>
        <Text size="sm">
          Offboarded people&apos;s name, email and department are erased automatically once the retention has passed.
          Erase them now when there is a reason to (a data subject&apos;s request, for instance).
        </Text>
        {error && (
          <Alert color="red" title={error.problem.title ?? 'Not sent'} role="alert">
            {error.message}
          </Alert>
        )}
        {!open ? (
          <Group>
            <Button variant="outline" color="red" onClick={() => setOpen(true)}>
              Erase personal data
            </Button>
          </Group>
        ) : (
          <Alert color="red" title="Erase this person's personal data?" role="alert" data-testid="erasure-confirmation">
            <Stack gap="xs">
              <Text size="sm">
                Name, email and department are erased for good; the employee number, ids and door history stay.
              </Text>
              <Textarea
                label="Reason"
                description="Kept for good in the admin audit trail: say why (a ticket, a request), not whom."
                withAsterisk
                autosize
                minRows={2}
                maxLength={MAX_REASON_LENGTH}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                onBlur={() => setTouched(true)}
                error={touched ? problem : null}
              />
              <Group>
                <Button color="red" size="xs" loading={busy} onClick={erase}>
                  Yes, erase
                </Button>
                <Button variant="default" size="xs" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
