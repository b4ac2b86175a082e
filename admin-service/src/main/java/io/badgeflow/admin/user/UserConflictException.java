package io.badgeflow.admin.user;

/** A user change that cannot be made as asked (the user exists, the last admin would go); answered 409. */
public class UserConflictException extends RuntimeException {

    public UserConflictException(String message) {
        super(message);
    }
}
