/**
 * Findings raised on an assessment, by assessors or by red-flag rules, and their remediation
 * tracking (OPEN → IN_REMEDIATION → RESOLVED / ACCEPTED_RISK, reopening); the reconciliation of
 * rule findings with the red flags a draft fires, frozen once the assessment leaves DRAFT.
 */
@NullMarked
package dev.diligence.domain.finding;

import org.jspecify.annotations.NullMarked;
