package io.badgeflow.cardevents.onboarding;

import io.badgeflow.model.onboarding.ImportSummary;

/** Port: what an import that finished tells the operators' metrics (docs/operations.md, "Metrics"). */
public interface ImportMeter {

    /** An import that finished in this invocation; publishing must never fail the import (it is recorded). */
    void finished(ImportSummary summary);
}
