package dev.diligence.domain.framework;

import java.util.List;

/**
 * What a criterion looks like at each maturity level. Invariant: exactly one non-blank descriptor
 * per level, index = level number (0 to 4).
 */
public record LevelDescriptors(List<String> byLevel) {

    public LevelDescriptors {
        byLevel = List.copyOf(byLevel);
        if (byLevel.size() != MaturityLevel.values().length) {
            throw new IllegalArgumentException("a criterion describes each of the " + MaturityLevel.values().length
                    + " levels, not " + byLevel.size());
        }
        if (byLevel.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("level descriptors must not be blank");
        }
    }

    public static LevelDescriptors of(
            String absent, String initial, String repeatable, String managed, String optimizing) {
        return new LevelDescriptors(List.of(absent, initial, repeatable, managed, optimizing));
    }

    public String describe(MaturityLevel level) {
        return byLevel.get(level.number());
    }
}
