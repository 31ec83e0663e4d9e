package dev.diligence.domain.portfolio;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One dimension's stored (capped) score; absent when no criterion of it was scored or it does not apply. */
public record DimensionScore(String dimension, @Nullable BigDecimal score) {}
