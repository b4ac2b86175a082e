package io.badgeflow.aws.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.OnboardingRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the examples in {@code docs/contracts.md} true: every fenced block there carries a
 * {@code <!-- contract: KIND -->} line before it, every command and door-event example is read by the codec the
 * functions use and written back to the same JSON, and each message type has exactly one example.
 */
class ContractExamplesTests {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*contract:\\s*([a-z-]+)\\s*-->");
    private static final JsonMapper TREES = JsonMapper.builder().build();

    private static List<Example> examples;

    /** One fenced block of the document: its kind, its fence language, its text and the line it starts on. */
    record Example(String kind, String language, String text, int line) {

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void readTheDocument() throws IOException {
        examples = examples(Files.readAllLines(contracts(), StandardCharsets.UTF_8));
    }

    @Test
    void tagsEveryFencedBlockWithItsKind() {
        assertThat(examples).isNotEmpty();
        assertThat(examples)
                .filteredOn(e -> e.kind() == null)
                .as("fenced blocks without a <!-- contract: KIND --> line right before them")
                .isEmpty();
        assertThat(examples)
                .extracting(Example::kind)
                .allMatch(kind -> List.of("command", "door-event", "alarm", "json", "import-csv", "text")
                        .contains(kind));
        assertThat(examples)
                .filteredOn(
                        e -> List.of("command", "door-event", "alarm", "json").contains(e.kind()))
                .allSatisfy(e -> assertThat(e.language())
                        .as("block at line %d", e.line())
                        .isEqualTo("json"));
    }

    @Test
    void showsEveryCommandExactlyOnce() {
        var types = examples("command").stream()
                .map(e -> command(e).type())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));

        assertThat(types).containsOnlyKeys(simpleNames(Command.class.getPermittedSubclasses()));
        assertThat(types).allSatisfy((type, count) -> assertThat(count).as(type).isOne());
    }

    @Test
    void everyCommandExampleReadsAndWritesBackToTheSameJson() {
        for (var example : examples("command")) {
            var command = command(example);

            assertThat(tree(MessageJson.write(command)))
                    .as("%s at line %d", command.type(), example.line())
                    .isEqualTo(tree(example.bytes()));
            assertThat(MessageJson.readCommand(MessageJson.write(command))).isEqualTo(command);
        }
    }

    @Test
    void showsEveryDoorEventExactlyOnce() {
        var types = examples("door-event").stream()
                .map(e -> doorEvent(e).getClass().getSimpleName())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));

        assertThat(types).containsOnlyKeys(simpleNames(DoorEvent.class.getPermittedSubclasses()));
        assertThat(types).allSatisfy((type, count) -> assertThat(count).as(type).isOne());
    }

    @Test
    void everyDoorEventExampleReadsAndWritesBackToTheSameJson() {
        for (var example : examples("door-event")) {
            var event = doorEvent(example);

            assertThat(tree(MessageJson.write(event)))
                    .as("door event at line %d", example.line())
                    .isEqualTo(tree(example.bytes()));
        }
    }

    @Test
    void theAlarmExampleReadsAndWritesBackToTheSameJson() {
        var example = examples("alarm");
        assertThat(example).hasSize(1);
        var alarm = MessageJson.readAlarm(example.getFirst().bytes());

        assertThat(tree(MessageJson.write(alarm)))
                .isEqualTo(tree(example.getFirst().bytes()));
        assertThat(alarm.alarmId()).isEqualTo(Alarm.idOf(alarm.eventId(), alarm.type()));
    }

    @Test
    void everyOtherJsonExampleIsJson() {
        assertThat(examples("json"))
                .allSatisfy(e -> assertThat(TREES.readTree(e.text())).isNotNull());
    }

    @Test
    void listsEveryRejectionReason() throws IOException {
        var document = Files.readString(contracts(), StandardCharsets.UTF_8);

        assertThat(RejectionReason.values())
                .allSatisfy(reason -> assertThat(document).contains("| `" + reason.name() + "` |"));
    }

    /** The import ids and derived ids the document quotes are the ones the code derives from its example file. */
    @Test
    void quotesTheIdsDerivedFromTheExampleImportFile() throws IOException {
        var files = examples("import-csv");
        assertThat(files).hasSize(1);
        var importId =
                ImportId.ofDrop("imports/hr-2026-03.csv", files.getFirst().bytes());
        var document = Files.readString(contracts(), StandardCharsets.UTF_8);
        var first = new OnboardingRow(
                1,
                "E-10231",
                "Grace",
                "Hopper",
                "grace.hopper@example.com",
                "Engineering",
                List.of("HQ-LON", "DC-AMS"),
                "04C1D2E3F4A5B6",
                LocalDate.parse("2027-03-31"));

        var commands = first.commands(importId, "imports-bucket", Instant.parse("2026-03-02T09:30:00Z"));

        assertThat(document).contains(importId, first.employeeId(importId));
        assertThat(commands)
                .extracting(Command::commandId)
                .allSatisfy(id -> assertThat(document).contains(id));
        assertThat(commands)
                .filteredOn(IssueCard.class::isInstance)
                .map(IssueCard.class::cast)
                .singleElement()
                .satisfies(card -> assertThat(document)
                        .contains(card.cardId(), card.validUntil().toString()));
    }

    private static Command command(Example example) {
        try {
            return MessageJson.readCommand(example.bytes());
        } catch (UnreadableMessageException e) {
            throw new AssertionError(
                    "the command example at line " + example.line() + " does not read: " + e.getMessage(), e);
        }
    }

    private static DoorEvent doorEvent(Example example) {
        try {
            return MessageJson.readDoorEvent(example.bytes());
        } catch (UnreadableMessageException e) {
            throw new AssertionError(
                    "the door event example at line " + example.line() + " does not read: " + e.getMessage(), e);
        }
    }

    private static List<Example> examples(String kind) {
        var found = examples.stream().filter(e -> kind.equals(e.kind())).toList();
        assertThat(found).as("examples of kind %s", kind).isNotEmpty();
        return found;
    }

    private static List<Example> examples(List<String> lines) {
        var found = new ArrayList<Example>();
        String pendingKind = null;
        for (var i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                pendingKind = marker.group(1);
                continue;
            }
            if (line.startsWith("```") && line.length() > 3) {
                var language = line.substring(3).strip();
                var text = new StringBuilder();
                var start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                found.add(new Example(pendingKind, language, text.toString(), start));
                pendingKind = null;
                continue;
            }
            if (line.startsWith("```")) {
                throw new IllegalStateException("line " + (i + 1) + ": a fenced block must name its language");
            }
            if (!line.isBlank()) {
                pendingKind = null;
            }
        }
        return found;
    }

    /**
     * The JSON as a tree; schedule days are a set, which the codec writes in no fixed order, so they are compared
     * sorted.
     */
    private static JsonNode tree(byte[] json) {
        var tree = TREES.readTree(json);
        if (tree.get("schedule") instanceof ObjectNode schedule && schedule.get("days") instanceof ArrayNode days) {
            var sorted = schedule.putArray("days");
            days.valueStream().map(JsonNode::asString).sorted().forEach(sorted::add);
        }
        return tree;
    }

    private static String[] simpleNames(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).toArray(String[]::new);
    }

    /**
     * docs/contracts.md of this checkout: under {@code badgeflow.repo.root} when the build sets it, else in the
     * nearest directory above the working directory that holds {@code mvnw}.
     */
    private static Path contracts() {
        var configured = System.getProperty("badgeflow.repo.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "docs", "contracts.md"))) {
            return Path.of(configured, "docs", "contracts.md");
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("docs").resolve("contracts.md");
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
}
