package io.badgeflow.aws.archive;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The archive's object keys: {@code events/date=<yyyy-MM-dd>/hour=<HH>/<shardId>-<first>-<last>.jsonl.gz}, the
 * partition from the event's time (UTC), the name from the consumer batch (its shard and its first and last
 * sequence numbers). The name depends on nothing but the batch, so storing a batch again overwrites it; the
 * partitions are the prefixes a time range is listed by (Hive style, so Athena or Glue can read them as columns).
 */
public final class ArchiveKeys {

    public static final String ROOT = "events/";
    public static final String SUFFIX = ".jsonl.gz";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(.+)-([0-9]+)-([0-9]+)" + Pattern.quote(SUFFIX));

    /** Listing order within an hour partition: shard, then first sequence number as a number. */
    static final Comparator<String> ARCHIVE_ORDER =
            Comparator.comparing(ArchiveKeys::shardOf).thenComparing(ArchiveKeys::firstSequenceOf);

    private ArchiveKeys() {}

    /** The hour partition an event at {@code at} belongs to, e.g. {@code events/date=2026-12-06/hour=07/}. */
    public static String hourPrefix(Instant at) {
        return ROOT + "date=" + DATE.format(at) + "/hour=" + HOUR.format(at) + "/";
    }

    /** The key of one batch's events of one hour. */
    public static String key(Instant hour, String shardId, String firstSequence, String lastSequence) {
        if (shardId == null || !shardId.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new IllegalArgumentException("not a shard id: " + shardId);
        }
        return hourPrefix(hour) + shardId + "-" + firstSequence + "-" + lastSequence + SUFFIX;
    }

    /** The start of the hour of {@code at}. */
    static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static String shardOf(String key) {
        var name = NAME.matcher(fileName(key));
        return name.matches() ? name.group(1) : fileName(key);
    }

    private static BigInteger firstSequenceOf(String key) {
        var name = NAME.matcher(fileName(key));
        return name.matches() ? new BigInteger(name.group(2)) : BigInteger.ZERO;
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
