package io.badgeflow.cardevents.aws;

import io.awspring.cloud.s3.ObjectMetadata;
import io.awspring.cloud.s3.S3Operations;
import io.badgeflow.cardevents.CardEventsStack;
import io.badgeflow.model.onboarding.ImportReports;
import io.badgeflow.model.onboarding.RowResult;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes an import's per-row report as CSV
 * ({@code row,status,reason,message,employeeId,employeeNumber,givenName,familyName}: whom the row names last, so a
 * reader of the first five columns reads on as before) to the reports
 * bucket under {@code imports/<importId>/report.csv}; writing it again replaces it with the same content. Through
 * Spring Cloud AWS's S3Template, which turns a report larger than its 5 MB buffer into a multipart upload.
 */
@Component
class S3ImportReports implements ImportReports {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .setUseHeader(true)
            .addColumn("row")
            .addColumn("status")
            .addColumn("reason")
            .addColumn("message")
            .addColumn("employeeId")
            .addColumn("employeeNumber")
            .addColumn("givenName")
            .addColumn("familyName")
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
                    r.message(),
                    r.employeeId(),
                    r.employeeNumber(),
                    r.givenName(),
                    r.familyName()
                })
                .toList();
        var csv = CSV.writer(SCHEMA).writeValueAsBytes(rows);
        var key = "imports/" + importId + "/report.csv";
        s3.upload(bucket, key, new ByteArrayInputStream(csv), CSV_FILE);
        return key;
    }
}
