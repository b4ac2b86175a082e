package io.badgeflow.admin.erasure;

import io.badgeflow.admin.web.ApiPatterns;
import io.badgeflow.model.command.EraseEmployee;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/employees/{id}/erasure}: why the person's data is erased. Kept for good in the
 * admin audit chain, so it says why (a ticket, a request), never whom.
 */
record ErasureRequest(
        @NotBlank
        @Size(max = EraseEmployee.MAX_REASON_LENGTH)
        @Pattern(regexp = ApiPatterns.NON_BLANK_TEXT, message = ApiPatterns.NON_BLANK_TEXT_MESSAGE)
        String reason) {}
