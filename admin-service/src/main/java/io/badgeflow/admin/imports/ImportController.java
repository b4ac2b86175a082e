package io.badgeflow.admin.imports;

import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.admin.people.PeopleNames;
import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportStatus;
import io.badgeflow.model.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk imports of HR exports. An upload is stored in the imports bucket under its content's hash, which starts
 * card-events' import function; the import is named by that hash too, so the same file uploaded again is the same
 * import and onboards nobody twice. Progress comes from the imports ledger card-events keeps; before it starts, a
 * stored file is PENDING. Nothing here writes progress, so there is no second record to get out of step.
 *
 * <p>No {@code Idempotency-Key}: the file's content already is the key. A retried upload of the same bytes gets
 * the same import id and writes nothing; a different file is a different import whatever header it carries.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final Pattern IMPORT_ID = Pattern.compile("[0-9a-f]{32}");
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    /** The longest file name kept with an upload; a longer one is cut (S3 metadata is at most 2 KB in all). */
    static final int MAX_FILE_NAME = 255;

    private final ImportFiles files;
    private final ImportLedger ledger;
    private final PeopleNames people;
    private final long maxBytes;

    ImportController(ImportFiles files, ImportLedger ledger, PeopleNames people, AdminServiceProperties properties) {
        this.files = files;
        this.ledger = ledger;
        this.people = people;
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

    /** The CSV as the request body ({@code Content-Type: text/csv}), as a script or curl sends it. */
    @PostMapping(consumes = "text/csv")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ImportAccepted> upload(HttpServletRequest request, @AuthenticationPrincipal Jwt user)
            throws IOException {
        return accept(
                ImportUpload.read(request.getContentLengthLong(), request.getInputStream(), maxBytes), null, user);
    }

    /** The CSV as the {@code file} part of a form, as a browser's file upload sends it. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<ImportAccepted> uploadForm(
            @RequestPart(name = ImportUpload.FIELD, required = false) MultipartFile file,
            @AuthenticationPrincipal Jwt user)
            throws IOException {
        if (file == null) {
            throw new InvalidFieldException(ImportUpload.FIELD, "is required: the form part holding the CSV file");
        }
        try (var content = file.getInputStream()) {
            return accept(
                    ImportUpload.read(file.getSize(), content, maxBytes), fileName(file.getOriginalFilename()), user);
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
        var download = files.report(summary.reportKey())
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "The report of import " + importId + " is no longer stored (reports are kept 30 days)."));
        var response = ResponseEntity.ok()
                .contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("import-" + importId + "-report.csv")
                                .build()
                                .toString());
        if (download.contentLength() != null) {
            response.contentLength(download.contentLength());
        }
        // InputStreamResource: copied to the response in chunks and closed by the converter, never held whole
        return response.body(new InputStreamResource(download.content()));
    }

    private ResponseEntity<ImportAccepted> accept(byte[] csv, String fileName, Jwt user) {
        var importId = ImportId.of(csv);
        var written = files.store(importId, csv, user.getSubject(), fileName);
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

    static String reportPath(String importId) {
        return "/api/v1/imports/" + importId + "/report";
    }

    private static void requireImportId(String importId) {
        if (!IMPORT_ID.matcher(importId).matches()) {
            throw new InvalidFieldException("importId", "must be 32 lowercase hexadecimal digits");
        }
    }

    /**
     * The body of a 202: the import to follow and where it stands. {@code alreadyUploaded}: the same file was
     * uploaded before, nothing was written and no second import starts; {@code status} is that import's.
     */
    record ImportAccepted(String importId, ImportProgress status, boolean alreadyUploaded) {}
}
