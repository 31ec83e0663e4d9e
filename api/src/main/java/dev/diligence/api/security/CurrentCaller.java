package dev.diligence.api.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The caller of the current request. */
public final class CurrentCaller {

    private CurrentCaller() {}

    /** @throws AuthenticationCredentialsNotFoundException when nobody is authenticated */
    public static Caller get() {
        return SecurityContextCurrentTenant.currentCaller()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
    }
}
