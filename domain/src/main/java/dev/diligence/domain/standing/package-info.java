/**
 * Where each company stands, read for a dashboard beside the company: its latest publication and its
 * open findings, both kept by other features and read here together, in one statement.
 */
@NullMarked
package dev.diligence.domain.standing;

import org.jspecify.annotations.NullMarked;
