package io.badgeflow.cardevents.onboarding;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.onboarding.OnboardingRow;
import io.badgeflow.model.onboarding.ParsedRow;
import io.badgeflow.model.onboarding.RowPerson;
import io.badgeflow.model.onboarding.SyncOptions;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an HR export: UTF-8 CSV with a header row naming the columns (in any order, case and spacing
 * ignored): employee number, given name, family name, email, department, building codes (separated by
 * {@code ;}), card number, valid until (ISO date). A file that is not such a CSV is unreadable as a whole; a
 * row that breaks a rule becomes a {@link ParsedRow} with the reason, and the other rows go on. The optional
 * columns the header names are what a sync compares ({@link SyncOptions}): a column left out is left alone.
 */
final class ImportFile {

    static final List<String> COLUMNS = List.of(
            "employee number",
            "given name",
            "family name",
            "email",
            "department",
            "building codes",
            "card number",
            "valid until");
    private static final List<String> REQUIRED = List.of("employee number", "given name", "family name", "email");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.TRIM_SPACES)
            .build();

    private ImportFile() {}

    /** The rows and what the header says about them (never a full export: that is the delivery's to say). */
    record Read(List<ParsedRow> rows, SyncOptions options) {}

    static Read parse(byte[] bytes, int maxRows) {
        var text = utf8(bytes);
        List<String[]> lines;
        try (var rows = CSV.readerFor(String[].class).readValues(text)) {
            lines = new ArrayList<>();
            while (rows.hasNextValue()) {
                var line = (String[]) rows.nextValue();
                if (line.length == 0 || line.length == 1 && line[0].isBlank()) {
                    continue;
                }
                lines.add(line);
                if (lines.size() > maxRows + 1) {
                    throw new UnreadableImportException("more than " + maxRows + " rows; split the file");
                }
            }
        } catch (JacksonException e) {
            throw new UnreadableImportException("not a CSV file: " + e.getOriginalMessage());
        }
        if (lines.isEmpty()) {
            throw new UnreadableImportException(
                    "the file is empty; expected a header row: " + String.join(", ", COLUMNS));
        }
        var columns = header(lines.getFirst());
        var parsed = new ArrayList<ParsedRow>(lines.size() - 1);
        for (var i = 1; i < lines.size(); i++) {
            parsed.add(row(i, lines.get(i), columns));
        }
        var cards = columns.containsKey("card number");
        return new Read(
                parsed,
                new SyncOptions(
                        false,
                        columns.containsKey("building codes"),
                        cards,
                        cards && columns.containsKey("valid until")));
    }

    private static Map<String, Integer> header(String[] names) {
        var columns = new HashMap<String, Integer>();
        for (var i = 0; i < names.length; i++) {
            var name = normalised(names[i]);
            for (var column : COLUMNS) {
                if (normalised(column).equals(name)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        var missing =
                REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableImportException("the header row lacks " + String.join(", ", missing)
                    + "; expected columns: " + String.join(", ", COLUMNS));
        }
        return columns;
    }

    private static ParsedRow row(int rowNumber, String[] cells, Map<String, Integer> columns) {
        try {
            var buildings = cell(cells, columns, "building codes");
            var validUntil = cell(cells, columns, "valid until");
            return ParsedRow.of(new OnboardingRow(
                    rowNumber,
                    cell(cells, columns, "employee number"),
                    cell(cells, columns, "given name"),
                    cell(cells, columns, "family name"),
                    cell(cells, columns, "email"),
                    cell(cells, columns, "department"),
                    buildings == null
                            ? List.of()
                            : Arrays.stream(buildings.split("[;|]"))
                                    .map(String::strip)
                                    .filter(code -> !code.isEmpty())
                                    .toList(),
                    cell(cells, columns, "card number"),
                    validUntil == null || validUntil.isBlank() ? null : date(validUntil)));
        } catch (InvalidFieldException invalid) {
            return ParsedRow.unreadable(
                    rowNumber,
                    invalid.getMessage(),
                    new RowPerson(
                            cell(cells, columns, "employee number"),
                            cell(cells, columns, "given name"),
                            cell(cells, columns, "family name")));
        }
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String column) {
        var index = columns.get(column);
        return index == null || index >= cells.length ? null : cells[index];
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("validUntil", "must be a date such as 2027-03-31");
        }
    }

    private static String normalised(String name) {
        return name.replaceAll("[\\s_\\-]", "").replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableImportException("not UTF-8 text; export the CSV as UTF-8");
        }
    }
}
