package dev.diligence.domain.scoring;

import java.util.List;

/**
 * One red-flag rule: a small named policy deciding, from the context and the criterion results
 * (effective levels already gated), whether it fires. A rule never changes once a framework version
 * uses it; new behaviour is a new rule in a new rule set.
 */
public interface RedFlagRule {

    /** The id findings cite, e.g. "RF3"; unique inside a rule set. */
    String id();

    /** The flags this rule raises; empty when it does not fire. */
    List<RedFlag> evaluate(ScoringFacts facts);
}
