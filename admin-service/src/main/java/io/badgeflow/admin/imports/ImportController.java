package io.badgeflow.admin.imports;

import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.onboarding.FieldChange;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.onboarding.PlanAction;
import io.badgeflow.model.onboarding.PlanRow;
import io.badgeflow.model.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * HR sync: uploads of HR exports, their dry-run plans, and the confirmation that applies a plan. An upload is
 * stored in the imports bucket under a fresh import id, which starts card-events' import function: it reconciles the
 * file with the people (by employee number) and stores the plan; nothing is applied. {@code POST .../apply} with the
 * plan's fingerprint writes the confirmation card-events applies, only if the plan is still the import's and within
 * the safety limit, or the admin overrides the limit (recorded in the admin audit trail). Progress comes from the
 * imports ledger card-events keeps; before it starts, a stored file is PENDING. Nothing here writes progress, so
 * there is no second record to get out of step.
 *
 * <p>No {@code Idempotency-Key} on uploads: a retried upload is a second dry run, which applies nothing; applying
 * the same plan twice writes the same confirmation.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final java.util.regex.Pattern IMPORT_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    /** The longest file name kept with an upload; a longer one is cut (S3 metadata is at most 2 KB in all). */
    static final int MAX_FILE_NAME = 255;

    private final ImportFiles files;
    private final ImportLedger ledger;
    private final PeopleNames people;
    private final AdminAuditTrail audit;
    private final Clock clock;
    private final long maxBytes;

    ImportController(
            ImportFiles files,
            ImportLedger ledger,
            PeopleNames people,
            AdminAuditTrail audit,
            Clock clock,
            AdminServiceProperties properties) {
        this.files = files;
        this.ledger = ledger;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = properties.maxImportSize().toBytes();
    }

    /**
     * Imports newest first (by when card-events started them, or rejected the file), with status, counts, uploader
     * and file name. An upload card-events has not started yet is not listed until it starts (seconds).
     */
    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    Page<ImportView> imports(
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size, @RequestParam(required = false) String cursor) {
        return Paging.mapPage(
                ledger.recent(Paging.request(size, cursor)), summaries -> ImportView.of(summaries, people));
    }

    /**
     * The CSV as the request body ({@code Content-Type: text/csv}), as a script or curl sends it; {@code
     * fullExport=true}: the file lists everyone employed, so whoever it leaves out is offboarded.
     */
    @PostMapping(consumes = "text/csv")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ImportAccepted> upload(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean fullExport,
            @AuthenticationPrincipal Jwt user)
            throws IOException {
        return accept(
                ImportUpload.read(request.getContentLengthLong(), request.getInputStream(), maxBytes),
                null,
                fullExport,
                user);
    }

    /** The CSV as the {@code file} part of a form, as a browser's file upload sends it. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ImportAccepted> uploadForm(
            @RequestPart(name = ImportUpload.FIELD, required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean fullExport,
            @AuthenticationPrincipal Jwt user)
            throws IOException {
        if (file == null) {
            throw new InvalidFieldException(ImportUpload.FIELD, "is required: the form part holding the CSV file");
        }
        try (var content = file.getInputStream()) {
            return accept(
                    ImportUpload.read(file.getSize(), content, maxBytes),
                    fileName(file.getOriginalFilename()),
                    fullExport,
                    user);
        }
    }

    /**
     * The dry run's rows, in plan order (file rows, then offboardings), optionally only those of one {@code
     * action}; paged by {@code size} and {@code cursor}.
     */
    @GetMapping("/{importId}/plan")
    @PreAuthorize(Roles.ANY_STAFF)
    Page<PlanRowView> plan(
            @PathVariable String importId,
            @RequestParam(required = false) PlanAction action,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        requireImportId(importId);
        var request = Paging.request(size, cursor);
        var summary =
                ledger.find(importId).filter(s -> s.plan() != null).orElseThrow(() -> NotFound.of("plan", importId));
        var from = 0;
        if (request.cursor() != null) {
            if (!request.cursor().matches("[0-9]{1,9}")) {
                throw new InvalidFieldException("cursor", "is not a cursor this listing gave");
            }
            from = Integer.parseInt(request.cursor());
        }
        var rows = ledger.plan(summary.importId()).stream()
                .filter(row -> action == null || row.action() == action)
                .toList();
        var to = Math.min(rows.size(), from + request.size());
        var page = from >= rows.size() ? List.<PlanRow>of() : rows.subList(from, to);
        return new Page<>(page.stream().map(PlanRowView::of).toList(), to < rows.size() ? String.valueOf(to) : null);
    }

    /** The plan as CSV (what the Imports page downloads), streamed from the reports bucket. */
    @GetMapping("/{importId}/plan/csv")
    @PreAuthorize(Roles.ANY_STAFF)
    ResponseEntity<Resource> planCsv(@PathVariable String importId) {
        requireImportId(importId);
        var summary =
                ledger.find(importId).filter(s -> s.planKey() != null).orElseThrow(() -> NotFound.of("plan", importId));
        return csv(summary.planKey(), "import-" + importId + "-plan.csv", "plan");
    }

    /**
     * Applies the plan named by {@code fingerprint}: 202 once the confirmation is written (card-events applies it in
     * the background; follow the import). 409 when the import has no plan to apply (not PLANNED), when the plan
     * was replaced (another fingerprint: review the new one), or when it would offboard more people than the
     * safety limit allows and {@code overrideSafetyLimit} is not set; an override needs a {@code reason} and is
     * recorded in the admin audit trail.
     */
    @PostMapping("/{importId}/apply")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ImportView> apply(
            @PathVariable String importId,
            @Valid @RequestBody ApplyPlanRequest request,
            @AuthenticationPrincipal Jwt user) {
        requireImportId(importId);
        var summary = ledger.find(importId).orElseThrow(() -> NotFound.of("import", importId));
        if (summary.status() != ImportStatus.PLANNED || summary.plan() == null) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Import " + importId + " is " + summary.status()
                            + ": only a PLANNED import's plan can be applied.");
        }
        var plan = summary.plan();
        if (!plan.fingerprint().equals(request.fingerprint())) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "The plan of import " + importId + " is now " + plan.fingerprint() + ", not "
                            + request.fingerprint() + ": review the new plan and apply that one.");
        }
        var override = Boolean.TRUE.equals(request.overrideSafetyLimit());
        if (plan.limitExceeded()) {
            if (!override) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "The plan offboards " + plan.offboard() + " of " + plan.activePeople()
                                + " active people, more than the safety limit allows (" + plan.offboardLimit()
                                + "). Check that the file is complete; to apply it anyway, an admin sets "
                                + "overrideSafetyLimit with a reason.");
            }
            if (request.reason() == null || request.reason().isBlank()) {
                throw new InvalidFieldException("reason", "is required to override the safety limit");
            }
            var id = "import-override:" + importId + ":" + plan.fingerprint();
            audit.append(
                    id,
                    List.of(new AuditEntry(
                            id,
                            "OverrideImportSafetyLimit:offboard=" + plan.offboard() + ",limit=" + plan.offboardLimit(),
                            user.getSubject(),
                            CommandStatus.APPLIED,
                            null,
                            importId,
                            clock.instant())));
        }
        files.confirm(
                importId, plan.fingerprint(), user.getSubject(), override && plan.limitExceeded(), request.reason());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + importId))
                .body(ImportView.of(List.of(summary), people).getFirst());
    }

    /**
     * The body of {@code POST .../apply}: the plan's {@code fingerprint} as the import shows it, and to apply a plan
     * over the safety limit, {@code overrideSafetyLimit} with a {@code reason}.
     */
    record ApplyPlanRequest(
            @NotNull @Pattern(regexp = "^[0-9a-f]{32}$", message = "must be the plan's fingerprint (32 hex digits)")
            String fingerprint,

            Boolean overrideSafetyLimit,

            @Size(max = 500) @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.TEXT_MESSAGE)
            String reason) {}

    /** One plan row: who (employee number and name, as the file names them), what, and for updates what changes. */
    record PlanRowView(
            Integer row,
            PlanAction action,
            String employeeNumber,
            String givenName,
            String familyName,
            String employeeId,
            List<FieldChange> changes,
            String reason,
            String message) {

        static PlanRowView of(PlanRow row) {
            return new PlanRowView(
                    row.rowNumber() == 0 ? null : row.rowNumber(),
                    row.action(),
                    row.employeeNumber(),
                    row.givenName(),
                    row.familyName(),
                    row.employeeId(),
                    row.changes(),
                    row.reason(),
                    row.message());
        }
    }

    @GetMapping("/{importId}")
    @PreAuthorize(Roles.ANY_STAFF)
    ImportView status(@PathVariable String importId) {
        requireImportId(importId);
        return ledger.find(importId)
                .map(summary -> ImportView.of(List.of(summary), people).getFirst())
                .orElseGet(() -> {
                    if (!files.exists(importId)) {
                        throw NotFound.of("import", importId);
                    }
                    return ImportView.pending(importId);
                });
    }

    /** The per-row report card-events wrote, streamed from the reports bucket as it is read. */
    @GetMapping("/{importId}/report")
    @PreAuthorize(Roles.ANY_STAFF)
    ResponseEntity<Resource> report(@PathVariable String importId) {
        requireImportId(importId);
        var summary = ledger.find(importId)
                .filter(s -> s.status() == ImportStatus.COMPLETED && s.reportKey() != null)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "There is no report for import " + importId
                                + " (yet): reports are written when an import is COMPLETED."));
        return csv(summary.reportKey(), "import-" + importId + "-report.csv", "report");
    }

    private ResponseEntity<Resource> csv(String key, String fileName, String what) {
        var download = files.report(key)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "The " + what + " is no longer stored (plans and reports are kept 30 days)."));
        var response = ResponseEntity.ok()
                .contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString());
        if (download.contentLength() != null) {
            response.contentLength(download.contentLength());
        }
        // InputStreamResource: copied to the response in chunks and closed by the converter, never held whole
        return response.body(new InputStreamResource(download.content()));
    }

    private ResponseEntity<ImportAccepted> accept(byte[] csv, String fileName, boolean fullExport, Jwt user) {
        var importId = ImportId.random();
        var written = files.store(importId, csv, user.getSubject(), fileName, fullExport);
        var status = written
                ? ImportProgress.PENDING
                : ledger.find(importId).map(s -> ImportProgress.of(s.status())).orElse(ImportProgress.PENDING);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + importId))
                .body(new ImportAccepted(importId, status, !written));
    }

    /**
     * The name to keep: the last segment of what the browser sent (some send a whole path), without control
     * characters, at most {@link #MAX_FILE_NAME} characters; null when nothing is left.
     */
    static String fileName(String original) {
        if (original == null) {
            return null;
        }
        var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
        }
        return name.isEmpty() ? null : name;
    }

    static String planPath(String importId) {
        return "/api/v1/imports/" + importId + "/plan";
    }

    static String reportPath(String importId) {
        return "/api/v1/imports/" + importId + "/report";
    }

    private static void requireImportId(String importId) {
        if (!IMPORT_ID.matcher(importId).matches()) {
            throw new InvalidFieldException("importId", "must be 32 lowercase hexadecimal digits");
        }
    }

    /**
     * The body of a 202: the import to follow and where it stands. {@code alreadyUploaded}: an import of this id was
     * stored before and nothing was written (ids are random, so in practice never); {@code status} is that import's.
     */
    record ImportAccepted(String importId, ImportProgress status, boolean alreadyUploaded) {}
}
