package io.badgeflow.admin.people;

import java.util.Collection;
import java.util.Map;

/**
 * Port: the names of back-office users. Commands, grants and audit entries record who acted by the Cognito
 * {@code sub} of their token (an id that never changes); a screen shows the person's name, or their username or
 * email when the pool has no name for them.
 */
public interface StaffDirectory {

    /**
     * The display name of each subject that names a known user; subjects that are no user (a departed one,
     * {@code imports-bucket}) are left out, so the caller shows the subject itself.
     */
    Map<String, String> displayNames(Collection<String> subjects);
}
