package dev.diligence.domain.framework;

import java.math.BigDecimal;
import java.util.List;

/**
 * Version 1 of the diligence maturity framework ("DMF v1"), exactly as {@code docs/framework.md}
 * defines it: four dimensions, fourteen criteria, their default weights and level descriptors (0 to 4),
 * scored with red-flag rule set {@link RedFlagRuleSetId#V1}. Platform data, the same for every tenant.
 */
public final class FrameworkV1 {

    public static final int NUMBER = 1;

    /** Version 1; its weights obey {@link WeightRules} (construction would fail otherwise). */
    public static final FrameworkVersion VERSION =
            FrameworkVersion.platform(NUMBER, RedFlagRuleSetId.V1, List.of(d1(), d2(), d3(), d4()));

    private FrameworkV1() {}

    private static Dimension d1() {
        return new Dimension(
                "D1",
                "Model development & experimentation",
                new BigDecimal("0.20"),
                List.of(
                        criterion(
                                "C1.1",
                                "Experiment tracking & model registry",
                                "0.35",
                                "no record of runs",
                                "ad-hoc logs, reproducible by one person",
                                "a tracking tool (MLflow, W&B, Neptune) used by the team, models versioned",
                                "every run logged from pipelines, central registry with stages and lineage to run and commit",
                                "registry drives promotion policy, metadata used for audits, retention policy"),
                        criterion(
                                "C1.2",
                                "Feature pipeline, feature store & feature sharing",
                                "0.30",
                                "features computed ad hoc per notebook, training/serving logic duplicated",
                                "feature code in scripts, partly shared, skew suspected",
                                "versioned feature pipelines, same code for training and serving or a parity check",
                                "feature store (offline+online), features reused across models and teams, feature tests",
                                "freshness and health monitored, reuse and cost tracked, deprecation process"),
                        criterion(
                                "C1.3",
                                "Data versioning, lineage & reproducibility",
                                "0.35",
                                "training data not retained",
                                "manual snapshots, informal provenance",
                                "datasets versioned and linked to model versions, training reproducible",
                                "automated lineage source→features→model→deployment, data validation in pipelines",
                                "lineage queryable for audits, data contracts, lineage drives impact analysis and retraining")));
    }

    private static Dimension d2() {
        return new Dimension(
                "D2",
                "Training & deployment pipelines",
                new BigDecimal("0.25"),
                List.of(
                        criterion(
                                "C2.1",
                                "Pipeline automation",
                                "0.30",
                                "manual notebooks, model file handed off",
                                "scripts run by hand, some scheduled jobs",
                                "orchestrated pipeline runnable end to end on demand or schedule",
                                "continuous training triggered by data, schedule or performance, same pipeline in dev and prod",
                                "reusable self-service pipeline templates, retraining driven by drift policy"),
                        criterion(
                                "C2.2",
                                "CI/CD, testing & validation gates",
                                "0.30",
                                "no tests, manual release",
                                "unit tests for application code only",
                                "CI tests pipeline code, manual model validation against a baseline",
                                "automated data and model validation gates (baseline, slices), automated promotion through staging with approval",
                                "policy-based promotion, gates include fairness and robustness, pipeline itself delivered by CI/CD"),
                        criterion(
                                "C2.3",
                                "Serving infrastructure: REST/batch/embedded, latency, throughput, availability",
                                "0.20",
                                "predictions produced by hand",
                                "ad-hoc serving on one VM or script, no SLOs",
                                "containerised or managed serving fit to the pattern, latency and throughput measured",
                                "SLOs (p95 latency, throughput, availability) monitored, autoscaling, rollback",
                                "capacity and cost optimised, error budgets drive releases"),
                        criterion(
                                "C2.4",
                                "Progressive delivery: shadow, canary, A/B",
                                "0.20",
                                "big-bang replacement",
                                "manual before-after comparison",
                                "canary or shadow for major releases, documented rollback",
                                "integrated canary or A/B with automated metric comparison and rollback",
                                "continuous online experimentation with guardrail metrics")));
    }

