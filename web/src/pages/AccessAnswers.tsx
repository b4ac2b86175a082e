import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { instantFromLocal } from '../live';
import { useLoad } from '../load';
import { Empty, Failure, formatInstant, Loading } from '../states';
import type { CanEnterView, Door, PersonAnswer, WhoCanEnterView } from '../types';

function decisionColor(decision: string): string {
  return decision === 'GRANTED' ? 'green' : 'orange';
}

/** A moment to ask about: now, or a local date and time. */
function MomentInput({ value, onChange, label }: { value: string; onChange(value: string): void; label: string }) {
  return (
    <TextInput
      type="datetime-local"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description="Empty: now"
    />
  );
}

/** "Can this employee enter?" per building they hold a grant for, answered by the entry rules. */
export function CanEnter({ employeeId }: { employeeId: string }) {
  const { api } = useAuth();
  const [moment, setMoment] = useState('');
  const at = instantFromLocal(moment);
  const answer = useLoad(
    () => api.get<CanEnterView>(`/employees/${encodeURIComponent(employeeId)}/can-enter`, { at }),
    [api, employeeId, at],
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Can enter</Title>
        <MomentInput label="At" value={moment} onChange={setMoment} />
      </Group>
      {answer.loading && !answer.data && <Loading label="Asking the entry rules…" />}
      {answer.error && <Failure error={answer.error} onRetry={answer.reload} />}
      {answer.data && answer.data.buildings.length === 0 && (
        <Empty>No grant: this employee may enter no building.</Empty>
      )}
      {answer.data && answer.data.buildings.length > 0 && (
        <Table aria-label="Can enter per building">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Building</Table.Th>
              <Table.Th scope="col">Answer</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Rule</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.data.buildings.map((building) => (
              <Table.Tr key={building.buildingId} data-testid={`can-enter-${building.buildingId}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/buildings/${encodeURIComponent(building.buildingId)}`}>
                    {building.buildingName}
                  </Anchor>
                </Table.Td>
                <Table.Td className="bf-status">
                  <Badge variant="light" color={decisionColor(building.decision)}>
                    {building.decision}
                  </Badge>
                </Table.Td>
                <Table.Td>{building.reason}</Table.Td>
                <Table.Td>
                  <Text size="xs" className="bf-key">
                    {building.rule}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {answer.data && (
        <Text
          size="xs"
          c="dimmed"
        >{`As of ${formatInstant(answer.data.at)}, policy ${answer.data.policyVersion}.`}</Text>
      )}
    </Stack>
  );
}

/** "Who can enter through door D?": the grant holders of its building, granted or refused with the rule. */
export function WhoCanEnter({ doors }: { doors: readonly Door[] }) {
  const { api } = useAuth();
  const [doorId, setDoorId] = useState(doors[0]?.doorId ?? '');
  const [moment, setMoment] = useState('');
  const [asked, setAsked] = useState<{ doorId: string; at?: string } | null>(null);
  const answer = useLoad(
    () =>
      asked
        ? api.get<WhoCanEnterView>(`/doors/${encodeURIComponent(asked.doorId)}/who-can-enter`, { at: asked.at })
        : Promise.resolve(null),
    [api, asked],
  );
  if (doors.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3}>Who can enter</Title>
      <form
        aria-label="Who can enter through a door"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ doorId, at: instantFromLocal(moment) });
        }}
      >
        <Group align="flex-end">
          <NativeSelect
            label="Door"
            value={doorId}
            onChange={(e) => setDoorId(e.currentTarget.value)}
            data={doors.map((door) => ({ value: door.doorId, label: door.name }))}
          />
          <MomentInput label="At" value={moment} onChange={setMoment} />
          <Button type="submit">Ask</Button>
        </Group>
      </form>
      {asked && answer.loading && <Loading label="Asking the entry rules…" />}
      {answer.error && <Failure error={answer.error} onRetry={answer.reload} />}
      {answer.data && (
        <>
          <Text size="sm" data-testid="who-can-enter-summary">
            {`${answer.data.granted.length} may enter through ${answer.data.doorName} at ${formatInstant(answer.data.at)}; ` +
              `${answer.data.refused.length} hold a grant but would be refused (policy ${answer.data.policyVersion}).`}
          </Text>
          {answer.data.granted.length + answer.data.refused.length === 0 ? (
            <Empty>Nobody holds a grant for this building.</Empty>
          ) : (
            <PeopleTable people={[...answer.data.granted, ...answer.data.refused]} />
          )}
        </>
      )}
    </Stack>
  );
}

function PeopleTable({ people }: { people: readonly PersonAnswer[] }) {
  return (
    <Table aria-label="Who can enter">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Employee</Table.Th>
          <Table.Th scope="col">Card</Table.Th>
          <Table.Th scope="col">Answer</Table.Th>
          <Table.Th scope="col">Reason</Table.Th>
          <Table.Th scope="col">Rule</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.employeeId} data-testid={`who-${person.employeeId}`}>
            <Table.Td>
              <Anchor component={Link} to={`/employees/${encodeURIComponent(person.employeeId)}`}>
                {`${person.givenName ?? ''} ${person.familyName ?? ''}`.trim() || person.employeeId}
              </Anchor>
            </Table.Td>
            <Table.Td>{person.cardNumber ? `${person.cardNumber} (${person.cardStatus})` : 'none'}</Table.Td>
            <Table.Td className="bf-status">
              <Badge variant="light" color={decisionColor(person.decision)}>
                {person.decision}
              </Badge>
            </Table.Td>
            <Table.Td>{person.reason}</Table.Td>
            <Table.Td>
              <Text size="xs" className="bf-key">
                {person.rule}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
