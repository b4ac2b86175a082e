package io.badgeflow.cardevents.aws;

import io.awspring.cloud.s3.ObjectMetadata;
import io.awspring.cloud.s3.S3Operations;
import io.badgeflow.cardevents.CardEventsStack;
import io.badgeflow.model.onboarding.ImportReports;
import io.badgeflow.model.onboarding.RowResult;
import io.badgeflow.model.onboarding.SyncPlan;
import io.badgeflow.model.text.SpreadsheetText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes an import's plan and per-row report as CSV to the reports bucket, under {@code imports/<importId>/plan.csv}
 * and {@code imports/<importId>/report.csv}; writing one again replaces it. The report's columns are
 * {@code row,status,reason,message,employeeId,employeeNumber,givenName,familyName,action} (whom the row names and the
 * plan's action last, so a reader of the first five columns reads on as before); the plan's are
 * {@code row,action,employeeNumber,givenName,familyName,employeeId,changes,reason,message}, preceded by a UTF-8 byte
 * order mark so that spreadsheets show non-Latin names as written. Every text cell a spreadsheet would take for a
 * formula is neutralised ({@link SpreadsheetText}). Through Spring Cloud AWS's S3Template, which turns a file
 * larger than its 5 MB buffer into a multipart upload.
 */
@Component
class S3ImportReports implements ImportReports {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema REPORT = CsvSchema.builder()
            .setUseHeader(true)
            .addColumn("row")
            .addColumn("status")
            .addColumn("reason")
            .addColumn("message")
            .addColumn("employeeId")
            .addColumn("employeeNumber")
            .addColumn("givenName")
            .addColumn("familyName")
            .addColumn("action")
            .build();
    private static final CsvSchema PLAN = CsvSchema.builder()
            .setUseHeader(true)
            .addColumn("row")
            .addColumn("action")
            .addColumn("employeeNumber")
            .addColumn("givenName")
            .addColumn("familyName")
            .addColumn("employeeId")
            .addColumn("changes")
            .addColumn("reason")
            .addColumn("message")
            .build();

    private static final ObjectMetadata CSV_FILE =
            ObjectMetadata.builder().contentType("text/csv; charset=utf-8").build();

    private final S3Operations s3;
    private final String bucket;

    S3ImportReports(S3Operations s3, CardEventsStack stack) {
        this.s3 = s3;
        this.bucket = stack.reportsBucketName();
    }

    @Override
    public String write(String importId, List<RowResult> results) {
        var rows = results.stream()
                .map(r -> new Object[] {
                    r.rowNumber(),
                    r.status().name(),
                    r.reason(),
                    cell(r.message()),
                    r.employeeId(),
                    cell(r.employeeNumber()),
                    cell(r.givenName()),
                    cell(r.familyName()),
                    r.action() == null ? null : r.action().name()
                })
                .toList();
        var key = "imports/" + importId + "/report.csv";
        s3.upload(bucket, key, new ByteArrayInputStream(CSV.writer(REPORT).writeValueAsBytes(rows)), CSV_FILE);
        return key;
    }

    @Override
    public String writePlan(String importId, SyncPlan plan) {
        var rows = plan.rows().stream()
                .map(r -> new Object[] {
                    r.rowNumber() == 0 ? null : r.rowNumber(),
                    r.action().name(),
                    cell(r.employeeNumber()),
                    cell(r.givenName()),
                    cell(r.familyName()),
                    r.employeeId(),
                    cell(r.changeText()),
                    r.reason(),
                    cell(r.message())
                })
                .toList();
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(CSV.writer(PLAN).writeValueAsBytes(rows));
        var key = "imports/" + importId + "/plan.csv";
        s3.upload(bucket, key, new ByteArrayInputStream(out.toByteArray()), CSV_FILE);
        return key;
    }

    private static String cell(String text) {
        return SpreadsheetText.cell(text);
    }
}
