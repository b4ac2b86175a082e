import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { useLoad } from '../load';
import { Failure, Loading } from '../states';
import { DAYS, type Accepted, type Building, type PageOf } from '../types';

/** The GrantAccess form: a building, optionally a weekly schedule (building's local time) and a date range. */
export function GrantAccess({
  employeeId,
  opened,
  onClose,
  onAccepted,
}: {
  employeeId: string;
  opened: boolean;
  onClose(): void;
  onAccepted(accepted: Accepted, buildingId: string): void;
}) {
  const { api } = useAuth();
  const buildings = useLoad(
    () => (opened ? api.get<PageOf<Building>>('/buildings', { size: 100 }) : Promise.resolve(null)),
    [api, opened],
  );
  const [buildingId, setBuildingId] = useState('');
  const [scheduled, setScheduled] = useState(false);
  const [days, setDays] = useState<string[]>(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']);
  const [from, setFrom] = useState('07:00');
  const [until, setUntil] = useState('19:00');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen = buildingId || buildings.data?.items[0]?.buildingId || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const accepted = await api.post<Accepted>(`/employees/${encodeURIComponent(employeeId)}/grants`, {
        buildingId: chosen,
        schedule: scheduled ? { days, from, until } : null,
        validFrom: validFrom || null,
        validUntil: validUntil || null,
      });
      onAccepted(accepted, chosen);
      onClose();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (...names: string[]) => names.map((n) => error?.fieldError(n)).find(Boolean);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Grant access"
      transitionProps={{ duration: 0 }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      {buildings.loading && <Loading label="Loading buildings…" />}
      {buildings.error && <Failure error={buildings.error} onRetry={buildings.reload} />}
      {buildings.data && buildings.data.items.length === 0 && <Text>Register a building first.</Text>}
      {buildings.data && buildings.data.items.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Grant access">
          <Stack>
            {error && (
              <Alert color="red" title={error.problem.title ?? 'Not granted'} role="alert">
                {error.message}
              </Alert>
            )}
            <NativeSelect
              label="Building"
              value={chosen}
              onChange={(e) => setBuildingId(e.currentTarget.value)}
              error={fieldError('buildingId')}
              data={buildings.data.items.map((b) => ({ value: b.buildingId, label: `${b.name} (${b.buildingId})` }))}
            />
            <Checkbox
              label="Only on a schedule (the building's local time)"
              checked={scheduled}
              onChange={(e) => setScheduled(e.currentTarget.checked)}
            />
            {scheduled && (
              <Checkbox.Group
                label="Days"
                value={days}
                onChange={setDays}
                error={fieldError('schedule.days', 'schedule')}
              >
                <Group gap="xs" mt={4}>
                  {DAYS.map((day) => (
                    <Checkbox key={day} value={day} label={day.charAt(0) + day.slice(1, 3).toLowerCase()} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            {scheduled && (
              <Group grow>
                <TextInput
                  label="From"
                  type="time"
                  value={from}
                  error={fieldError('schedule.from')}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                />
                <TextInput
                  label="Until"
                  type="time"
                  value={until}
                  error={fieldError('schedule.until')}
                  onChange={(e) => setUntil(e.currentTarget.value)}
                />
              </Group>
            )}
            <Group grow>
              <TextInput
                label="Valid from"
                type="date"
                description="Optional"
                value={validFrom}
                error={fieldError('validFrom')}
                onChange={(e) => setValidFrom(e.currentTarget.value)}
              />
              <TextInput
                label="Valid until"
                type="date"
                description="Optional"
                value={validUntil}
                error={fieldError('validUntil')}
                onChange={(e) => setValidUntil(e.currentTarget.value)}
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Grant
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
