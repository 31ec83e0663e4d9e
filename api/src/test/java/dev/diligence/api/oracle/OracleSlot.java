package dev.diligence.api.oracle;

import java.util.HashMap;
import java.util.Map;

/**
 * One place where an operation takes a global ID: every query and mutation argument, filter field
 * or input field of type ID. The variables around the ID are otherwise valid, so that with an ID
 * the caller could see, the operation would succeed (the sanity probes prove it): the only thing a
 * probe varies is whose ID it sends.
 */
enum OracleSlot {

    NODE("oracleNode", "node", null, Access.READER, null),
    FUND("oracleFund", "fund", "Fund", Access.READER, null),
    COMPANY("oracleCompany", "company", "Company", Access.READER, null),
    COMPANIES_FILTER_FUND_ID("oracleCompanies", "companies", "Fund", Access.READER, null),
    AUDIT_EVENTS_FILTER_ENTITY_ID("oracleAuditEvents", "auditEvents", null, Access.TENANT_ADMIN, null),
    FUND_ACCESS_GRANTS_FUND_ID("oracleFundAccessGrants", "fundAccessGrants", "Fund", Access.TENANT_ADMIN, null),
    UPDATE_FUND("oracleUpdateFund", "updateFund", "Fund", Access.TENANT_ADMIN, "id"),
    ARCHIVE_FUND("oracleArchiveFund", "archiveFund", "Fund", Access.TENANT_ADMIN, "id"),
    UPDATE_COMPANY("oracleUpdateCompany", "updateCompany", "Company", Access.COMPANY_WRITER, "id"),
    ARCHIVE_COMPANY("oracleArchiveCompany", "archiveCompany", "Company", Access.COMPANY_WRITER, "id"),
    ADD_HOLDING_FUND_ID("oracleAddHolding", "addHolding", "Fund", Access.TENANT_ADMIN, "fundId"),
    ADD_HOLDING_COMPANY_ID("oracleAddHolding", "addHolding", "Company", Access.TENANT_ADMIN, "companyId"),
    UPDATE_HOLDING("oracleUpdateHolding", "updateHolding", "Holding", Access.TENANT_ADMIN, "id"),
    REMOVE_HOLDING("oracleRemoveHolding", "removeHolding", "Holding", Access.TENANT_ADMIN, "id"),
    GRANT_FUND_ACCESS("oracleGrantFundAccess", "grantFundAccess", "Fund", Access.TENANT_ADMIN, "fundId"),
    REVOKE_FUND_ACCESS("oracleRevokeFundAccess", "revokeFundAccess", "Fund", Access.TENANT_ADMIN, "fundId");

    /** The {@code @PreAuthorize} rule of the service behind the operation. */
    enum Access {
        READER, COMPANY_WRITER, TENANT_ADMIN
    }

    /**
     * What surrounds the probed ID in a request: the expected version of the object the ID names (the
     * target's real version, sent unchanged with the random control ID), the subject to revoke (the
     * target fund's real grantee), a fund and a company the caller can see for the other half of
     * {@code addHolding}, a subject with no grant yet, and a text unique to the probe.
     */
    record Inputs(long expectedVersion, String grantee, String visibleFund, String visibleCompany, String newcomer, String nonce) {
    }

    private final String document;
    private final String field;
    private final String expectedType;
    private final Access access;
    private final String inputField;

    OracleSlot(String document, String field, String expectedType, Access access, String inputField) {
        this.document = document;
        this.field = field;
        this.expectedType = expectedType;
        this.access = access;
        this.inputField = inputField;
    }

    /** Name of the document under {@code graphql-test/}. */
    String document() {
        return document;
    }

    /** The root field the document selects. */
    String field() {
        return field;
    }

    Access access() {
        return access;
    }

    boolean isMutation() {
        return inputField != null;
    }

    /** The field of {@code input} that carries the ID, as a user error names it; null for queries. */
    String inputField() {
        return inputField;
    }

    /** Whether an ID of {@code typeName} is of the type this slot asks for (node and auditEvents take any type). */
    boolean takesType(String typeName) {
        return expectedType == null || expectedType.equals(typeName);
    }

    /** The request's variables with {@code id} in this slot. */
    Map<String, Object> variables(String id, Inputs in) {
        return switch (this) {
            case NODE, FUND, COMPANY -> Map.of("id", id);
            case COMPANIES_FILTER_FUND_ID, FUND_ACCESS_GRANTS_FUND_ID -> Map.of("fundId", id);
            case AUDIT_EVENTS_FILTER_ENTITY_ID -> Map.of("entityId", id);
            case UPDATE_FUND -> input("id", id, "expectedVersion", in.expectedVersion(), "name", "Oracle renamed " + in.nonce(),
                    "vintageYear", 2022);
            case UPDATE_COMPANY -> input("id", id, "expectedVersion", in.expectedVersion(), "name", "Oracle renamed " + in.nonce(),
                    "employeeCount", 42);
            case ARCHIVE_FUND, ARCHIVE_COMPANY, REMOVE_HOLDING -> input("id", id, "expectedVersion", in.expectedVersion());
            case UPDATE_HOLDING -> input("id", id, "expectedVersion", in.expectedVersion(), "ownershipPercentage", "12.5");
            case ADD_HOLDING_FUND_ID -> input("fundId", id, "companyId", in.visibleCompany(), "dealStage", "SOURCED",
                    "ownershipPercentage", "5");
            case ADD_HOLDING_COMPANY_ID -> input("fundId", in.visibleFund(), "companyId", id, "dealStage", "SOURCED",
                    "ownershipPercentage", "5");
            case GRANT_FUND_ACCESS -> input("fundId", id, "subject", in.newcomer());
            case REVOKE_FUND_ACCESS -> input("fundId", id, "subject", in.grantee());
        };
    }

    private static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("input", input);
    }

    @Override
    public String toString() {
        return field + (inputField == null ? switch (this) {
            case COMPANIES_FILTER_FUND_ID -> "(filter: {fundId})";
            case AUDIT_EVENTS_FILTER_ENTITY_ID -> "(filter: {entityId})";
            case FUND_ACCESS_GRANTS_FUND_ID -> "(fundId)";
            default -> "(id)";
        } : "(input: {" + inputField + "})");
    }
}
