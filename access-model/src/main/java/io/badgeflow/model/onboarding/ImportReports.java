package io.badgeflow.model.onboarding;

import java.util.List;

/** Port: writes an import's per-row report where the back office can download it, and says where. */
public interface ImportReports {

    String write(String importId, List<RowResult> results);
}
