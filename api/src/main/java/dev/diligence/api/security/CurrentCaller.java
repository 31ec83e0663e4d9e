package dev.diligence.api.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The caller of the current request. */
public final class CurrentCaller {

    private CurrentCaller() {}

    /** @throws AuthenticationCredentialsNotFoundException when nobody is authenticated */
    public static Caller get() {
        return SecurityContextCurrentTenant.currentCaller()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
    }

    /** The caller, if someone is authenticated. */
    public static Optional<Caller> find() {
        return SecurityContextCurrentTenant.currentCaller();
    }
}
