package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.RedFlagRuleSetId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** The red-flag rules a framework version is scored with, in the order their flags are reported. Rule ids are unique. */
public record RedFlagRuleSet(RedFlagRuleSetId id, List<RedFlagRule> rules) {

    public RedFlagRuleSet {
        Objects.requireNonNull(id, "id");
        rules = List.copyOf(rules);
        var ids = new HashSet<String>();
        rules.forEach(rule -> {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule " + rule.id() + " appears twice in " + id.value());
            }
        });
    }

    /** Every flag the rules raise, rule by rule. */
    public List<RedFlag> evaluate(ScoringFacts facts) {
        return rules.stream().flatMap(rule -> rule.evaluate(facts).stream()).toList();
    }
}
