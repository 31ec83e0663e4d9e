package dev.diligence.api.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.limits.CallerBudget;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The data of the oracle probes, made fresh for the class. Firm A (the callers' firm) has a fund
 * granted to its fund manager and one that is not, companies held by either, both or neither, a
 * grant of each fund, and objects of its own for the sanity probes. Firm B has objects of every
 * type and state. Some targets were changed once, so that their expected versions are not 0.
 * <pre>
 * firm A   Granted Fund (granted to fund-manager@A): Alpha, Charlie
 *          Other Fund   (granted to analyst@A):      Bravo, Charlie      Delta: in no fund
 * firm B   Bravo Fund   (granted to fund-manager@B): Echo                Foxtrot: in no fund
 *          Archived Fund                                                 Golf: archived
 * assessments  Alpha: a published one and a high-risk draft with an assessor finding and a rule finding (visible)
 *              Bravo: a high-risk draft with evidence, an assessor finding (changed once) and a rule finding
 *              Echo:  a published one, and a high-risk draft with evidence, an assessor finding (changed once) and a rule finding
 * </pre>
 * Besides: firm B's tenant ID, an audit event of each firm, and firm A's objects for the sanity probes.
 */
final class OracleWorld {

    /** Objects of firm A that the probing callers can see; each mutating sanity probe has its own. */
    enum Visible {
        GRANTED_FUND,
        GRANTED_HOLDING,
        SHARED_COMPANY,
        FUND_TO_UPDATE,
        FUND_TO_ARCHIVE,
        COMPANY_TO_UPDATE,
        COMPANY_TO_ARCHIVE,
        COMPANY_TO_UPDATE_BY_ASSESSOR,
        COMPANY_TO_ARCHIVE_BY_ASSESSOR,
        FUND_TO_ADD_TO,
        COMPANY_TO_ADD,
        HOLDING_TO_UPDATE,
        HOLDING_TO_REMOVE,
        FUND_TO_GRANT,
        FUND_TO_REVOKE,
        ASSESSED_COMPANY,
        VISIBLE_PUBLISHED_ASSESSMENT,
        VISIBLE_DRAFT_ASSESSMENT,
        VISIBLE_FINDING,
        COMPANY_TO_ASSESS,
        COMPANY_TO_ASSESS_BY_ASSESSOR,
        COMPANY_TO_RESTART,
        ASSESSMENT_TO_UPDATE_CONTEXT,
        ASSESSMENT_TO_SCORE,
        ASSESSMENT_TO_SCORE_BY_ASSESSOR,
        ASSESSMENT_TO_ADD_EVIDENCE,
        ASSESSMENT_TO_REMOVE_EVIDENCE,
        ASSESSMENT_TO_SUBMIT,
        ASSESSMENT_TO_SEND_BACK,
        ASSESSMENT_TO_PUBLISH,
        ASSESSMENT_TO_RETRACT,
        ASSESSMENT_TO_RAISE_ON,
        FINDING_TO_UPDATE,
        FINDING_TO_UPDATE_BY_ASSESSOR,
        FINDING_TO_START,
        FINDING_TO_RESOLVE,
        FINDING_TO_ACCEPT,
        FINDING_TO_REOPEN
    }

    final String tenantA;
    final String tenantB;
    private final GraphQlTester adminA;
    private final GraphQlTester assessorA;
    private final GraphQlTester reviewerA;
    private final GraphQlTester adminB;
    private final GraphQlTester assessorB;
    private final GraphQlTester reviewerB;
    private final Map<OracleCaller, String> tokens = new EnumMap<>(OracleCaller.class);
    private final Map<OracleTarget, String> targets = new EnumMap<>(OracleTarget.class);
    private final Map<Visible, String> visible = new EnumMap<>(Visible.class);
    private final Map<String, Long> versions = new LinkedHashMap<>();
    private final Map<String, String> grantees = new LinkedHashMap<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();
    /** The evidence ID sent with an ID that names no assessment with evidence. */
    private final String noEvidence = GlobalId.encode("Evidence", UUID.randomUUID());

    private OracleWorld(Function<String, GraphQlTester> graphQl, String tenantA, String tenantB) {
        this.tenantA = tenantA;
        this.tenantB = tenantB;
        TenantUsers usersOfA = ApiIntegrationTest.usersOf(tenantA);
        tokens.put(OracleCaller.TENANT_ADMIN, usersOfA.tenantAdmin());
        tokens.put(OracleCaller.ASSESSOR, usersOfA.assessor());
        tokens.put(OracleCaller.FUND_MANAGER, usersOfA.fundManager());
        adminA = graphQl.apply(usersOfA.tenantAdmin());
        assessorA = graphQl.apply(usersOfA.assessor());
        reviewerA = graphQl.apply(usersOfA.reviewer());
        TenantUsers usersOfB = ApiIntegrationTest.usersOf(tenantB);
        adminB = graphQl.apply(usersOfB.tenantAdmin());
        assessorB = graphQl.apply(usersOfB.assessor());
        reviewerB = graphQl.apply(usersOfB.reviewer());
    }

    static OracleWorld build(Function<String, GraphQlTester> graphQl, String tenantA, String tenantB) {
        OracleWorld world = new OracleWorld(graphQl, tenantA, tenantB);
        world.firmA();
        world.assessmentsOfFirmA();
        world.firmB();
        world.readVersions();
        return world;
    }

    String token(OracleCaller caller) {
        return tokens.get(caller);
    }

    String id(OracleTarget target) {
        return targets.get(target);
    }

    String id(Visible object) {
        return visible.get(object);
    }

    /**
     * The inputs around an ID: the version, grantee and first evidence item of the object it names,
     * and what the caller can see for the rest.
     */
    OracleSlot.Inputs inputs(String id, String nonce) {
        return new OracleSlot.Inputs(
                versions.getOrDefault(id, 0L),
                grantees.getOrDefault(id, "analyst@" + tenantA),
                visible.get(Visible.GRANTED_FUND),
                companyAlpha,
                "newcomer@" + tenantA,
                nonce,
                visible.get(Visible.VISIBLE_PUBLISHED_ASSESSMENT),
                evidence.getOrDefault(id, noEvidence),
                visible.get(Visible.SHARED_COMPANY));
    }

    private String companyAlpha;

    private void firmA() {
        String granted = fund(adminA, "Granted Fund");
        String other = fund(adminA, "Other Fund");
        companyAlpha = company(adminA, "Alpha");
        String bravo = company(adminA, "Bravo");
        String charlie = company(adminA, "Charlie");
        String delta = company(adminA, "Delta");
        visible.put(Visible.GRANTED_FUND, granted);
        visible.put(Visible.SHARED_COMPANY, charlie);
        visible.put(Visible.GRANTED_HOLDING, holding(adminA, granted, companyAlpha, "INVESTED"));
        holding(adminA, granted, charlie, "DILIGENCE");
        targets.put(OracleTarget.OTHER_FUND, other);
        targets.put(OracleTarget.COMPANY_ONLY_IN_OTHER_FUND, bravo);
        targets.put(OracleTarget.COMPANY_IN_NO_FUND, delta);
        targets.put(OracleTarget.HOLDING_IN_OTHER_FUND, holding(adminA, other, bravo, "DILIGENCE"));
        targets.put(OracleTarget.VISIBLE_COMPANYS_HOLDING_IN_OTHER_FUND, holding(adminA, other, charlie, "SOURCED"));
        grant(adminA, granted, "fund-manager@" + tenantA);
        targets.put(OracleTarget.GRANT_OF_OTHER_FUND, grant(adminA, other, "analyst@" + tenantA));
        grantees.put(other, "analyst@" + tenantA);
        changeFund(adminA, other);
        changeCompany(adminA, bravo);
        changeHolding(adminA, targets.get(OracleTarget.HOLDING_IN_OTHER_FUND));
        targets.put(OracleTarget.AUDIT_EVENT_OF_OTHER_FUND, latestAuditEventOf(adminA, other));

        visible.put(Visible.FUND_TO_UPDATE, fund(adminA, "Sanity Update Fund"));
        visible.put(Visible.FUND_TO_ARCHIVE, fund(adminA, "Sanity Archive Fund"));
        visible.put(Visible.FUND_TO_ADD_TO, fund(adminA, "Sanity Add Fund"));
        visible.put(Visible.FUND_TO_GRANT, fund(adminA, "Sanity Grant Fund"));
        visible.put(Visible.FUND_TO_REVOKE, fund(adminA, "Sanity Revoke Fund"));
        grant(adminA, visible.get(Visible.FUND_TO_REVOKE), "revokee@" + tenantA);
        grantees.put(visible.get(Visible.FUND_TO_REVOKE), "revokee@" + tenantA);
        visible.put(Visible.COMPANY_TO_UPDATE, company(adminA, "Sanity Update Company"));
        visible.put(Visible.COMPANY_TO_ARCHIVE, company(adminA, "Sanity Archive Company"));
        visible.put(Visible.COMPANY_TO_UPDATE_BY_ASSESSOR, company(adminA, "Sanity Assessor Update Company"));
        visible.put(Visible.COMPANY_TO_ARCHIVE_BY_ASSESSOR, company(adminA, "Sanity Assessor Archive Company"));
        visible.put(Visible.COMPANY_TO_ADD, company(adminA, "Sanity Add Company"));
        String holdingsFund = fund(adminA, "Sanity Holdings Fund");
        visible.put(
                Visible.HOLDING_TO_UPDATE, holding(adminA, holdingsFund, company(adminA, "Sanity Echo"), "SOURCED"));
        visible.put(
                Visible.HOLDING_TO_REMOVE, holding(adminA, holdingsFund, company(adminA, "Sanity Foxtrot"), "SOURCED"));
    }

    /**
     * Firm A's assessments and findings: the out-of-scope targets of Bravo, the visible ones of Alpha,
     * and one object per mutating sanity probe. Assessors start, score and submit them and a reviewer
     * publishes them, so that the tenant admin may publish one (four eyes).
     */
    private void assessmentsOfFirmA() {
        String bravo = id(OracleTarget.COMPANY_ONLY_IN_OTHER_FUND);
        String outOfScope = OracleAssessmentSteps.highRiskDraft(assessorA, bravo);
        targets.put(OracleTarget.ASSESSMENT_OF_COMPANY_ONLY_IN_OTHER_FUND, outOfScope);
        String outOfScopeFinding = OracleAssessmentSteps.finding(assessorA, outOfScope, "Bias untested at Bravo");
        OracleAssessmentSteps.changeFinding(assessorA, outOfScopeFinding, "owner@" + tenantA);
        targets.put(OracleTarget.FINDING_OF_COMPANY_ONLY_IN_OTHER_FUND, outOfScopeFinding);
        assertThat(OracleAssessmentSteps.ruleFindings(adminA, outOfScope))
                .as("rule findings of Bravo's draft")
                .containsExactly("RF3");

        visible.put(Visible.ASSESSED_COMPANY, companyAlpha);
        visible.put(
                Visible.VISIBLE_PUBLISHED_ASSESSMENT,
                OracleAssessmentSteps.published(assessorA, reviewerA, companyAlpha));
        String alphaDraft = OracleAssessmentSteps.highRiskDraft(assessorA, companyAlpha);
        visible.put(Visible.VISIBLE_DRAFT_ASSESSMENT, alphaDraft);
        visible.put(
                Visible.VISIBLE_FINDING,
                OracleAssessmentSteps.finding(assessorA, alphaDraft, "Bias untested at Alpha"));

        String assessed = company(adminA, "Sanity Assessed Company");
        visible.put(Visible.COMPANY_TO_ASSESS, company(adminA, "Sanity Company To Assess"));
        visible.put(Visible.COMPANY_TO_ASSESS_BY_ASSESSOR, company(adminA, "Sanity Company To Assess By Assessor"));
        String restart = company(adminA, "Sanity Company To Restart");
        OracleAssessmentSteps.published(assessorA, reviewerA, restart);
        visible.put(Visible.COMPANY_TO_RESTART, restart);
        visible.put(Visible.ASSESSMENT_TO_UPDATE_CONTEXT, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(Visible.ASSESSMENT_TO_SCORE, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(
                Visible.ASSESSMENT_TO_SCORE_BY_ASSESSOR, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(Visible.ASSESSMENT_TO_ADD_EVIDENCE, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(
                Visible.ASSESSMENT_TO_REMOVE_EVIDENCE, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(Visible.ASSESSMENT_TO_SUBMIT, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        visible.put(Visible.ASSESSMENT_TO_SEND_BACK, OracleAssessmentSteps.submitted(assessorA, assessed));
        visible.put(Visible.ASSESSMENT_TO_PUBLISH, OracleAssessmentSteps.submitted(assessorA, assessed));
        visible.put(Visible.ASSESSMENT_TO_RETRACT, OracleAssessmentSteps.published(assessorA, reviewerA, assessed));
        visible.put(Visible.ASSESSMENT_TO_RAISE_ON, OracleAssessmentSteps.scoredDraft(assessorA, assessed, null));
        String findingsDraft = OracleAssessmentSteps.scoredDraft(assessorA, assessed, null);
        visible.put(
                Visible.FINDING_TO_UPDATE, OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity update"));
        visible.put(
                Visible.FINDING_TO_UPDATE_BY_ASSESSOR,
                OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity assessor update"));
        visible.put(Visible.FINDING_TO_START, OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity start"));
        visible.put(
                Visible.FINDING_TO_RESOLVE, OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity resolve"));
        visible.put(
                Visible.FINDING_TO_ACCEPT, OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity accept"));
        String toReopen = OracleAssessmentSteps.finding(assessorA, findingsDraft, "Sanity reopen");
        OracleAssessmentSteps.resolve(assessorA, toReopen, 0);
        visible.put(Visible.FINDING_TO_REOPEN, toReopen);
    }

    private void firmB() {
        String fund = fund(adminB, "Bravo Fund");
        String held = company(adminB, "Echo");
        targets.put(OracleTarget.FOREIGN_FUND, fund);
        targets.put(OracleTarget.FOREIGN_HELD_COMPANY, held);
        targets.put(OracleTarget.FOREIGN_FREE_COMPANY, company(adminB, "Foxtrot"));
        targets.put(OracleTarget.FOREIGN_HOLDING, holding(adminB, fund, held, "DILIGENCE"));
        targets.put(OracleTarget.FOREIGN_GRANT, grant(adminB, fund, "fund-manager@" + tenantB));
        grantees.put(fund, "fund-manager@" + tenantB);
        changeFund(adminB, fund);
        changeCompany(adminB, held);
        changeHolding(adminB, targets.get(OracleTarget.FOREIGN_HOLDING));
        String archivedFund = fund(adminB, "Archived Fund");
        ok(
                adminB.document("mutation($id: ID!) { archiveFund(input: {id: $id}) { userErrors { code } } }")
                        .variable("id", archivedFund)
                        .execute(),
                "archiveFund");
        targets.put(OracleTarget.FOREIGN_ARCHIVED_FUND, archivedFund);
        String archivedCompany = company(adminB, "Golf");
        ok(
                adminB.document("mutation($id: ID!) { archiveCompany(input: {id: $id}) { userErrors { code } } }")
                        .variable("id", archivedCompany)
                        .execute(),
                "archiveCompany");
        targets.put(OracleTarget.FOREIGN_ARCHIVED_COMPANY, archivedCompany);
        targets.put(OracleTarget.FOREIGN_AUDIT_EVENT, latestAuditEventOf(adminB, fund));
        targets.put(
                OracleTarget.FOREIGN_TENANT,
                adminB.document("{ viewer { tenant { id } } }")
                        .execute()
                        .path("viewer.tenant.id")
                        .entity(String.class)
                        .get());
        targets.put(
                OracleTarget.FOREIGN_PUBLISHED_ASSESSMENT, OracleAssessmentSteps.published(assessorB, reviewerB, held));
        String draft = OracleAssessmentSteps.highRiskDraft(assessorB, held);
        targets.put(OracleTarget.FOREIGN_DRAFT_ASSESSMENT, draft);
        String finding = OracleAssessmentSteps.finding(assessorB, draft, "Bias untested at Echo");
        OracleAssessmentSteps.changeFinding(assessorB, finding, "owner@" + tenantB);
        targets.put(OracleTarget.FOREIGN_FINDING, finding);
        assertThat(OracleAssessmentSteps.ruleFindings(adminB, draft))
                .as("rule findings of firm B's draft")
                .containsExactly("RF3");
        assertThat(targets).as("every target exists").containsOnlyKeys(OracleTarget.values());
    }

    /** The current version of every versioned object, as its own firm's admin reads it. */
    private void readVersions() {
        targets.forEach((target, id) ->
                versions.put(id, version(target.kind() == OracleTarget.Kind.FOREIGN ? adminB : adminA, id)));
        visible.values().forEach(id -> versions.put(id, version(adminA, id)));
        targets.forEach((target, id) -> putEvidence(target.kind() == OracleTarget.Kind.FOREIGN ? adminB : adminA, id));
        visible.values().forEach(id -> putEvidence(adminA, id));
        assertThat(evidence)
                .as("evidence of the assessment targets")
                .containsKeys(
                        id(OracleTarget.FOREIGN_DRAFT_ASSESSMENT),
                        id(OracleTarget.FOREIGN_PUBLISHED_ASSESSMENT),
                        id(OracleTarget.ASSESSMENT_OF_COMPANY_ONLY_IN_OTHER_FUND));
        assertThat(versions.get(id(OracleTarget.FOREIGN_DRAFT_ASSESSMENT))).isGreaterThan(0L);
        assertThat(versions.get(id(OracleTarget.FOREIGN_FINDING))).isEqualTo(1L);
        assertThat(versions.get(id(OracleTarget.FOREIGN_FUND))).isEqualTo(1L);
        assertThat(versions.get(id(OracleTarget.HOLDING_IN_OTHER_FUND))).isEqualTo(1L);
    }

    /**
     * What the owning firm's admin reads of every target: the object, its holdings and grants, its
     * audit events, and firm B's whole audit trail. Unchanged after the probes, or a probe wrote
     * through an ID it could not see.
     */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        targets.forEach((target, id) -> snapshot.put(
                target.name(),
                CallerBudget.withoutCurrentBudget((target.kind() == OracleTarget.Kind.FOREIGN ? adminB : adminA)
                        .documentName("oracleSnapshot")
                        .variable("id", id)
                        .variable("isFund", target.typeName().equals("Fund"))
                        .execute()
                        .returnResponse()
                        .toMap())));
        snapshot.forEach((target, read) -> assertThat(((Map<?, ?>) read).containsKey("errors"))
                .as("errors in the snapshot of %s: %s", target, read)
                .isFalse());
        snapshot.put(
                "audit trail of firm B",
                CallerBudget.withoutCurrentBudget(adminB.document("{ auditEvents(first: 0) { totalCount } }")
                        .execute()
                        .returnResponse()
                        .toMap()));
        return snapshot;
    }

    private void putEvidence(GraphQlTester admin, String id) {
        String first = OracleAssessmentSteps.firstEvidence(admin, id);
        if (first != null) {
            evidence.put(id, first);
        }
    }

    private static long version(GraphQlTester admin, String id) {
        Object version = admin.document(
                        "query($id: ID!) { node(id: $id) { ... on Fund { version } ... on Company { version } "
                                + "... on Holding { version } ... on Assessment { version } ... on Finding { version } } }")
                .variable("id", id)
                .execute()
                .returnResponse()
                .toMap();
        Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) version).get("data")).get("node");
        return node == null || node.get("version") == null ? 0L : ((Number) node.get("version")).longValue();
    }

    private static String latestAuditEventOf(GraphQlTester admin, String entity) {
        return admin.document("query($id: ID!) { auditEvents(first: 1, filter: {entityId: $id}) { nodes { id } } }")
                .variable("id", entity)
                .execute()
                .path("auditEvents.nodes[0].id")
                .entity(String.class)
                .get();
    }

    private static String fund(GraphQlTester admin, String name) {
        return ok(
                        admin.document(
                                        "mutation($name: String!) { createFund(input: {name: $name, vintageYear: 2021, strategy: BUYOUT, currency: \"EUR\"}) { fund { id } userErrors { code } } }")
                                .variable("name", name)
                                .execute(),
                        "createFund")
                .path("createFund.fund.id")
                .entity(String.class)
                .get();
    }

    private static String company(GraphQlTester admin, String name) {
        return ok(
                        admin.document(
                                        "mutation($name: String!) { createCompany(input: {name: $name, sector: OTHER, headquartersCountry: \"FR\", stage: EARLY}) { company { id } userErrors { code } } }")
                                .variable("name", name)
                                .execute(),
                        "createCompany")
                .path("createCompany.company.id")
                .entity(String.class)
                .get();
    }

    private static String holding(GraphQlTester admin, String fund, String company, String stage) {
        return ok(
                        admin.document(
                                        "mutation($f: ID!, $c: ID!, $s: DealStage!) { addHolding(input: {fundId: $f, companyId: $c, dealStage: $s}) { holding { id } userErrors { code } } }")
                                .variable("f", fund)
                                .variable("c", company)
                                .variable("s", stage)
                                .execute(),
                        "addHolding")
                .path("addHolding.holding.id")
                .entity(String.class)
                .get();
    }

    private static String grant(GraphQlTester admin, String fund, String subject) {
        return ok(
                        admin.document(
                                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { grant { id } userErrors { code } } }")
                                .variable("f", fund)
                                .variable("s", subject)
                                .execute(),
                        "grantFundAccess")
                .path("grantFundAccess.grant.id")
                .entity(String.class)
                .get();
    }

    private static void changeFund(GraphQlTester admin, String fund) {
        ok(
                admin.document(
                                "mutation($id: ID!) { updateFund(input: {id: $id, expectedVersion: 0, targetSize: \"250000000\"}) { userErrors { code } } }")
                        .variable("id", fund)
                        .execute(),
                "updateFund");
    }

    private static void changeCompany(GraphQlTester admin, String company) {
        ok(
                admin.document(
                                "mutation($id: ID!) { updateCompany(input: {id: $id, expectedVersion: 0, employeeCount: 120}) { userErrors { code } } }")
                        .variable("id", company)
                        .execute(),
                "updateCompany");
    }

    private static void changeHolding(GraphQlTester admin, String holding) {
        ok(
                admin.document(
                                "mutation($id: ID!) { updateHolding(input: {id: $id, expectedVersion: 0, ownershipPercentage: \"20\"}) { userErrors { code } } }")
                        .variable("id", holding)
                        .execute(),
                "updateHolding");
    }

    private static GraphQlTester.Response ok(GraphQlTester.Response response, String mutation) {
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return response;
    }
}
