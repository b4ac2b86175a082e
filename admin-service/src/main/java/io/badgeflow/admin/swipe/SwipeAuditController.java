package io.badgeflow.admin.swipe;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.Paging;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditors' view of the door: every stored event of one employee, door or building in {@code [from, to)} (at
 * most 31 days), oldest first, with decision, reason and rule. As pages of JSON, or as one CSV download that is
 * written page by page while it is read, so an export of a month holds one page in memory, not the month.
 */
@RestController
class SwipeAuditController {

    /** The CSV reads the largest pages a listing allows, so a month is as few round trips as it can be. */
    private static final int CSV_PAGE = PageRequest.MAX_SIZE;

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SwipeHistory swipes;
    private final BackOfficeDirectory directory;

    SwipeAuditController(SwipeHistory swipes, BackOfficeDirectory directory) {
        this.swipes = swipes;
        this.directory = directory;
    }

    @GetMapping("/api/v1/audit/swipes")
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    Page<SwipeView> swipes(
            @RequestParam(required = false) String employeeId,
            @RequestParam(required = false) String doorId,
            @RequestParam(required = false) String buildingId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String cursor) {
        var query = SwipeQuery.of(employeeId, doorId, buildingId, from, to);
        var page = swipes.find(query, Paging.request(size, cursor));
        return new Page<>(SwipeView.page(page.items(), directory), page.next());
    }

    @GetMapping("/api/v1/audit/swipes.csv")
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    ResponseEntity<StreamingResponseBody> swipesCsv(
            @RequestParam(required = false) String employeeId,
            @RequestParam(required = false) String doorId,
            @RequestParam(required = false) String buildingId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        // Validated before the first byte: once streaming, an error can no longer be a problem+json 400.
        var query = SwipeQuery.of(employeeId, doorId, buildingId, from, to);
        StreamingResponseBody body = stream -> {
            var out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            SwipeCsv.header(out);
            String cursor = null;
            do {
                var page = swipes.find(query, new PageRequest(CSV_PAGE, cursor));
                for (var view : SwipeView.page(page.items(), directory)) {
                    SwipeCsv.row(out, view);
                }
                out.flush();
                cursor = page.next();
            } while (cursor != null);
        };
        var filename = "swipes-" + query.by().parameter().replace("Id", "") + "-" + query.id() + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
