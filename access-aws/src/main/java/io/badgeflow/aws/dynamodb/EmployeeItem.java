package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * Row of the employees table: one employee, with the two attributes of the {@code byName} index that lists
 * employees by family then given name. Only employee rows carry {@code listKey}, so the employee-number claims
 * kept in the same table stay out of that index; an erased employee has no name and leaves it too. An offboarded
 * employee also carries {@code offboardedKey} and {@code offboardedAt}, the sparse {@code byOffboarded} index the
 * retention sweep pages through (oldest offboarding first); erasure removes both. A visitor or contractor also
 * carries {@code affiliationKind} and {@code affiliationUntilKey}, the keys of the sparse {@code byAffiliation}
 * index reception lists them from (an offboarded or erased one leaves it); a row without {@code affiliationKind} (every row written before there were
 * visitors) is an employee. Mutable because the Enhanced Client maps beans, not records.
 */
@DynamoDbBean
public class EmployeeItem {

    static final TableSchema<EmployeeItem> SCHEMA = TableSchema.fromBean(EmployeeItem.class);
    static final String BY_NAME = "byName";
    static final String LIST_KEY = "EMPLOYEE";
    static final String BY_OFFBOARDED = "byOffboarded";
    static final String OFFBOARDED_KEY = "OFFBOARDED";
    static final String BY_AFFILIATION = "byAffiliation";

    private String employeeId;
    private String employeeNumber;
    private String givenName;
    private String familyName;
    private String email;
    private String department;
    private String status;
    private String currentCardId;
    private List<String> cardIds;
    private Instant registeredAt;
    private String registeredBy;
    private Instant updatedAt;
    private Long version;
    private String listKey;
    private String sortName;
    private String offboardedKey;
    private Instant offboardedAt;
    private String affiliationKind;
    private String company;
    private String hostEmployeeId;
    private LocalDate affiliationFrom;
    private LocalDate affiliationUntil;
    private String affiliationUntilKey;

    /** The row of an employee without an offboarding time (tests, fixtures); see {@link #from(Employee, Instant)}. */
    static EmployeeItem from(Employee employee) {
        return from(employee, employee.updatedAt());
    }

    /**
     * The row of {@code employee} as written by a command that finished at {@code writtenAt}: an OFFBOARDED
     * employee's {@code offboardedAt} is that time (a later write to the offboarded record, e.g. a card of theirs
     * taken back into stock, moves it later, so retention never ends early).
     */
    static EmployeeItem from(Employee employee, Instant writtenAt) {
        var item = new EmployeeItem();
        item.employeeId = employee.employeeId();
        item.employeeNumber = employee.employeeNumber();
        item.givenName = employee.givenName();
        item.familyName = employee.familyName();
        item.email = employee.email();
        item.department = employee.department();
        item.status = employee.status().name();
        item.currentCardId = employee.currentCardId();
        item.cardIds = employee.cardIds();
        item.registeredAt = employee.registeredAt();
        item.registeredBy = employee.registeredBy();
        item.updatedAt = employee.updatedAt();
        item.version = employee.version();
        if (employee.status() != EmployeeStatus.ERASED) {
            item.listKey = LIST_KEY;
            item.sortName = sortName(employee.familyName(), employee.givenName()) + "#" + employee.employeeId();
        }
        if (employee.status() == EmployeeStatus.OFFBOARDED) {
            item.offboardedKey = OFFBOARDED_KEY;
            item.offboardedAt = writtenAt;
        }
        var affiliation = employee.affiliation();
        if (!affiliation.isEmployee()) {
            item.affiliationKind = affiliation.kind().name();
            item.company = affiliation.company();
            item.hostEmployeeId = affiliation.hostEmployeeId();
            item.affiliationFrom = affiliation.validFrom();
            item.affiliationUntil = affiliation.validUntil();
            // In the index only while the person may still come: reception lists nobody offboarded, and the
            // retention run then never reads the whole history of past visits again.
            if (employee.status() == EmployeeStatus.ACTIVE || employee.status() == EmployeeStatus.INACTIVE) {
                item.affiliationUntilKey = untilKey(affiliation.validUntil(), employee.employeeId());
            }
        }
        return item;
    }

    /**
     * The key the index sorts on: the lowercase name in natural order ({@link NaturalKey}: Person 2 before Person
     * 10); a family-name prefix, lowercased and encoded the same way, is a prefix of it.
     */
    static String sortName(String familyName, String givenName) {
        return NaturalKey.of(plainName(familyName, givenName));
    }

    /** The lowercase name as written, which a search prefix ending in digits is matched on. */
    static String plainName(String familyName, String givenName) {
        return lowercase(familyName + " " + givenName);
    }

    /** ISO dates sort as text in date order; the id makes the key unique. */
    static String untilKey(LocalDate until, String employeeId) {
        return until + "#" + employeeId;
    }

    static String lowercase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    Employee toEmployee() {
        return new Employee(
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department,
                EmployeeStatus.valueOf(status),
                currentCardId,
                cardIds,
                registeredAt,
                registeredBy,
                updatedAt == null ? registeredAt : updatedAt,
                version == null ? 1 : version,
                affiliation());
    }

    private Affiliation affiliation() {
        if (affiliationKind == null) {
            return Affiliation.EMPLOYEE;
        }
        return new Affiliation(
                Affiliation.Kind.valueOf(affiliationKind), company, hostEmployeeId, affiliationFrom, affiliationUntil);
    }

    /** Whether this row is an employee, not a claim that shares the table. */
    boolean isEmployee() {
        return status != null;
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

    public String getCurrentCardId() {
        return currentCardId;
    }

    public void setCurrentCardId(String currentCardId) {
        this.currentCardId = currentCardId;
    }

    public List<String> getCardIds() {
        return cardIds;
    }

    public void setCardIds(List<String> cardIds) {
        this.cardIds = cardIds;
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

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_NAME)
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_NAME)
    public String getSortName() {
        return sortName;
    }

    public void setSortName(String sortName) {
        this.sortName = sortName;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_OFFBOARDED)
    public String getOffboardedKey() {
        return offboardedKey;
    }

    public void setOffboardedKey(String offboardedKey) {
        this.offboardedKey = offboardedKey;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_OFFBOARDED)
    @DynamoDbConvertedBy(SortableInstantConverter.class)
    public Instant getOffboardedAt() {
        return offboardedAt;
    }

    public void setOffboardedAt(Instant offboardedAt) {
        this.offboardedAt = offboardedAt;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_AFFILIATION)
    public String getAffiliationKind() {
        return affiliationKind;
    }

    public void setAffiliationKind(String affiliationKind) {
        this.affiliationKind = affiliationKind;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_AFFILIATION)
    public String getAffiliationUntilKey() {
        return affiliationUntilKey;
    }

    public void setAffiliationUntilKey(String affiliationUntilKey) {
        this.affiliationUntilKey = affiliationUntilKey;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getHostEmployeeId() {
        return hostEmployeeId;
    }

    public void setHostEmployeeId(String hostEmployeeId) {
        this.hostEmployeeId = hostEmployeeId;
    }

    public LocalDate getAffiliationFrom() {
        return affiliationFrom;
    }

    public void setAffiliationFrom(LocalDate affiliationFrom) {
        this.affiliationFrom = affiliationFrom;
    }

    public LocalDate getAffiliationUntil() {
        return affiliationUntil;
    }

    public void setAffiliationUntil(LocalDate affiliationUntil) {
        this.affiliationUntil = affiliationUntil;
    }
}
