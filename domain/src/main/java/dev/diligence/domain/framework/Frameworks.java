package dev.diligence.domain.framework;

import java.util.List;
import java.util.Optional;

/** Port to the stored framework versions (platform versions today). */
public interface Frameworks {

    /** Every version, by number. */
    List<FrameworkVersion> all();

    Optional<FrameworkVersion> find(int version);
}
