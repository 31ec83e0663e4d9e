package dev.diligence.domain.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version 1 is exactly the framework of docs/framework.md. */
class FrameworkV1Test {

    private static final FrameworkVersion V1 = FrameworkV1.VERSION;

    @Test
    void isPlatformVersionOneScoredWithTheFirstRuleSet() {
        assertThat(V1.number()).isEqualTo(1);
        assertThat(V1.isDerived()).isFalse();
        assertThat(V1.derivation()).isNull();
        assertThat(V1.baseVersion()).isEqualTo(1);
        assertThat(V1.redFlagRuleSet()).isEqualTo(RedFlagRuleSetId.V1);
    }

    @Test
    void hasFourWeightedDimensionsInOrder() {
        assertThat(V1.dimensions())
                .extracting(Dimension::code, Dimension::name, Dimension::weight)
                .containsExactly(
                        tuple("D1", "Model development & experimentation", new BigDecimal("0.20")),
                        tuple("D2", "Training & deployment pipelines", new BigDecimal("0.25")),
                        tuple("D3", "Monitoring & drift detection", new BigDecimal("0.25")),
                        tuple("D4", "AI governance & risk", new BigDecimal("0.30")));
    }

    @Test
    void hasFourteenWeightedCriteriaInOrder() {
        assertThat(V1.criteria())
                .extracting(Criterion::code, Criterion::name, Criterion::weight)
                .containsExactly(
                        tuple("C1.1", "Experiment tracking & model registry", new BigDecimal("0.35")),
                        tuple("C1.2", "Feature pipeline, feature store & feature sharing", new BigDecimal("0.30")),
                        tuple("C1.3", "Data versioning, lineage & reproducibility", new BigDecimal("0.35")),
                        tuple("C2.1", "Pipeline automation", new BigDecimal("0.30")),
                        tuple("C2.2", "CI/CD, testing & validation gates", new BigDecimal("0.30")),
                        tuple(
                                "C2.3",
                                "Serving infrastructure: REST/batch/embedded, latency, throughput, availability",
                                new BigDecimal("0.20")),
                        tuple("C2.4", "Progressive delivery: shadow, canary, A/B", new BigDecimal("0.20")),
                        tuple(
                                "C3.1",
                                "Performance & drift monitoring: metrics, data drift, concept drift, prediction distribution",
                                new BigDecimal("0.40")),
                        tuple("C3.2", "Alerting, incident response & time-to-remediate", new BigDecimal("0.35")),
                        tuple("C3.3", "Prediction logging & ground-truth feedback loop", new BigDecimal("0.25")),
                        tuple("C4.1", "Model documentation & inventory, model cards", new BigDecimal("0.25")),
                        tuple("C4.2", "Fairness & bias testing and mitigation", new BigDecimal("0.30")),
                        tuple("C4.3", "Explainability", new BigDecimal("0.20")),
                        tuple("C4.4", "Regulatory compliance & AI risk management", new BigDecimal("0.25")));
    }

    @Test
    void describesEveryLevelOfEveryCriterion() {
        assertThat(V1.criteria())
                .allSatisfy(criterion -> assertThat(criterion.descriptors().byLevel())
                        .hasSize(5)
                        .allSatisfy(descriptor -> assertThat(descriptor).isNotBlank()));
    }

    @Test
    void describesExperimentTrackingLevelByLevel() {
        LevelDescriptors c11 = V1.criterion("C1.1").orElseThrow().descriptors();

        assertThat(c11.byLevel())
                .containsExactly(
                        "no record of runs",
                        "ad-hoc logs, reproducible by one person",
                        "a tracking tool (MLflow, W&B, Neptune) used by the team, models versioned",
                        "every run logged from pipelines, central registry with stages and lineage to run and commit",
                        "registry drives promotion policy, metadata used for audits, retention policy");
        assertThat(c11.describe(MaturityLevel.MANAGED)).startsWith("every run logged");
    }

    @Test
    void keepsTheSlashInsideTheTopDocumentationDescriptor() {
        assertThat(V1.criterion("C4.1").orElseThrow().descriptors().describe(MaturityLevel.OPTIMIZING))
                .isEqualTo(
                        "documentation generated from pipeline metadata, reviewed at gates, mapped to EU AI Act Annex IV / ISO 42001");
    }

    @Test
    void citesTheReferencesTheFrameworkGivesForFairnessAndExplainability() {
        assertThat(citations("C4.2")).contains("NIST AI RMF MEASURE 2.11", "EU AI Act Art. 10");
        assertThat(citations("C4.3")).contains("NIST AI RMF MEASURE 2.9", "EU AI Act Art. 13");
    }

    @Test
    void mapsEveryCriterionIntoNistEuAiActAndIso42001() {
        assertThat(V1.criteria())
                .allSatisfy(criterion -> assertThat(criterion.references())
                        .extracting(StandardReference::standard)
                        .contains(Standard.NIST_AI_RMF, Standard.EU_AI_ACT, Standard.ISO_IEC_42001));
        assertThat(V1.criteria())
                .flatExtracting(Criterion::references)
                .filteredOn(reference -> reference.standard() == Standard.NIST_AI_RMF)
                .extracting(StandardReference::clause)
                .allMatch(clause -> clause.matches("(GOVERN|MAP|MEASURE|MANAGE) \\d+\\.\\d+"));
    }

    @Test
    void namesTheFiveLevels() {
        assertThat(MaturityLevel.values())
                .extracting(MaturityLevel::number, MaturityLevel::label)
                .containsExactly(
                        tuple(0, "Absent"),
                        tuple(1, "Initial"),
                        tuple(2, "Repeatable"),
                        tuple(3, "Managed (automated)"),
                        tuple(4, "Optimizing (closed loop)"));
    }

    private static List<String> citations(String code) {
        return V1.criterion(code).orElseThrow().references().stream()
                .map(StandardReference::citation)
                .toList();
    }
}
