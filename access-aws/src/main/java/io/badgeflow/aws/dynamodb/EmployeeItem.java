package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** Row of the employees table (the back-office store issue extends it to every field of Employee); mutable because the Enhanced Client maps beans, not records. */
@DynamoDbBean
public class EmployeeItem {

    private String employeeId;
    private String employeeNumber;
    private String givenName;
    private String familyName;
    private String email;
    private String department;
    private String status;
    private Instant registeredAt;
    private String registeredBy;

    static EmployeeItem from(Employee employee) {
        var item = new EmployeeItem();
        item.employeeId = employee.employeeId();
        item.employeeNumber = employee.employeeNumber();
        item.givenName = employee.givenName();
        item.familyName = employee.familyName();
        item.email = employee.email();
        item.department = employee.department();
        item.status = employee.status().name();
        item.registeredAt = employee.registeredAt();
        item.registeredBy = employee.registeredBy();
        return item;
    }

    Employee toEmployee() {
        return new Employee(employeeId, employeeNumber, givenName, familyName, email, department,
                EmployeeStatus.valueOf(status), null, java.util.List.of(), registeredAt, registeredBy, registeredAt, 1);
    }

    @DynamoDbPartitionKey
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public void setRegisteredBy(String registeredBy) {
        this.registeredBy = registeredBy;
    }
}
