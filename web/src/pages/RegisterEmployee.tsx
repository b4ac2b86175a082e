import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useAuth } from '../auth';
import { useCommandForm } from '../forms';
import type { EmployeeAccepted } from '../types';

const EMPTY = { employeeNumber: '', givenName: '', familyName: '', email: '', department: '' };

/**
 * The RegisterEmployee form. Validation is the API's: a 400 problem+json puts each message under the field it
 * names, so the UI never disagrees with the server about what is valid.
 */
export function RegisterEmployee({
  opened,
  onClose,
  onAccepted,
}: {
  opened: boolean;
  onClose(): void;
  onAccepted(accepted: EmployeeAccepted, name: string): void;
}) {
  const { api } = useAuth();
  const { field, error, busy, submit } = useCommandForm(EMPTY, async (values) => {
    const body = { ...values, department: values.department.trim() === '' ? null : values.department };
    const accepted = await api.post<EmployeeAccepted>('/employees', body);
    onAccepted(accepted, `${values.givenName} ${values.familyName}`);
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Register an employee"
      transitionProps={{ duration: 0 }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      <form onSubmit={submit} noValidate aria-label="Register an employee">
        <Stack>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not registered'} role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label="Employee number" withAsterisk {...field('employeeNumber')} data-autofocus />
          <TextInput label="Given name" withAsterisk {...field('givenName')} />
          <TextInput label="Family name" withAsterisk {...field('familyName')} />
          <TextInput label="Email" type="email" withAsterisk {...field('email')} />
          <TextInput label="Department" {...field('department')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
