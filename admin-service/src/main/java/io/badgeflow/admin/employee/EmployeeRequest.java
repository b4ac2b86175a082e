package io.badgeflow.admin.employee;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/employees} and {@code PUT /api/v1/employees/{id}}: the person's data, whole. */
record EmployeeRequest(
        @NotBlank @Size(max = 64) String employeeNumber,
        @NotBlank @Size(max = 128) String givenName,
        @NotBlank @Size(max = 128) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 128) String department) {}
