/**
 * Assessments of a company's MLOps maturity and AI governance under one framework version: the
 * recorded criterion scores with their evidence, the review workflow (DRAFT → IN_REVIEW → PUBLISHED,
 * IN_REVIEW → DRAFT, PUBLISHED → RETRACTED) with its four-eyes rule, the scores stored at publication,
 * the choice of a company's latest published assessment and the diff of two assessments.
 */
@NullMarked
package dev.diligence.domain.assessment;

import org.jspecify.annotations.NullMarked;
