package io.badgeflow.admin.session;

/**
 * The pool refused one answer of a sign-in step (a wrong code, a password its policy refuses); the step can be
 * tried again. Answered 400 naming the field.
 */
public class SignInInputException extends RuntimeException {

    private final String field;

    public SignInInputException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
