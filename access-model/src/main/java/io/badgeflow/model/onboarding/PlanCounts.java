package io.badgeflow.model.onboarding;

/**
 * What a plan would do, counted, and whether it stays within the safety limit.
 *
 * @param activePeople the ACTIVE people when the plan was made, which the limit is a share of
 * @param offboardLimit the most people the plan may offboard without an override
 * @param fingerprint names the plan's content: a confirmation applies the plan with this fingerprint and no other
 */
public record PlanCounts(
        int create,
        int update,
        int offboard,
        int unchanged,
        int rejected,
        int activePeople,
        int offboardLimit,
        boolean fullExport,
        String fingerprint) {

    public boolean limitExceeded() {
        return offboard > offboardLimit;
    }
}
