package io.badgeflow.accessstream.simulator;

/** What kind of day the simulator plays. */
public enum Profile {
    /** People come and go at random through every door; a few denials. */
    NORMAL_DAY,
    /** Almost everyone arrives; entries only until all are in, then a trickle of exits. */
    MORNING_RUSH,
    /** Everyone enters, then everyone leaves within the evacuation window; ends when the building is empty. */
    EVACUATION,
    /** Unknown cards, revoked cards, tailgating re-entries and forced doors among regular passages. */
    MISUSE
}
