import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useAuth } from '../auth';
import { toInstant } from '../commands';
import { useCommandForm } from '../forms';
import type { Accepted } from '../types';

/**
 * The IssueCard form: a card number, optionally the employee it goes to (fixed when opened from an employee) and
 * its validity. Field errors are the API's, shown under the fields they name.
 */
export function IssueCard({
  opened,
  onClose,
  onAccepted,
  employeeId,
}: {
  opened: boolean;
  onClose(): void;
  onAccepted(accepted: Accepted, cardNumber: string): void;
  employeeId?: string;
}) {
  const { api } = useAuth();
  const empty = { cardNumber: '', employeeId: employeeId ?? '', validFrom: '', validUntil: '' };
  const { field, error, busy, submit } = useCommandForm(empty, async (values) => {
    const accepted = await api.post<Accepted>('/cards', {
      cardNumber: values.cardNumber,
      employeeId: values.employeeId.trim() === '' ? null : values.employeeId.trim(),
      validFrom: toInstant(values.validFrom),
      validUntil: toInstant(values.validUntil),
    });
    onAccepted(accepted, values.cardNumber);
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Issue a card"
      transitionProps={{ duration: 0 }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      <form onSubmit={submit} noValidate aria-label="Issue a card">
        <Stack>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not issued'} role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label="Card number" withAsterisk {...field('cardNumber')} data-autofocus />
          <TextInput
            label="Employee id"
            description={
              employeeId ? 'The card goes to this employee.' : 'Optional: without one the card goes into stock.'
            }
            readOnly={!!employeeId}
            {...field('employeeId')}
          />
          <TextInput
            label="Valid from"
            type="datetime-local"
            description="Optional, your local time"
            {...field('validFrom')}
          />
          <TextInput
            label="Valid until"
            type="datetime-local"
            description="Optional, your local time"
            {...field('validUntil')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Issue
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
