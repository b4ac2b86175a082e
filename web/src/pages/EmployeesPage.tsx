import { Alert, Anchor, Badge, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { useLoad } from '../load';
import { Empty, Failure, Loading } from '../states';
import type { Command, Employee, EmployeeAccepted, PageOf } from '../types';
import { RegisterEmployee } from './RegisterEmployee';
import { sortPeople } from '../format';

const PAGE_SIZE = 20;

/** Search by family-name prefix or exact employee number, page through the API's cursor, register (admin). */
export function EmployeesPage() {
  const { api, may } = useAuth();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // cursors[i] is the cursor of page i; page 0 has none
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const [registering, setRegistering] = useState(false);
  const [tracked, setTracked] = useState<{ name: string; command: Command } | null>(null);

  const employees = useLoad(
    () => api.get<PageOf<Employee>>('/employees', { q: query, size: PAGE_SIZE, cursor: cursors.at(-1) }),
    [api, query, cursors],
  );

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery(input.trim());
    setCursors([undefined]);
  }

  function accepted(answer: EmployeeAccepted, name: string) {
    setTracked({ name, command: { commandId: answer.commandId, status: 'PENDING', employeeId: answer.employeeId } });
  }

  // Follow the command until card-events has applied or rejected it, then show the list as it is now.
  const commandId = tracked?.command.commandId;
  const pending = tracked?.command.status === 'PENDING';
  const { reload } = employees;
  useEffect(() => {
    if (!commandId || !pending) return;
    let stopped = false;
    let attempts = 0;
    const poll = async () => {
      if (stopped) return;
      attempts += 1;
      try {
        const command = await api.get<Command>(`/commands/${encodeURIComponent(commandId)}`);
        if (stopped) return;
        if (command.status !== 'PENDING') {
          setTracked((t) => (t ? { ...t, command } : t));
          reload();
          return;
        }
      } catch {
        // keep polling; a passing failure should not lose the command
      }
      if (attempts < 120) setTimeout(poll, 500);
    };
    setTimeout(poll, 300);
    return () => {
      stopped = true;
    };
  }, [api, commandId, pending, reload]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Employees</Title>
        {may('registerEmployee') && <Button onClick={() => setRegistering(true)}>Register employee</Button>}
      </Group>

      {tracked && (
        <Alert
          role="status"
          aria-live="polite"
          data-testid="command-status"
          color={
            tracked.command.status === 'REJECTED' ? 'red' : tracked.command.status === 'APPLIED' ? 'green' : 'blue'
          }
          title={`Registering ${tracked.name}`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setTracked(null)}
        >
          Command {tracked.command.commandId}: <strong>{tracked.command.status}</strong>
          {tracked.command.message ? ` — ${tracked.command.message}` : ''}
        </Alert>
      )}

      <form onSubmit={search} role="search" aria-label="Search employees">
        <Group align="flex-end">
          <TextInput
            label="Family name or employee number"
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            placeholder="e.g. Lovelace or E-1001"
            w={320}
          />
          <Button type="submit" variant="default">
            Search
          </Button>
        </Group>
      </form>

      {employees.loading && <Loading label="Loading employees…" />}
      {employees.error && <Failure error={employees.error} onRetry={employees.reload} />}
      {employees.data && employees.data.items.length === 0 && (
        <Empty>{query ? `No employee matches “${query}”.` : 'No employees registered yet.'}</Empty>
      )}
      {employees.data && employees.data.items.length > 0 && (
        <Table striped highlightOnHover aria-label="Employees">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Department</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortPeople(employees.data.items).map((employee) => (
              <Table.Tr key={employee.employeeId}>
                <Table.Td>{employee.employeeNumber}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/employees/${encodeURIComponent(employee.employeeId)}`}>
                    {employee.familyName}, {employee.givenName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{employee.email}</Table.Td>
                <Table.Td>{employee.department ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={employee.status === 'ACTIVE' ? 'green' : 'gray'}>
                    {employee.status}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(page > 0 || employees.data?.next) && (
        <Group justify="flex-end" aria-label="Pages">
          <Button variant="default" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="default"
            disabled={!employees.data?.next}
            onClick={() => employees.data?.next && setCursors((c) => [...c, employees.data!.next!])}
          >
            Next page
          </Button>
        </Group>
      )}

      {may('registerEmployee') && (
        <RegisterEmployee opened={registering} onClose={() => setRegistering(false)} onAccepted={accepted} />
      )}
    </Stack>
  );
}