    private static Dimension d3() {
        return new Dimension(
                "D3",
                "Monitoring & drift detection",
                new BigDecimal("0.25"),
                List.of(
                        criterion(
                                "C3.1",
                                "Performance & drift monitoring: metrics, data drift, concept drift, prediction distribution",
                                "0.40",
                                "no monitoring of models in production",
                                "infrastructure health only or occasional manual checks",
                                "dashboards for model performance and prediction distribution, periodic drift checks",
                                "automated monitoring of performance, data drift, concept drift and prediction distribution with thresholds per model and key slices",
                                "all production models covered, drift tied to retraining and business KPIs"),
                        criterion(
                                "C3.2",
                                "Alerting, incident response & time-to-remediate",
                                "0.35",
                                "no alerts, customers find degradations",
                                "alerts to individuals, no runbook, fix time unknown (weeks)",
                                "alert routing, on-call, runbooks, incidents tracked, time-to-remediate measured (days)",
                                "automated retraining or rollback paths, time-to-remediate under 1 day, post-incident reviews",
                                "self-healing rollback or retraining, time-to-remediate under 1 hour, trend reported"),
                        criterion(
                                "C3.3",
                                "Prediction logging & ground-truth feedback loop",
                                "0.25",
                                "predictions not logged",
                                "sampled logs, no labels joined",
                                "all predictions logged with model version and inputs, ground truth collected for some models",
                                "ground truth joined automatically, online accuracy computed, feedback feeds retraining",
                                "closed loop at scale, label latency tracked, logs support audit and replay")));
    }

    private static Dimension d4() {
        return new Dimension(
                "D4",
                "AI governance & risk",
                new BigDecimal("0.30"),
                List.of(
                        criterion(
                                "C4.1",
                                "Model documentation & inventory, model cards",
                                "0.25",
                                "no inventory or documentation",
                                "partial READMEs, incomplete inventory",
                                "inventory of all production models with owner and purpose, model cards with intended use, data, metrics, limitations",
                                "complete model cards with results broken down by group, versioned per release, risk tier recorded",
                                "documentation generated from pipeline metadata, reviewed at gates, mapped to EU AI Act Annex IV / ISO 42001"),
                        criterion(
                                "C4.2",
                                "Fairness & bias testing and mitigation",
                                "0.30",
                                "never considered although decisions affect people",
                                "one ad-hoc check, protected attributes not identified",
                                "protected groups identified, impact ratio and one more metric computed and documented before release",
                                "fairness tests are automated gates and monitored in production, mitigation documented",
                                "independent audit where required, intersectional analysis, escalation process"),
                        criterion(
                                "C4.3",
                                "Explainability",
                                "0.20",
                                "no explanation capability",
                                "ad-hoc global feature importance",
                                "global and local explanations for key models, approach documented per audience",
                                "explanations validated for fidelity and given to affected users (reason codes)",
                                "explanation quality monitored, contestability process, abstention out of distribution"),
                        criterion(
                                "C4.4",
                                "Regulatory compliance & AI risk management",
                                "0.25",
                                "unaware of applicable regulation, no AI policy",
                                "policy drafted, regulations listed, no classification",
                                "every AI system classified (EU AI Act tier, sector rules), risk register with owners",
                                "tier obligations implemented with evidence, aligned to NIST AI RMF or ISO 42001",
                                "independent review or certification, regulatory change monitoring, continuous compliance evidence")));
    }

    private static Criterion criterion(
            String code,
            String name,
            String weight,
            String absent,
            String initial,
            String repeatable,
            String managed,
            String optimizing) {
        return new Criterion(
                code,
                name,
                new BigDecimal(weight),
                LevelDescriptors.of(absent, initial, repeatable, managed, optimizing),
                FrameworkV1References.of(code));
    }
}
