package io.badgeflow.admin.aws;

import io.badgeflow.admin.user.StaffRole;
import io.badgeflow.admin.user.StaffUser;
import io.badgeflow.admin.user.UserConflictException;
import io.badgeflow.admin.user.UserDirectory;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.InvalidFieldException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The staff users of the user pool through its admin API (the task role's {@code cognito-idp:Admin*} and list
 * permissions on this pool only). Roles are read from the three groups; a user in several has the strongest.
 */
final class CognitoUserDirectory implements UserDirectory {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%*+-=?@^_";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final SecureRandom random = new SecureRandom();

    CognitoUserDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public List<StaffUser> list() {
        var roles = roles();
        var users = new ArrayList<StaffUser>();
        cognito.listUsersPaginator(request -> request.userPoolId(userPoolId))
                .users()
                .forEach(user -> users.add(staffUser(
                        user.username(),
                        user.attributes(),
                        roles.get(user.username()),
                        user.userStatusAsString(),
                        Boolean.TRUE.equals(user.enabled()),
                        user.userCreateDate())));
        return users;
    }

    @Override
    public Optional<StaffUser> find(String username) {
        try {
            var user = cognito.adminGetUser(
                    request -> request.userPoolId(userPoolId).username(username));
            StaffRole role = null;
            for (var group : cognito.adminListGroupsForUser(
                            request -> request.userPoolId(userPoolId).username(user.username()))
                    .groups()) {
                role = stronger(role, StaffRole.ofGroup(group.groupName()));
            }
            return Optional.of(staffUser(
                    user.username(),
                    user.userAttributes(),
                    role,
                    user.userStatusAsString(),
                    Boolean.TRUE.equals(user.enabled()),
                    user.userCreateDate()));
        } catch (UserNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public StaffUser invite(String email, StaffRole role) {
        UserType created;
        try {
            created = cognito.adminCreateUser(request -> request.userPoolId(userPoolId)
                            .username(email)
                            .userAttributes(
                                    AttributeType.builder()
                                            .name("email")
                                            .value(email)
                                            .build(),
                                    AttributeType.builder()
                                            .name("email_verified")
                                            .value("true")
                                            .build())
                            // Ours, not the pool's: it meets the pool's policy everywhere (the emulator's own
                            // is shorter). The pool emails it; it is never returned or logged.
                            .temporaryPassword(temporaryPassword())
                            .desiredDeliveryMediums(DeliveryMediumType.EMAIL))
                    .user();
        } catch (UsernameExistsException exists) {
            throw new UserConflictException("A user " + email + " exists already.");
        } catch (InvalidParameterException refused) {
            // The pool's own rules for a username or an email address, in its words.
            throw new InvalidFieldException("email", refused.awsErrorDetails().errorMessage());
        }
        cognito.adminAddUserToGroup(request ->
                request.userPoolId(userPoolId).username(created.username()).groupName(role.group()));
        return staffUser(
                created.username(),
                created.attributes(),
                role,
                created.userStatusAsString(),
                Boolean.TRUE.equals(created.enabled()),
                created.userCreateDate());
    }

    @Override
    public void setRole(String username, StaffRole role) {
        try {
            cognito.adminAddUserToGroup(
                    request -> request.userPoolId(userPoolId).username(username).groupName(role.group()));
            for (var other : StaffRole.values()) {
                if (other != role) {
                    cognito.adminRemoveUserFromGroup(request ->
                            request.userPoolId(userPoolId).username(username).groupName(other.group()));
                }
            }
        } catch (UserNotFoundException absent) {
            throw NotFound.of("user", username);
        }
    }

    @Override
    public void disable(String username) {
        try {
            cognito.adminDisableUser(request -> request.userPoolId(userPoolId).username(username));
            // Disabling stops new sign-ins; the global sign-out also revokes the refresh tokens of open sessions.
            cognito.adminUserGlobalSignOut(
                    request -> request.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException absent) {
            throw NotFound.of("user", username);
        }
    }

    @Override
    public void enable(String username) {
        try {
            cognito.adminEnableUser(request -> request.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException absent) {
            throw NotFound.of("user", username);
        }
    }

    /** username -> strongest role, from the three groups. */
    private Map<String, StaffRole> roles() {
        var roles = new HashMap<String, StaffRole>();
        for (var role : StaffRole.values()) {
            cognito.listUsersInGroupPaginator(
                            request -> request.userPoolId(userPoolId).groupName(role.group()))
                    .users()
                    .forEach(user -> roles.merge(user.username(), role, CognitoUserDirectory::stronger));
        }
        return roles;
    }

    private static StaffRole stronger(StaffRole a, StaffRole b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static StaffUser staffUser(
            String username,
            List<AttributeType> attributes,
            StaffRole role,
            String status,
            boolean enabled,
            java.time.Instant created) {
        String sub = null;
        String email = null;
        for (var attribute : attributes) {
            switch (attribute.name()) {
                case "sub" -> sub = attribute.value();
                case "email" -> email = attribute.value();
                default -> {
                    // not shown
                }
            }
        }
        return new StaffUser(username, sub != null ? sub : username, email, role, status, enabled, created);
    }

    /** 24 characters, each class of the pool's policy at least once. */
    private String temporaryPassword() {
        var all = UPPER + LOWER + DIGITS + SYMBOLS;
        var chars = new ArrayList<Character>();
        for (var pool : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pool.charAt(random.nextInt(pool.length())));
        }
        while (chars.size() < 24) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(chars, random);
        var password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }
}
