package dev.diligence.domain.framework;

import static dev.diligence.domain.framework.StandardReference.euAiAct;
import static dev.diligence.domain.framework.StandardReference.iso42001;
import static dev.diligence.domain.framework.StandardReference.nist;

import java.util.List;
import java.util.Map;

/**
 * The product's mapping of each version 1 criterion into external frameworks, so findings can cite
 * them: NIST AI RMF 1.0 subcategories (GOVERN / MAP / MEASURE / MANAGE), EU AI Act articles (mostly
 * the high-risk duties of Art. 9-15) and ISO/IEC 42001:2023 clauses and Annex A controls. The mapping
 * is ours, not an official crosswalk of any of these bodies; only C4.2 and C4.3 come from the
 * framework definition itself. Invariant: every criterion of version 1 has at least one reference
 * into each of the three frameworks.
 */
final class FrameworkV1References {

    private static final Map<String, List<StandardReference>> BY_CRITERION = Map.ofEntries(
            // Experiment tracking & model registry: documented TEVV tooling, inventory, design records.
            Map.entry(
                    "C1.1", List.of(nist("MEASURE 2.1"), nist("GOVERN 1.6"), euAiAct("Art. 11"), iso42001("A.6.2.3"))),
            // Feature pipelines: valid, reliable features; data preparation.
            Map.entry("C1.2", List.of(nist("MEASURE 2.5"), euAiAct("Art. 10"), iso42001("A.7.6"))),
            // Data versioning and lineage: data selection and provenance.
            Map.entry("C1.3", List.of(nist("MAP 2.3"), euAiAct("Art. 10"), euAiAct("Art. 11"), iso42001("A.7.5"))),
            // Pipeline automation: sustaining the value of deployed systems, consistent performance.
            Map.entry("C2.1", List.of(nist("MANAGE 2.2"), euAiAct("Art. 15"), iso42001("A.6.1.3"))),
            // CI/CD and validation gates: testing before release, verification and validation.
            Map.entry(
                    "C2.2",
                    List.of(
                            nist("MEASURE 2.3"),
                            nist("MEASURE 2.5"),
                            euAiAct("Art. 9"),
                            euAiAct("Art. 15"),
                            iso42001("A.6.2.4"))),
            // Serving infrastructure: resilience, robustness, computing resources.
            Map.entry("C2.3", List.of(nist("MEASURE 2.7"), euAiAct("Art. 15"), iso42001("A.4.5"))),
            // Progressive delivery: the means to supersede or roll back a deployed model.
            Map.entry("C2.4", List.of(nist("MANAGE 2.4"), euAiAct("Art. 15"), iso42001("A.6.2.5"))),
            // Monitoring: behaviour in production, post-market monitoring.
            Map.entry(
                    "C3.1",
                    List.of(
                            nist("MEASURE 2.4"),
                            nist("MANAGE 4.1"),
                            euAiAct("Art. 15"),
                            euAiAct("Art. 72"),
                            iso42001("A.6.2.6"))),
            // Alerting and incidents: response and recovery, communicating incidents, human intervention.
            Map.entry(
                    "C3.2",
                    List.of(
                            nist("MANAGE 2.3"),
                            nist("MANAGE 4.3"),
                            euAiAct("Art. 14"),
                            euAiAct("Art. 73"),
                            iso42001("A.8.4"))),
            // Prediction logging and feedback: record-keeping, event logs, post-deployment user input.
            Map.entry("C3.3", List.of(nist("MANAGE 4.1"), euAiAct("Art. 12"), iso42001("A.6.2.8"))),
            // Documentation and inventory: inventory, knowledge limits, technical documentation (Annex IV).
            Map.entry(
                    "C4.1",
                    List.of(
                            nist("GOVERN 1.6"),
                            nist("MAP 2.2"),
                            euAiAct("Art. 11"),
                            euAiAct("Art. 13"),
                            iso42001("A.6.2.7"))),
            // Fairness: bias evaluation, data bias examination, impact on individuals and groups.
            Map.entry("C4.2", List.of(nist("MEASURE 2.11"), euAiAct("Art. 10"), iso42001("A.5.4"))),
            // Explainability: explained and interpreted output, transparency to deployers, user information.
            Map.entry("C4.3", List.of(nist("MEASURE 2.9"), euAiAct("Art. 13"), iso42001("A.8.2"))),
            // Compliance and risk management: legal requirements, risk treatment, risk classification.
            Map.entry(
                    "C4.4",
                    List.of(
                            nist("GOVERN 1.1"),
                            nist("MANAGE 1.2"),
                            euAiAct("Art. 6"),
                            euAiAct("Art. 9"),
                            iso42001("6.1.2"),
                            iso42001("A.2.2"))));

    private FrameworkV1References() {}

    /** The references of criterion {@code code} of version 1. */
    static List<StandardReference> of(String code) {
        List<StandardReference> references = BY_CRITERION.get(code);
        if (references == null) {
            throw new IllegalArgumentException("version 1 has no references for " + code);
        }
        return references;
    }
}
