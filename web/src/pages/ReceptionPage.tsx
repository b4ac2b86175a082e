import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError, CommandAlert, useFollow } from '../commands';
import { formatDateRange, formatDateTime } from '../format';
import { useLoad } from '../load';
import { Empty, Failure, Loading, NotForRole } from '../states';
import type { Accepted, Building, Employee, PageOf, ReceptionEntry, ReceptionView } from '../types';

/**
 * Reception: the desk's building and day (today in the building's time zone unless another day is chosen), who is
 * expected, which contractors hold access, who of them is inside now, and the form that registers a visitor with
 * the badge handed out at the desk (a contractor too, for admins).
 */
export function ReceptionPage() {
  const { may, role } = useAuth();
  if (!may('receiveVisitors')) {
    return (
      <Stack>
        <Title order={2}>Reception</Title>
        <NotForRole role={role} what="Reception is for operators and admins." />
      </Stack>
    );
  }
  return <Reception />;
}

function Reception() {
  const { api } = useAuth();
  const buildings = useLoad(() => api.get<PageOf<Building>>('/buildings', { size: 100 }), [api]);
  const [buildingId, setBuildingId] = useState('');
  const [date, setDate] = useState('');
  const chosen = buildingId || buildings.data?.items[0]?.buildingId || '';
  const desk = useLoad(
    () => (chosen ? api.get<ReceptionView>('/reception', { buildingId: chosen, date }) : Promise.resolve(null)),
    [api, chosen, date],
  );
  const { tracked, follow, dismiss } = useFollow(api, desk.reload);

  if (buildings.loading && !buildings.data) return <Loading label="Loading buildings…" />;
  if (buildings.error) return <Failure error={buildings.error} onRetry={buildings.reload} />;
  if (!buildings.data || buildings.data.items.length === 0) {
    return (
      <Stack>
        <Title order={2}>Reception</Title>
        <Empty>Register a building first.</Empty>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>Reception{desk.data ? ` — ${desk.data.buildingName}` : ''}</Title>
      <Group align="flex-end">
        <NativeSelect
          label="Building"
          value={chosen}
          onChange={(e) => setBuildingId(e.currentTarget.value)}
          data={buildings.data.items.map((b) => ({ value: b.buildingId, label: b.name }))}
        />
        <TextInput
          label="Day"
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          description="Today in the building's time zone when empty"
        />
        <Button variant="default" onClick={desk.reload} loading={desk.loading}>
          Refresh
        </Button>
      </Group>
      <CommandAlert tracked={tracked} onClose={dismiss} />
      <RegisterVisitor
        buildings={buildings.data.items}
        deskBuildingId={chosen}
        onAccepted={(accepted, name) => follow(`Registering ${name}`, accepted.commandId)}
      />
      {desk.loading && !desk.data && <Loading label="Loading the day…" />}
      {desk.error && <Failure error={desk.error} onRetry={desk.reload} />}
      {desk.data && <Day view={desk.data} />}
    </Stack>
  );
}

function Day({ view }: { view: ReceptionView }) {
  return (
    <Stack>
      <Title order={3}>Expected on {view.date}</Title>
      <People people={view.expected} label="Expected visitors" testId="expected" empty="No visitors are expected." />
      <Title order={3}>Inside now</Title>
      <People
        people={view.inside}
        label="Visitors and contractors inside"
        testId="inside"
        empty="No visitor or contractor is inside."
      />
      <Title order={3}>Contractors</Title>
      <People
        people={view.contractors}
        label="Contractors"
        testId="contractors"
        empty="No contractor holds access here on this day."
      />
    </Stack>
  );
}

function People({
  people,
  label,
  testId,
  empty,
}: {
  people: ReceptionEntry[];
  label: string;
  testId: string;
  empty: string;
}) {
  if (people.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Table aria-label={label} data-testid={`reception-${testId}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Company</Table.Th>
          <Table.Th scope="col">Host</Table.Th>
          <Table.Th scope="col">Days</Table.Th>
          <Table.Th scope="col">Badge</Table.Th>
          <Table.Th scope="col">Inside</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.employeeId} data-testid={`${testId}-${person.employeeId}`}>
            <Table.Th scope="row" fw="normal">
              {`${person.familyName}, ${person.givenName}`}{' '}
              <Badge variant="light" size="sm">
                {person.kind === 'VISITOR' ? 'visitor' : 'contractor'}
              </Badge>
            </Table.Th>
            <Table.Td>{person.company ?? '—'}</Table.Td>
            <Table.Td>{person.hostName ?? person.hostEmployeeId ?? '—'}</Table.Td>
            <Table.Td>
              {person.kind === 'CONTRACTOR'
                ? `until ${person.validUntil ?? '—'}`
                : formatDateRange(person.validFrom, person.validUntil)}
            </Table.Td>
            <Table.Td>{person.cardNumber ?? '—'}</Table.Td>
            <Table.Td>{person.inside ? `since ${formatDateTime(person.since)}` : 'no'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const EMPTY = {
  kind: 'VISITOR',
  givenName: '',
  familyName: '',
  company: '',
  email: '',
  hostNumber: '',
  validFrom: '',
  validUntil: '',
  cardNumber: '',
};

/**
 * The registration form. The host is typed as their employee number (what the visitor tells the desk) and looked
 * up here; every other check is the API's, whose 400 puts each message under the field it names.
 */
function RegisterVisitor({
  buildings,
  deskBuildingId,
  onAccepted,
}: {
  buildings: Building[];
  deskBuildingId: string;
  onAccepted(accepted: Accepted, name: string): void;
}) {
  const { api, may } = useAuth();
  const [values, setValues] = useState(EMPTY);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [hostError, setHostError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const buildingIds = chosen ?? (deskBuildingId ? [deskBuildingId] : []);
  const contractor = values.kind === 'CONTRACTOR';

  const field = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: error?.fieldError(name),
  });

  async function hostId(): Promise<string | null> {
    const number = values.hostNumber.trim();
    if (number === '') return null;
    const found = await api.get<PageOf<Employee>>('/employees', { q: number });
    const host = found.items.find((e) => e.employeeNumber === number);
    if (!host) throw new HostNotFound(`No employee has the number ${number}.`);
    return host.employeeId;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setHostError(null);
    try {
      const hostEmployeeId = await hostId();
      const accepted = await api.post<Accepted>('/reception/visitors', {
        kind: values.kind,
        givenName: values.givenName,
        familyName: values.familyName,
        company: values.company.trim() || null,
        email: values.email.trim() || null,
        hostEmployeeId,
        buildingIds,
        validFrom: values.validFrom || null,
        validUntil: values.validUntil || null,
        cardNumber: values.cardNumber,
      });
      onAccepted(accepted, `${values.givenName} ${values.familyName}`);
      setValues(EMPTY);
      setChosen(null);
    } catch (failure) {
      if (failure instanceof HostNotFound) setHostError(failure.message);
      else setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Register a visitor">
      <Stack gap="xs">
        <Title order={3}>Register a visitor</Title>
        {error && (
          <Alert color="red" title={error.problem.title ?? 'Not registered'} role="alert">
            {error.message}
          </Alert>
        )}
        <Group align="flex-start">
          <NativeSelect
            label="Who"
            {...field('kind')}
            data={[
              { value: 'VISITOR', label: 'Visitor' },
              ...(may('registerContractors') ? [{ value: 'CONTRACTOR', label: 'Contractor' }] : []),
            ]}
          />
          <TextInput label="Given name" withAsterisk {...field('givenName')} />
          <TextInput label="Family name" withAsterisk {...field('familyName')} />
          <TextInput label="Company" withAsterisk={contractor} {...field('company')} />
          <TextInput label="Email" type="email" {...field('email')} />
        </Group>
        <Group align="flex-start">
          <TextInput
            label="Host's employee number"
            withAsterisk={!contractor}
            {...field('hostNumber')}
            error={hostError ?? error?.fieldError('hostEmployeeId')}
          />
          <TextInput label="First day" type="date" {...field('validFrom')} description="Today when empty" />
          <TextInput
            label={contractor ? 'End date' : 'Last day'}
            type="date"
            withAsterisk={contractor}
            {...field('validUntil')}
            description={contractor ? 'Access ends after this day' : 'The first day when empty'}
          />
          <TextInput label="Badge number" withAsterisk {...field('cardNumber')} />
        </Group>
        <Checkbox.Group
          label="Buildings"
          value={buildingIds}
          onChange={setChosen}
          error={error?.fieldError('buildingIds')}
        >
          <Group mt="xs">
            {buildings.map((b) => (
              <Checkbox key={b.buildingId} value={b.buildingId} label={b.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={busy}>
            Register
          </Button>
          {!contractor && (
            <Text size="xs" c="dimmed">
              A visitor may enter only the host&apos;s own buildings; the badge stops working after the last day.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

class HostNotFound extends Error {}
