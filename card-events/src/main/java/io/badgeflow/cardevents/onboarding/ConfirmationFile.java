package io.badgeflow.cardevents.onboarding;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.onboarding.ImportConfirmation;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a plan's confirmation, which admin-service writes to the imports bucket as
 * {@code imports/confirmations/<importId>-<fingerprint>.csv}: a header {@code importId,fingerprint,confirmedBy,
 * overrideLimit,reason} and one row. CSV so that it rides the imports bucket's notification ({@code imports/*.csv})
 * to this function with no second route.
 */
final class ConfirmationFile {

    static final String PREFIX = "imports/confirmations/";
    static final String HEADER = "importId,fingerprint,confirmedBy,overrideLimit,reason";
    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private ConfirmationFile() {}

    static ImportConfirmation parse(byte[] bytes) {
        try (var rows = CSV.readerFor(String[].class).readValues(new String(bytes, StandardCharsets.UTF_8))) {
            var header = (String[]) rows.nextValue();
            if (!HEADER.equals(String.join(",", header).replace("\uFEFF", ""))) {
                throw new UnreadableImportException("a confirmation's header is " + HEADER);
            }
            var row = (String[]) rows.nextValue();
            if (row.length < 4) {
                throw new UnreadableImportException("a confirmation has one row: " + HEADER);
            }
            return new ImportConfirmation(
                    row[0], row[1], row[2], Boolean.parseBoolean(row[3]), row.length > 4 ? row[4] : null);
        } catch (JacksonException | java.util.NoSuchElementException | InvalidFieldException e) {
            throw new UnreadableImportException("not a confirmation: " + e.getMessage());
        }
    }
}
