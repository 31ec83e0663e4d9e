package dev.diligence.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated token together with the caller it stands for. */
public final class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    public CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, authoritiesOf(caller), caller.subject());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    static Collection<GrantedAuthority> authoritiesOf(Caller caller) {
        return caller.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
