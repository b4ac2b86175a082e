package io.badgeflow.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The 404 of the read side, as problem+json through {@code ApiProblems}. */
public final class NotFound {

    private NotFound() {}

    public static ResponseStatusException of(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no " + what + " " + id + ".");
    }
}
