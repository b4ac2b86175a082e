package io.badgeflow.cardevents.release;

/** A published version failed its smoke invoke, so it was not made live; the reason travels to the DLQ record. */
class ReleaseRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReleaseRefusedException(String message) {
        super(message);
    }
}
