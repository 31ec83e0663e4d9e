package dev.diligence.api.framework;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the maturity framework versions. Every business role reads them. */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Authorities.TENANT_READER)
public class FrameworkService {

    private final Frameworks frameworks;

    FrameworkService(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    public List<FrameworkVersion> all() {
        return frameworks.all();
    }

    public Optional<FrameworkVersion> find(int version) {
        return frameworks.find(version);
    }
}
