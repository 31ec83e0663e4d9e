/**
 * Scoring of an assessment under a framework version: effective levels behind the evidence gate,
 * dimension and overall scores, coverage, confidence, the maturity level, red flags, targets, gaps and
 * remediation priorities. Pure and exact: decimal arithmetic as {@link ScoringMath} defines it, no
 * floating point, so every code path (Java or SQL) computes the same digits.
 */
@NullMarked
package dev.diligence.domain.scoring;

import org.jspecify.annotations.NullMarked;
