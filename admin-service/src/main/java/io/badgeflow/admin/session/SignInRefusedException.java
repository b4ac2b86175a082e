package io.badgeflow.admin.session;

/** The pool refused the credentials or the refresh token; the message is safe to show (no user enumeration). */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
