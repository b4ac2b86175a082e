import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useAuth } from '../auth';
import { useCommandForm } from '../forms';
import type { Employee, EmployeeAccepted } from '../types';

/**
 * The UpdateEmployee form: the person's data, whole (the API replaces it as a whole). Mounted when opened, so it
 * starts from the employee as the page shows them now. Field errors are the API's.
 */
export function EditEmployee({
  employee,
  onClose,
  onAccepted,
}: {
  employee: Employee;
  onClose(): void;
  onAccepted(accepted: EmployeeAccepted): void;
}) {
  const { api } = useAuth();
  const { field, error, busy, submit } = useCommandForm(
    {
      employeeNumber: employee.employeeNumber,
      givenName: employee.givenName,
      familyName: employee.familyName,
      email: employee.email,
      department: employee.department ?? '',
    },
    async (values) => {
      const body = { ...values, department: values.department.trim() === '' ? null : values.department };
      const accepted = await api.put<EmployeeAccepted>(`/employees/${encodeURIComponent(employee.employeeId)}`, body);
      onAccepted(accepted);
      onClose();
    },
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title="Edit employee"
      transitionProps={{ duration: 0 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      <form onSubmit={submit} noValidate aria-label="Edit employee">
        <Stack>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not saved'} role="alert">
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
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
