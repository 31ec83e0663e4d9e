package dev.diligence.domain.framework;

/**
 * Names the red-flag rules a framework version is scored with. The rules themselves are code in the
 * scoring feature; a version records only which set applies, so new rules never change old scores.
 */
public record RedFlagRuleSetId(String value) {

    /** The rules of framework version 1 (RF1 to RF7). */
    public static final RedFlagRuleSetId V1 = new RedFlagRuleSetId("DMF-RF-1");

    public RedFlagRuleSetId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a red-flag rule set id must not be blank");
        }
    }
}
