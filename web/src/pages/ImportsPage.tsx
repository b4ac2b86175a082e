import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Input,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, type ApiClient } from '../api';
import { useAuth } from '../auth';
import { asApiError, statusColor } from '../commands';
import { formatDateTime, personLabel, zoneNote } from '../format';
import {
  changeText,
  IMPORT_COLUMNS,
  inProgress,
  parseReport,
  PLAN_ACTIONS,
  planSummary,
  progressPercent,
  uploaderLabel,
  type ImportAccepted,
  type ImportStatus,
  type ImportView,
  type PlanAction,
  type PlanRowView,
  type ReportRow,
} from '../imports';
import { useLoad } from '../load';
import { Empty, Failure, Loading } from '../states';
import type { PageOf } from '../types';

const IMPORT_ID = /^[0-9a-f]{32}$/;
/** How often a running import is asked for its progress, and for how long at most. */
const POLL_MS = 1000;
const MAX_POLLS = 900;
const LIST_SIZE = 10;
const PLAN_PAGE = 100;

function importStatusColor(status: ImportStatus): string {
  return status === 'COMPLETED' ? 'green' : status === 'REJECTED' ? 'red' : status === 'PLANNED' ? 'yellow' : 'blue';
}

function actionColor(action: string): string {
  return action === 'CREATE'
    ? 'green'
    : action === 'UPDATE'
      ? 'blue'
      : action === 'OFFBOARD'
        ? 'orange'
        : action === 'REJECTED'
          ? 'red'
          : 'gray';
}

/**
 * HR sync from an HR export: the admin uploads a CSV (the columns are listed here; a full export offboards whoever
 * it leaves out), card-events makes the dry run's plan (create, update with old and new values, offboard,
 * unchanged, rejected), the page shows it and offers it as a download, and an admin applies it after a
 * confirmation (with an override, and a reason, when it offboards more people than the safety limit allows). The
 * page follows the applying until it is COMPLETED, then shows the per-row report and offers it as a download.
 * The import followed is in the address (`?import=<id>`), so a reload or a shared link shows it again; any staff
 * role picks one from the list of imports (newest first) or looks one up by its id, only an admin may upload.
 * Imports belong to no building, so their times are in the browser's zone, which the page names.
 */
