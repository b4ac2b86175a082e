package io.badgeflow.model.onboarding;

import java.util.List;

/**
 * Port: everyone an HR sync reconciles a file against, read in one pass (strongly consistent): the employees who
 * are ACTIVE or INACTIVE (offboarded ones have released their number; visitors and contractors are no HR
 * export's business), each with their current card and granted buildings.
 */
public interface Roster {

    List<KnownPerson> everyone();
}
