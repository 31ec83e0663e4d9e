package dev.diligence.persistence.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentSummaries;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment adapter in the smallest Spring context that runs it (the persistence module, a data
 * source as the application role, the tenant transaction manager): every status round-trips exactly,
 * the stored publication numbers are the engine's, digit for digit.
 */
@SpringBootTest(classes = PersistenceSlice.class)
class AssessmentPersistenceIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static UUID tenant;
    private static CompanyId company;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    Assessments assessments;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Frameworks frameworks;

    @Autowired
    AssessmentSummaries summaries;

    @Autowired
    Companies companies;

    @BeforeAll
    static void aTenantWithACompany() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("assessments"));
            PersistenceSlice.actAs(tenant);
            company = new CompanyId(TenantRows.insertCompany(admin, tenant, "Assessed Co"));
        }
    }

    @Test
    void roundTripsADraftWithContextScoresAndEvidence() {
        Assessment draft = inTransaction(() -> assessments.add(draft()));
        EvidenceItem kept =
                EvidenceItem.of(EvidenceKind.LINK, "https://example.com/registry", "alice", T0.plusSeconds(5));
        EvidenceItem removed = EvidenceItem.of(EvidenceKind.NOTE, "interview with the CTO", "alice", T0.plusSeconds(6));
        Assessment edited = draft.setContext(
                        new AssessmentContext(
                                true,
                                EuAiActTier.HIGH,
                                Set.of(SensitiveDomain.CREDIT, SensitiveDomain.HEALTH),
                                new BigDecimal("0.75"),
                                true),
                        "bob",
                        T0.plusSeconds(1))
                .scoreCriterion(
                        "C1.1",
                        CriterionScore.scored(3, Confidence.HIGH, 0).withTarget(4),
                        "  tracked in MLflow ",
                        "alice",
                        T0.plusSeconds(2))
                .scoreCriterion(
                        "C1.2",
                        CriterionScore.notApplicable("no features of their own"),
                        null,
                        "alice",
                        T0.plusSeconds(3))
                .addEvidence("C1.1", kept, "alice", T0.plusSeconds(5))
                .addEvidence("C1.1", removed, "alice", T0.plusSeconds(6));
        Assessment stored = inTransaction(() -> assessments.update(edited));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(find(draft)).isEqualTo(stored);

        Assessment pruned = inTransaction(
                () -> assessments.update(stored.removeEvidence("C1.1", removed.id(), "carol", T0.plusSeconds(7))));
        assertThat(find(draft)).isEqualTo(pruned);
        assertThat(find(draft).criteria().find("C1.1").orElseThrow().evidence()).containsExactly(kept);
    }

    @Test
    void roundTripsASubmittedAssessmentWithItsReviewTrail() {
        Assessment submitted = inTransaction(() -> assessments.add(scored().submit("alice", T0.plusSeconds(10))
                .requestChanges("rita", "evidence for C2.1 is missing", T0.plusSeconds(11))
                .submit("bob", T0.plusSeconds(12))));
        assertThat(find(submitted)).isEqualTo(submitted);
        assertThat(find(submitted).review().comments()).hasSize(1);
        assertThat(find(submitted).review().submitters()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void storesThePublishedNumbersExactlyAsTheEngineComputesThem() {
        Assessment published = inTransaction(() -> assessments.add(published(T0.plusSeconds(20))));
        ScoringResult engine = new ScoringEngine()
                .score(storedV1(), published.context(), published.criteria().scores());
        assertThat(find(published)).isEqualTo(published);
        assertThat(find(published).publication().result()).isEqualTo(engine);

        Map<String, Object> row = inTransaction(() -> jdbc.queryForMap(
                "select * from assessments where tenant_id = ? and id = ?",
                tenant,
                published.id().value()));
        assertThat(engine.overall()).isNotNull();
        assertThat(row.get("overall_score")).isEqualTo(engine.overall().score());
        assertThat(row.get("overall_percentage")).isEqualTo(engine.overall().percentage());
        assertThat(row.get("overall_floor")).isEqualTo(engine.overall().floor());
        assertThat(row.get("overall_confidence")).isEqualTo(engine.overall().confidence());
        assertThat(row.get("coverage")).isEqualTo(engine.coverage());
        assertThat(row.get("level") == null ? null : ((Number) row.get("level")).intValue())
                .isEqualTo(engine.level().orElse(null));
        assertThat(row.get("level_suppressed")).isEqualTo(engine.overall().levelSuppressed());
        assertThat(row.get("deal_level_red_flag")).isEqualTo(engine.dealLevelRedFlag());

        List<Map<String, Object>> dimensions = inTransaction(() -> jdbc.queryForList(
                "select * from assessment_dimension_results where tenant_id = ? and assessment_id = ? order by position",
                tenant,
                published.id().value()));
        assertThat(dimensions).hasSameSizeAs(engine.dimensions());
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionResult expected = engine.dimensions().get(i);
            Map<String, Object> actual = dimensions.get(i);
            assertThat(actual.get("dimension_code")).isEqualTo(expected.code());
            assertThat(actual.get("score")).isEqualTo(expected.score());
            assertThat(actual.get("uncapped_score")).isEqualTo(expected.uncappedScore());
            assertThat(actual.get("coverage")).isEqualTo(expected.coverage());
            assertThat(actual.get("confidence")).isEqualTo(expected.confidence());
            assertThat(actual.get("capped_by")).isEqualTo(expected.cappedBy());
            assertThat(actual.get("applicable")).isEqualTo(expected.applicable());
            assertThat(actual.get("provisional")).isEqualTo(expected.provisional());
        }

        List<Map<String, Object>> criteria = inTransaction(() -> jdbc.queryForList(
                "select * from assessment_criterion_results where tenant_id = ? and assessment_id = ? order by position",
                tenant,
                published.id().value()));
        assertThat(criteria).hasSameSizeAs(engine.criteria());
        for (int i = 0; i < criteria.size(); i++) {
            CriterionResult expected = engine.criteria().get(i);
            Map<String, Object> actual = criteria.get(i);
            assertThat(actual.get("criterion_code")).isEqualTo(expected.code());
            assertThat(actual.get("dimension_code")).isEqualTo(expected.dimension());
            assertThat(actual.get("state")).isEqualTo(expected.state().name());
            assertThat(integer(actual.get("recorded_level"))).isEqualTo(expected.recordedLevel());
            assertThat(integer(actual.get("effective_level"))).isEqualTo(expected.effectiveLevel());
            assertThat(actual.get("gated")).isEqualTo(expected.gated());
            assertThat(integer(actual.get("target"))).isEqualTo(expected.target());
            assertThat(actual.get("explicit_target")).isEqualTo(expected.explicitTarget());
            assertThat(integer(actual.get("gap"))).isEqualTo(expected.gap());
            assertThat(actual.get("priority")).isEqualTo(expected.priority());
        }
        List<Map<String, Object>> flags = inTransaction(() -> jdbc.queryForList(
                "select * from assessment_red_flags where tenant_id = ? and assessment_id = ? order by position",
                tenant,
                published.id().value()));
        assertThat(flags)
                .extracting(f -> f.get("rule_id") + ":" + f.get("criterion_code") + ":" + f.get("severity") + ":"
                        + f.get("deal_level"))
                .containsExactlyElementsOf(engine.redFlags().stream()
                        .map(f -> f.rule() + ":" + f.criterion() + ":" + f.severity() + ":" + f.dealLevel())
                        .toList());
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    @Test
    void roundTripsARetractedAssessment() {
        Assessment published = inTransaction(() -> assessments.add(published(T0.plusSeconds(30))));
        Assessment retracted = inTransaction(
                () -> assessments.update(published.retract("admin", "wrong company", T0.plusSeconds(31))));
        assertThat(find(published)).isEqualTo(retracted);
        assertThat(retracted.retraction()).isNotNull();
    }

    @Test
    void anAssessmentByIdComesWithItsWholeCompanyAsTheCompaniesPortReadsIt() {
        Assessment stored = inTransaction(() -> assessments.add(published(company, T0.plusSeconds(30))));
        SummaryWithCompany read =
                inTransaction(() -> summaries.findWithCompany(stored.id())).orElseThrow();
        assertThat(read.summary())
                .isEqualTo(inTransaction(() -> summaries.findAll(List.of(stored.id())))
                        .get(0));
        assertThat(read.company())
                .isEqualTo(inTransaction(() -> companies.find(company)).orElseThrow());
        assertThat(inTransaction(() -> summaries.findWithCompany(new AssessmentId(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void latestPublishedIsTheLastPublicationThatIsNotRetracted() throws SQLException {
        CompanyId other;
        try (Connection admin = db.connectAsAdmin()) {
            other = new CompanyId(TenantRows.insertCompany(admin, tenant, "Twice Assessed Co"));
        }
        Assessment first = inTransaction(() -> assessments.add(published(other, T0.plusSeconds(40))));
        Assessment second = inTransaction(() -> assessments.add(published(other, T0.plusSeconds(50))));
        Assessment draft = inTransaction(() -> assessments.add(Assessment.start(
                other, FrameworkV1.VERSION, AssessmentContext.DEFAULT, "alice", "alice", T0.plusSeconds(60))));
        assertThat(inTransaction(() -> assessments.latestPublished(other))).contains(second);

        inTransaction(() -> assessments.update(second.retract("admin", "superseded by a mistake", T0.plusSeconds(70))));
        assertThat(inTransaction(() -> assessments.latestPublished(other))).contains(first);
        assertThat(inTransaction(() -> assessments.ofCompany(other)))
                .extracting(Assessment::id)
                .containsExactly(draft.id(), second.id(), first.id());
    }

    @Test
    void anotherTenantSeesNoneOfTheAssessmentsRowsAndCannotWriteAny() throws SQLException {
        // C2.3 at level 4 with low confidence is gated and fires RF7, so every stored-result table has rows
        Assessment assessment = inTransaction(() -> assessments.add(scored(company, T0.plusSeconds(80))
                .scoreCriterion("C2.3", CriterionScore.scored(4, Confidence.LOW, 0), null, "alice", T0.plusSeconds(80))
                .submit("alice", T0.plusSeconds(81))
                .requestChanges("rita", "evidence for C2.1 is missing", T0.plusSeconds(82))
                .submit("bob", T0.plusSeconds(83))
                .publish("rita", storedV1(), new ScoringEngine(), T0.plusSeconds(84))));
        UUID id = assessment.id().value();
        UUID other;
        try (Connection admin = db.connectAsAdmin()) {
            other = TenantRows.insertTenant(admin, TenantRows.uniqueKey("assessments-other"));
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenant(app, tenant);
            for (String table : ASSESSMENT_TABLES) {
                assertThat(AppRoleSql.count(
                                app,
                                "/* rls-proof */ select count(*) from " + table + " where " + idColumn(table) + " = '"
                                        + id + "'"))
                        .as("rows of %s seen by the tenant itself", table)
                        .isPositive();
            }
            app.rollback();

            AppRoleSql.setTenant(app, other);
            for (String table : ASSESSMENT_TABLES) {
                assertThat(AppRoleSql.count(
                                app,
                                "select count(*) from " + table + " where tenant_id = '" + tenant + "' or "
                                        + idColumn(table) + " = '" + id + "'"))
                        .as("rows of %s seen by another tenant", table)
                        .isZero();
            }
            assertThat(app.createStatement()
                            .executeUpdate(
                                    "/* rls-proof */ update assessments set lead_assessor = 'mallory' where id = '" + id
                                            + "'"))
                    .isZero();
            assertThat(app.createStatement()
                            .executeUpdate(
                                    "/* rls-proof */ update assessment_criteria set rationale = 'taken' where assessment_id = '"
                                            + id + "'"))
                    .isZero();
            assertThat(app.createStatement()
                            .executeUpdate("/* rls-proof */ delete from assessment_evidence where assessment_id = '"
                                    + id + "'"))
                    .isZero();
            for (String insert : List.of(
                    "insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier, "
                            + "sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at) "
                            + "values ('%1$s', gen_random_uuid(), '" + company.value()
                            + "', 1, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, "
                            + "'mallory', 0, now(), now())",
                    "insert into assessment_criteria (tenant_id, assessment_id, criterion_code, position, state) "
                            + "values ('%1$s', '%2$s', 'C9.9', 99, 'UNKNOWN')",
                    "insert into assessment_evidence (tenant_id, id, assessment_id, criterion_code, position, kind, value, added_by, added_at) "
                            + "values ('%1$s', gen_random_uuid(), '%2$s', 'C1.1', 99, 'NOTE', 'smuggled', 'mallory', now())",
                    "insert into assessment_participants (tenant_id, assessment_id, role, subject) values ('%1$s', '%2$s', 'EDITOR', 'mallory')",
                    "insert into assessment_review_comments (tenant_id, assessment_id, position, reviewer, text, commented_at) "
                            + "values ('%1$s', '%2$s', 99, 'mallory', 'smuggled', now())",
                    "insert into assessment_dimension_results (tenant_id, assessment_id, dimension_code, position, weight, applicable, "
                            + "coverage, provisional) values ('%1$s', '%2$s', 'D9', 99, 0.1, true, 1, false)")) {
                AppRoleSql.execute(app, "savepoint attempt");
                assertThatThrownBy(() -> AppRoleSql.execute(app, insert.formatted(tenant, id)))
                        .as("%s for the tenant", insert)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
                AppRoleSql.execute(app, "rollback to savepoint attempt");
                if (insert.contains("'%2$s'")) {
                    assertThatThrownBy(() -> AppRoleSql.execute(app, insert.formatted(other, id)))
                            .as("%s of its own on the tenant's assessment", insert)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("foreign key");
                    AppRoleSql.execute(app, "rollback to savepoint attempt");
                }
            }
            app.rollback();
        }
        assertThat(find(assessment)).isEqualTo(assessment);
    }

    private static final List<String> ASSESSMENT_TABLES = List.of(
            "assessments",
            "assessment_criteria",
            "assessment_evidence",
            "assessment_participants",
            "assessment_review_comments",
            "assessment_dimension_results",
            "assessment_criterion_results",
            "assessment_red_flags");

    private static String idColumn(String table) {
        return table.equals("assessments") ? "id" : "assessment_id";
    }

    @Test
    void rejectsStaleVersion() {
        Assessment draft = inTransaction(() -> assessments.add(draft()));
        inTransaction(() -> assessments.update(
                draft.setContext(AssessmentContext.DEFAULT.withModelsInProduction(true), "alice", T0)));
        assertThatThrownBy(() ->
                        inTransaction(() -> assessments.update(draft.setContext(AssessmentContext.DEFAULT, "bob", T0))))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.code())
                                .containsExactly(ViolationCode.STALE_VERSION));
    }

    private Assessment draft() {
        return Assessment.start(company, FrameworkV1.VERSION, AssessmentContext.DEFAULT, "alice", "alice", T0);
    }

    private Assessment scored() {
        return scored(company, T0);
    }

    private static Assessment scored(CompanyId of, Instant at) {
        Assessment assessment = Assessment.start(
                of,
                FrameworkV1.VERSION,
                AssessmentContext.DEFAULT.withModelsInProduction(true).withEuAiActTier(EuAiActTier.LIMITED),
                "alice",
                "alice",
                at);
        int level = 0;
        for (String code : List.of("C1.1", "C1.3", "C2.1", "C2.2", "C3.1", "C3.2", "C4.1", "C4.2")) {
            assessment = assessment
                    .scoreCriterion(code, CriterionScore.scored(level++ % 5, Confidence.MEDIUM, 0), "seen", "alice", at)
                    .addEvidence(
                            code,
                            EvidenceItem.of(EvidenceKind.DOCUMENT, "data room " + code, "alice", at),
                            "alice",
                            at);
        }
        return assessment.scoreCriterion(
                "C4.3", CriterionScore.notApplicable("no decisions about people"), null, "alice", at);
    }

    private Assessment published(Instant at) {
        return published(company, at);
    }

    /** Published as the application publishes: under the framework version as stored. */
    private Assessment published(CompanyId of, Instant at) {
        return scored(of, at)
                .submit("alice", at.plusMillis(1))
                .publish("rita", storedV1(), new ScoringEngine(), at.plusMillis(2));
    }

    private FrameworkVersion storedV1() {
        return inTransaction(() -> frameworks.find(FrameworkV1.NUMBER)).orElseThrow();
    }

    private Assessment find(Assessment assessment) {
        return inTransaction(() -> assessments.find(assessment.id())).orElseThrow();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