export function ImportsPage() {
  const { api, may } = useAuth();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import') ?? '';
  const [notice, setNotice] = useState<string | null>(null);
  // where the import shown stands: when it moves (started, finished) the list is read again to show it so
  const [shownStatus, setShownStatus] = useState<ImportStatus | null>(null);

  function show(id: string, message: string | null = null) {
    setNotice(message);
    setParams(id ? { import: id } : {});
  }

  return (
    <Stack>
      <Title order={2}>Imports</Title>
      {may('importEmployees') ? (
        <UploadForm
          api={api}
          onAccepted={(accepted) =>
            show(
              accepted.importId,
              accepted.alreadyUploaded ? 'This file was uploaded before: it is the same import.' : null,
            )
          }
        />
      ) : (
        <Alert color="gray" title="Uploading is for admins" data-testid="upload-not-for-role">
          <Text size="sm">Your role may look up an import by its id; only an admin may upload a file.</Text>
        </Alert>
      )}
      {/* keys of their own (siblings must not share one): a new one when another import is shown or the shown one
          moves, so the list is read again from its first page */}
      <ImportList key={`list:${importId}:${shownStatus ?? ''}`} api={api} current={importId} />
      <LookUp key={`lookup:${importId}`} current={importId} onShow={(id) => show(id)} />
      {notice && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      {importId ? (
        <ImportPanel key={`panel:${importId}`} api={api} importId={importId} onStatus={setShownStatus} />
      ) : (
        <Empty>No import shown: upload a file, or look one up by its id.</Empty>
      )}
      <Columns />
    </Stack>
  );
}

function UploadForm({ api, onAccepted }: { api: ApiClient; onAccepted(accepted: ImportAccepted): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fullExport, setFullExport] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const accepted = await api.postForm<ImportAccepted>(fullExport ? '/imports?fullExport=true' : '/imports', form);
      setFile(null);
      setFullExport(false);
      if (input.current) input.current.value = '';
      onAccepted(accepted);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={upload} aria-label="Upload an HR export">
        <Stack>
          <Title order={3}>Upload an HR export</Title>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not uploaded'} role="alert">
              {error.message}
            </Alert>
          )}
          <Input.Wrapper
            label="CSV file"
            id="import-file"
            description="UTF-8, a header row, at most 20 MB and 100,000 rows"
            error={error?.fieldError('file')}
          >
            <input
              ref={input}
              id="import-file"
              className="bf-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              aria-describedby={
                error?.fieldError('file') ? 'import-file-error import-file-description' : 'import-file-description'
              }
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
          <Checkbox
            label="Full export: everyone employed is in this file, so people missing from it are offboarded"
            checked={fullExport}
            onChange={(e) => setFullExport(e.currentTarget.checked)}
          />
          <Text size="xs" c="dimmed">
            Uploading applies nothing: it makes a plan, which you review and then apply.
          </Text>
          <Group>
            <Button type="submit" loading={busy} disabled={!file}>
              Upload
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Imports newest first, with status, counts, file name and uploader; paged by the API's cursor. */
function ImportList({ api, current }: { api: ApiClient; current: string }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const imports = useLoad(
    () => api.get<PageOf<ImportView>>('/imports', { size: LIST_SIZE, cursor: cursors.at(-1) }),
    [api, cursors],
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>Recent imports</Title>
        <Button variant="default" size="xs" onClick={imports.reload}>
          Refresh
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {zoneNote(null)}
      </Text>
      {imports.loading && !imports.data && <Loading label="Loading imports…" />}
      {imports.error && <Failure error={imports.error} onRetry={imports.reload} />}
      {imports.data && imports.data.items.length === 0 && (
        <Empty>No imports yet (an upload shows here once the import has started).</Empty>
      )}
      {imports.data && imports.data.items.length > 0 && (
        <Table aria-label="Recent imports" data-testid="import-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Uploaded by</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Rows</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.items.map((item) => (
              <Table.Tr key={item.importId} aria-current={item.importId === current ? 'true' : undefined}>
                <Table.Td>{formatDateTime(item.startedAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/imports?import=${encodeURIComponent(item.importId)}`}>
                    {item.fileName ?? `import ${item.importId.slice(0, 8)}…`}
                  </Anchor>
                </Table.Td>
                <Table.Td>{uploaderLabel(item)}</Table.Td>
                <Table.Td className="bf-status">
                  <Badge variant="light" color={importStatusColor(item.status)}>
                    {item.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {item.status === 'REJECTED' && item.rowsTotal === 0
                    ? 'file rejected'
                    : item.status === 'PLANNED' && item.plan
                      ? `plan: ${planSummary(item.plan)}`
                      : `${item.applied} applied, ${item.rejected} rejected of ${item.rowsTotal}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(page > 0 || imports.data?.next) && (
        <Group justify="flex-end" aria-label="Pages of imports">
          <Button variant="default" size="xs" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!imports.data?.next}
            onClick={() => imports.data?.next && setCursors((c) => [...c, imports.data!.next!])}
          >
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function LookUp({ current, onShow }: { current: string; onShow(id: string): void }) {
  // Starts from the import shown; the page gives it a new key when another one is shown.
  const [value, setValue] = useState(current);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = value.trim().toLowerCase();
    setInvalid(!IMPORT_ID.test(id));
    if (IMPORT_ID.test(id)) onShow(id);
  }

  return (
    <form onSubmit={submit} aria-label="Look up an import">
      <Group align="flex-end">
        <TextInput
          label="Import id"
          value={value}
          w={380}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={invalid ? 'An import id is 32 hexadecimal digits (the upload answers it).' : undefined}
        />
        <Button type="submit" variant="default">
          Show import
        </Button>
      </Group>
    </form>
  );
}

/** Follows one import: polls its progress while PENDING or RUNNING, then shows the outcome and the report. */
function ImportPanel({
  api,
  importId,
  onStatus,
}: {
  api: ApiClient;
  importId: string;
  onStatus(status: ImportStatus): void;
}) {
  const [view, setView] = useState<ImportView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  // the fingerprint of the plan just applied: its import stays PLANNED until card-events takes it up
  const [applied, setApplied] = useState<string | null>(null);
  const path = `/imports/${encodeURIComponent(importId)}`;

  useEffect(() => {
    let stopped = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      polls += 1;
      try {
        const next = await api.get<ImportView>(path);
        if (stopped) return;
        setView(next);
        onStatus(next.status);
        setError(null);
        const waiting = next.status === 'PLANNED' && applied !== null && next.plan?.fingerprint === applied;
        if ((inProgress(next.status) || waiting) && polls < MAX_POLLS) timer = setTimeout(poll, POLL_MS);
      } catch (failure) {
        if (stopped) return;
        const problem = asApiError(failure);
        setError(problem);
        // A passing failure (network, 5xx) should not lose the import; a 4xx is the answer.
        if ((problem.status === 0 || problem.status >= 500) && polls < MAX_POLLS) timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, path, round, onStatus, applied]);

  if (!view && error)
    return <Failure error={error} onRetry={error.status === 404 ? undefined : () => setRound((r) => r + 1)} />;
  if (!view) return <Loading label="Loading import…" />;
  const percent = progressPercent(view);
  const done = view.applied + view.rejected;

  return (
    <Paper withBorder p="md" data-testid="import-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>
            Import <Code>{view.importId}</Code>
          </Title>
          <Badge variant="light" color={importStatusColor(view.status)} data-testid="import-status">
            {view.status}
          </Badge>
        </Group>
        {error && <Failure error={error} />}
        <Progress
          value={percent}
          size="lg"
          aria-label="Rows applied or rejected"
          color={view.status === 'REJECTED' ? 'red' : view.rejected > 0 ? 'orange' : 'blue'}
          animated={inProgress(view.status)}
        />
        <Text size="sm" data-testid="import-counts">
          {view.status === 'PENDING'
            ? 'Stored; waiting for the dry run.'
            : view.status === 'PLANNED'
              ? applied !== null && view.plan?.fingerprint === applied
                ? 'Applying: waiting for the plan to be taken up.'
                : 'Planned: nothing is applied until an admin applies the plan.'
              : `${done} of ${view.rowsTotal} rows done: ${view.applied} applied, ${view.rejected} rejected.`}
        </Text>
        <dl className="bf-facts">
          {(
            [
              ['Started', formatDateTime(view.startedAt)],
              ['Finished', formatDateTime(view.finishedAt)],
              ['File', view.fileName ?? view.objectKey ?? '—'],
              ['Uploaded by', uploaderLabel(view)],
              ['Full export', view.plan ? (view.plan.fullExport ? 'yes' : 'no') : '—'],
              [
                'Applied by',
                view.confirmedBy
                  ? `${view.confirmedByName ?? view.confirmedBy}${view.limitOverridden ? ' (safety limit overridden)' : ''}`
                  : '—',
              ],
            ] as const
          ).map(([term, value]) => (
            <div key={term}>
              <Text component="dt" size="xs" c="dimmed">
                {term}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </dl>
        {view.status === 'REJECTED' && (
          <Alert color="red" title="The file was rejected as a whole; no row was applied" role="alert">
            {view.reason ?? 'No reason given.'}
          </Alert>
        )}
        {view.plan && (
          <Text size="sm" data-testid="plan-summary">
            Plan: {planSummary(view.plan)}.
          </Text>
        )}
        {view.status === 'PLANNED' && view.plan && (
          <PlanPanel
            key={view.plan.fingerprint}
            api={api}
            view={view}
            applying={applied === view.plan.fingerprint}
            onApplied={(fingerprint) => {
              setApplied(fingerprint);
              setRound((r) => r + 1);
            }}
          />
        )}
        {view.status === 'COMPLETED' && view.reportUrl && <Report api={api} view={view} />}
        {inProgress(view.status) && (
          <Group>
            <Button variant="default" onClick={() => setRound((r) => r + 1)}>
              Refresh
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A dry run's plan: what applying it would do, row by row (filtered by action, 100 rows a page), downloadable as CSV,
 * and for an admin the button that applies it after a confirmation. A plan over the safety limit needs the override
 * and a reason, which the admin audit trail records.
 */
function PlanPanel({
  api,
  view,
  applying,
  onApplied,
}: {
  api: ApiClient;
  view: ImportView;
  applying: boolean;
  onApplied(fingerprint: string): void;
}) {
  const { may } = useAuth();
  const plan = view.plan!;
  const [action, setAction] = useState<PlanAction | ''>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [confirming, setConfirming] = useState(false);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const path = `/imports/${encodeURIComponent(view.importId)}`;
  const rows = useLoad(
    () =>
      api.get<PageOf<PlanRowView>>(`${path}/plan`, {
        size: PLAN_PAGE,
        action: action || undefined,
        cursor: cursors.at(-1),
      }),
    [api, path, action, cursors],
  );

  async function download() {
    setDownloadError(null);
    try {
      // read through the API (it needs the token), then offered as a file
      const text = await api.getText(`${path}/plan/csv`);
      // Reading the text drops the file's byte order mark; put it back, so a spreadsheet reads the file as UTF-8.
      const href = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = href;
      link.download = `import-${view.importId}-plan.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch (failure) {
      setDownloadError(asApiError(failure));
    }
  }

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${path}/apply`, {
        fingerprint: plan.fingerprint,
        ...(plan.limitExceeded ? { overrideSafetyLimit: override, reason: reason.trim() } : {}),
      });
      setConfirming(false);
      onApplied(plan.fingerprint);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Plan</Title>
        <Group>
          <Button variant="default" onClick={() => void download()}>
            Download plan (CSV)
          </Button>
          {may('importEmployees') && (
            <Button onClick={() => setConfirming(true)} disabled={applying} loading={applying}>
              Apply plan…
            </Button>
          )}
        </Group>
      </Group>
      {downloadError && <Failure error={downloadError} />}
      {view.reason && (
        <Alert color="blue" title="Planned again" role="status">
          {view.reason}
        </Alert>
      )}
      <Group gap="xs" aria-label="What the plan does">
        {(
          [
            ['CREATE', plan.create, 'to create'],
            ['UPDATE', plan.update, 'to update'],
            ['OFFBOARD', plan.offboard, 'to offboard'],
            ['UNCHANGED', plan.unchanged, 'unchanged'],
            ['REJECTED', plan.rejected, 'rejected'],
          ] as const
        ).map(([kind, count, label]) => (
          <Badge key={kind} variant="light" color={actionColor(kind)}>
            {count} {label}
          </Badge>
        ))}
      </Group>
      {plan.limitExceeded && (
        <Alert color="orange" title="Over the safety limit" data-testid="plan-limit">
          This plan offboards {plan.offboard} of {plan.activePeople} active people; the safety limit allows{' '}
          {plan.offboardLimit}. Check that the file is complete: applying it needs an admin&apos;s override with a
          reason.
        </Alert>
      )}
      <NativeSelect
        label="Show"
        w={220}
        value={action}
        data={[{ value: '', label: 'every row' }, ...PLAN_ACTIONS.map((a) => ({ value: a, label: a.toLowerCase() }))]}
        onChange={(e) => {
          setAction(e.currentTarget.value as PlanAction | '');
          setCursors([undefined]);
        }}
      />
      {rows.loading && !rows.data && <Loading label="Loading the plan…" />}
      {rows.error && <Failure error={rows.error} onRetry={rows.reload} />}
      {rows.data && rows.data.items.length === 0 && <Empty>No rows.</Empty>}
      {rows.data && rows.data.items.length > 0 && (
        <Table aria-label="Import plan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Employee</Table.Th>
              <Table.Th scope="col">Changes or reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.items.map((row, index) => (
              <Table.Tr key={`${row.row ?? 'off'}:${row.employeeNumber ?? ''}:${index}`}>
                <Table.Td>{row.row ?? '—'}</Table.Td>
                <Table.Td className="bf-status">
                  <Badge variant="light" color={actionColor(row.action)}>
                    {row.action}
                  </Badge>
                </Table.Td>
                <Table.Td>{personLabel(row)}</Table.Td>
                <Table.Td>
                  {row.action === 'REJECTED'
                    ? `${row.reason ?? ''}${row.message ? `: ${row.message}` : ''}`
                    : changeText(row) || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(cursors.length > 1 || rows.data?.next) && (
        <Group justify="flex-end" aria-label="Pages of the plan">
          <Button
            variant="default"
            size="xs"
            disabled={cursors.length === 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!rows.data?.next}
            onClick={() => rows.data?.next && setCursors((c) => [...c, rows.data!.next!])}
          >
            Next
          </Button>
        </Group>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Apply this plan?"
        transitionProps={{ duration: 0 }}
        closeButtonProps={{ 'aria-label': 'Close' }}
        // No scroll lock: it injects a <style> element, which the CSP refuses.
        lockScroll={false}
      >
        <Stack>
          <Text size="sm">
            {planSummary(plan)}. Creations, updates and offboardings take effect at once; offboarded people&apos;s cards
            are revoked and their grants removed.
          </Text>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not applied'} role="alert">
              {error.message}
            </Alert>
          )}
          {plan.limitExceeded && (
            <>
              <Checkbox
                label={`Override the safety limit: offboard ${plan.offboard} people (the limit is ${plan.offboardLimit})`}
                checked={override}
                onChange={(e) => setOverride(e.currentTarget.checked)}
              />
              <Textarea
                label="Reason for the override"
                description="Kept in the admin audit trail"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={error?.fieldError('reason')}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => void apply()}
              loading={busy}
              disabled={plan.limitExceeded && (!override || reason.trim() === '')}
            >
              Apply
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The per-row report: read once through the API (it needs the token), shown as a table and offered as a file. */
function Report({ api, view }: { api: ApiClient; view: ImportView }) {
  const [report, setReport] = useState<{ rows: ReportRow[]; href: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  // reportUrl is the API's absolute path; the client adds /api/v1 itself.
  const path = (view.reportUrl ?? '').replace(/^\/api\/v1/, '');

  useEffect(() => {
    let stopped = false;
    let href: string | null = null;
    api.getText(path).then(
      (text) => {
        if (stopped) return;
        // The download offers the text already read: a plain link to the API would not carry the token.
        href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
        setReport({ rows: parseReport(text), href });
      },
      (failure: unknown) => !stopped && setError(asApiError(failure)),
    );
    return () => {
      stopped = true;
      if (href) URL.revokeObjectURL(href);
    };
  }, [api, path, round]);

  function retry() {
    setError(null);
    setRound((r) => r + 1);
  }

  if (error) return <Failure error={error} onRetry={retry} />;
  if (!report) return <Loading label="Loading the report…" />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Report</Title>
        {report.href && (
          <Button component="a" href={report.href} download={`import-${view.importId}-report.csv`} variant="default">
            Download report (CSV)
          </Button>
        )}
      </Group>
      {report.rows.length === 0 ? (
        <Empty>The report has no rows.</Empty>
      ) : (
        <Table aria-label="Import report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Employee</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row, index) => (
              <Table.Tr key={`${row.row}:${row.employeeNumber}:${index}`}>
                <Table.Td>{row.row || '—'}</Table.Td>
                <Table.Td>{row.action || '—'}</Table.Td>
                <Table.Td className="bf-status">
                  <Badge variant="light" color={statusColor(row.status)}>
                    {row.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.reason ? `${row.reason}${row.message ? `: ${row.message}` : ''}` : '—'}</Table.Td>
                <Table.Td>
                  {row.employeeId ? (
                    <Anchor component={Link} to={`/employees/${encodeURIComponent(row.employeeId)}`}>
                      {personLabel(row, row.employeeId)}
                    </Anchor>
                  ) : (
                    personLabel(row)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The columns card-events reads (docs/contracts.md, section 6). */
function Columns() {
  return (
    <Stack gap="xs">
      <Title order={3}>CSV columns</Title>
      <Text size="sm">
        One header row, then one row per person. Columns may come in any order; names are matched ignoring case, spaces,{' '}
        <Code>_</Code> and <Code>-</Code>; unknown columns are ignored, and an optional column left out is left alone
        (no <Code>building codes</Code> column: grants are not touched). People are matched by employee number. A bad
        row is rejected alone with its reason; a file missing a required column is rejected as a whole. Uploading the
        same file again makes a new plan, in which everything already applied is unchanged.
      </Text>
      <Table aria-label="CSV columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Column</Table.Th>
            <Table.Th scope="col">Required</Table.Th>
            <Table.Th scope="col">Rule</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {IMPORT_COLUMNS.map((column) => (
            <Table.Tr key={column.name}>
              <Table.Td>
                <Code>{column.name}</Code>
              </Table.Td>
              <Table.Td>{column.required ? 'yes' : 'no'}</Table.Td>
              <Table.Td>{column.rule}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">Example:</Text>
      <Code block>
        {'employee number,given name,family name,email,department,building codes,card number,valid until\n' +
          'E-10231,Grace,Hopper,grace.hopper@example.com,Engineering,HQ-LON;DC-AMS,04C1D2E3F4A5B6,2027-03-31'}
      </Code>
    </Stack>
  );
}
