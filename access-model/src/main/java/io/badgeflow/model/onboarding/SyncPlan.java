package io.badgeflow.model.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An HR sync's dry run: one {@link PlanRow} per file row (in file order), then one per offboarding. Its {@link
 * PlanCounts#fingerprint() fingerprint} is a hash of every row's action, person and changes, so two plans with the
 * same fingerprint do the same thing: the file applied to the people as they were.
 */
public record SyncPlan(List<PlanRow> rows, PlanCounts counts) {

    public SyncPlan {
        rows = List.copyOf(rows);
        Objects.requireNonNull(counts, "counts");
    }

    static SyncPlan of(List<PlanRow> rows, int activePeople, double maxOffboardShare, boolean fullExport) {
        int create = 0, update = 0, offboard = 0, unchanged = 0, rejected = 0;
        for (var row : rows) {
            switch (row.action()) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case OFFBOARD -> offboard++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        var limit = (int) Math.floor(activePeople * maxOffboardShare);
        return new SyncPlan(
                rows,
                new PlanCounts(
                        create,
                        update,
                        offboard,
                        unchanged,
                        rejected,
                        activePeople,
                        limit,
                        fullExport,
                        fingerprint(rows, fullExport)));
    }

    private static String fingerprint(List<PlanRow> rows, boolean fullExport) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((fullExport ? "full\n" : "partial\n").getBytes(StandardCharsets.UTF_8));
            for (var row : rows) {
                var line = row.rowNumber() + "\u001f" + row.action() + "\u001f" + row.employeeNumber() + "\u001f"
                        + row.employeeId() + "\u001f" + row.reason() + "\u001f"
                        + (row.known() == null ? "" : row.known().version()) + "\u001f" + row.changeText() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
