package dev.diligence.domain.holding;

/**
 * What a page of holdings is read with, in the same statement: the parent's number of holdings,
 * the companies held. Each costs a little in the statement and saves a statement of its own.
 */
public record HoldingReads(boolean total, boolean companies) {}
