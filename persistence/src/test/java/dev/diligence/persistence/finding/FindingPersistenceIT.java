package dev.diligence.persistence.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.FindingStatus;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.StandardReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The finding adapter in the smallest Spring context that runs it (as {@code AssessmentPersistenceIT}):
 * assessor and rule findings round-trip exactly through every status move, retired rule findings are
 * gone, and a stale version is refused.
 */
@SpringBootTest(classes = PersistenceSlice.class)
class FindingPersistenceIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static UUID tenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    Findings findings;

    @Autowired
    TransactionTemplate transactions;

    private AssessmentId assessment;

    @BeforeEach
    void anAssessment() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            if (tenant == null) {
                tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("findings"));
                PersistenceSlice.actAs(tenant);
            }
            assessment = new AssessmentId(FindingFixtures.insertAssessment(
                    admin, tenant, TenantRows.insertCompany(admin, tenant, "Found Co")));
        }
    }

    @Test
    void roundTripsAnAssessorFindingWithEveryContentField() {
        FindingContent content = new FindingContent(
                "No model registry",
                "models are \"copied\" by hand, {not} tracked",
                Severity.HIGH,
                "alice",
                LocalDate.of(2026, 6, 30),
                "introduce MLflow",
                List.of(
                        StandardReference.nist("MAP 4.1"),
                        StandardReference.euAiAct("Art. 10, \"data\""),
                        StandardReference.iso42001("A.6.2.6")));
        Finding raised = inTransaction(
                () -> findings.add(Finding.raise(assessment, "C1.1", content, FindingSource.assessor(), T0)));
        assertThat(find(raised)).isEqualTo(raised);
    }

    @Test
    void roundTripsARuleFindingWithoutCriterionOrOptionalContent() {
        Finding raised = inTransaction(() -> findings.add(Finding.raise(
                assessment,
                null,
                FindingContent.of("Red flag RF3", "no human oversight", Severity.CRITICAL),
                FindingSource.rule("RF3"),
                T0)));
        assertThat(find(raised)).isEqualTo(raised);
        assertThat(find(raised).source().ruleId()).isEqualTo("RF3");
    }

    @Test
    void persistsEveryStatusMoveWithItsTimesAndNote() {
        Finding open = inTransaction(() -> findings.add(assessorFinding("Bias untested", T0)));
        Finding inRemediation = update(open.startRemediation());
        assertThat(find(open))
                .isEqualTo(inRemediation)
                .extracting(Finding::version)
                .isEqualTo(1L);
        Finding resolved = update(find(open).resolve("  fairness suite added ", T0.plusSeconds(3600)));
        assertThat(find(open)).isEqualTo(resolved);
        assertThat(find(open).closingNote()).isEqualTo("fairness suite added");
        assertThat(find(open).timeToResolve())
                .hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(3600));
        Finding reopened = update(find(open).reopen());
        assertThat(find(open)).isEqualTo(reopened);
        assertThat(find(open).closedAt()).isNull();
        Finding accepted =
                update(find(open).acceptRisk(true, "legacy model retired next quarter", T0.plusSeconds(7200)));
        assertThat(find(open)).isEqualTo(accepted);
        assertThat(find(open).status()).isEqualTo(FindingStatus.ACCEPTED_RISK);
        assertThat(find(open).version()).isEqualTo(4);
    }

    @Test
    void aRetiredRuleFindingIsGoneAndAnAssessorFindingIsNeverRetired() {
        Finding rule = inTransaction(() -> findings.add(Finding.raise(
                assessment,
                "C2.1",
                FindingContent.of("Red flag RF7 on C2.1", "gated", Severity.HIGH),
                FindingSource.rule("RF7"),
                T0)));
        Finding byAssessor = inTransaction(() -> findings.add(assessorFinding("Kept", T0)));
        inTransaction(() -> {
            findings.retire(rule.id());
            findings.retire(byAssessor.id());
            return null;
        });
        assertThat(inTransaction(() -> findings.find(rule.id()))).isEmpty();
        assertThat(inTransaction(() -> findings.ofAssessment(assessment))).containsExactly(byAssessor);
        assertThatThrownBy(() -> update(rule.startRemediation()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.code())
                                .containsExactly(ViolationCode.STALE_VERSION));
    }

    @Test
    void ofAssessmentListsTheFindingsInTheOrderRaised() {
        Finding later = inTransaction(() -> findings.add(assessorFinding("Later", T0.plusSeconds(10))));
        Finding first = inTransaction(() -> findings.add(assessorFinding("First", T0)));
        List<Finding> sameInstant = inTransaction(() -> List.of(
                findings.add(assessorFinding("Third", T0.plusSeconds(5))),
                findings.add(assessorFinding("Fourth", T0.plusSeconds(5)))));
        assertThat(inTransaction(() -> findings.ofAssessment(assessment)))
                .containsExactly(first, sameInstant.get(0), sameInstant.get(1), later);
    }

    @Test
    void anotherTenantSeesNoneOfTheFindingsAndCannotWriteAny() throws SQLException {
        Finding finding = inTransaction(() -> findings.add(assessorFinding("Tenant's own", T0)));
        UUID id = finding.id().value();
        UUID other;
        try (Connection admin = db.connectAsAdmin()) {
            other = TenantRows.insertTenant(admin, TenantRows.uniqueKey("findings-other"));
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenant(app, tenant);
            assertThat(AppRoleSql.count(app, "/* rls-proof */ select count(*) from findings where id = '" + id + "'"))
                    .as("seen by the tenant itself")
                    .isOne();
            app.rollback();

            AppRoleSql.setTenant(app, other);
            assertThat(AppRoleSql.count(
                            app,
                            "select count(*) from findings where tenant_id = '" + tenant + "' or id = '" + id + "'"))
                    .as("seen by another tenant")
                    .isZero();
            assertThat(app.createStatement()
                            .executeUpdate(
                                    "/* rls-proof */ update findings set status = 'RESOLVED', closed_at = now(), closing_note = 'taken' "
                                            + "where id = '" + id + "'"))
                    .isZero();
            String insert = """
                    insert into findings (tenant_id, id, assessment_id, title, description, severity, reference_standards, reference_clauses,
                        source_kind, status, opened_at, version, created_at, updated_at)
                    values ('%s', gen_random_uuid(), '%s', 'Smuggled', '', 'LOW', '{}', '{}', 'ASSESSOR', 'OPEN', now(), 0, now(), now())""";
            AppRoleSql.execute(app, "savepoint attempt");
            assertThatThrownBy(() -> AppRoleSql.execute(app, insert.formatted(tenant, assessment.value())))
                    .as("a finding of the tenant")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            AppRoleSql.execute(app, "rollback to savepoint attempt");
            assertThatThrownBy(() -> AppRoleSql.execute(app, insert.formatted(other, assessment.value())))
                    .as("a finding of its own on the tenant's assessment")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("foreign key");
            app.rollback();
        }
        assertThat(find(finding)).isEqualTo(finding);
        assertThat(inTransaction(() -> findings.ofAssessment(assessment))).containsExactly(finding);
    }

    @Test
    void rejectsStaleVersion() {
        Finding open = inTransaction(() -> findings.add(assessorFinding("Contested", T0)));
        update(open.startRemediation());
        assertThatThrownBy(() -> update(open.resolve("done", T0.plusSeconds(1))))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.code())
                                .containsExactly(ViolationCode.STALE_VERSION));
        assertThat(find(open).status()).isEqualTo(FindingStatus.IN_REMEDIATION);
    }

    private Finding assessorFinding(String title, Instant at) {
        return Finding.raise(
                assessment, null, FindingContent.of(title, "", Severity.MEDIUM), FindingSource.assessor(), at);
    }

    private Finding update(Finding finding) {
        return inTransaction(() -> findings.update(finding));
    }

    private Finding find(Finding finding) {
        return inTransaction(() -> findings.find(finding.id())).orElseThrow();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
