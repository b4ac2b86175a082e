package io.badgeflow.model.onboarding;

import java.util.List;

/**
 * Port: writes an import's plan (the dry run) and its per-row report where the back office can download them, and
 * says where. Writing either again replaces it.
 */
public interface ImportReports {

    String write(String importId, List<RowResult> results);

    String writePlan(String importId, SyncPlan plan);
}
