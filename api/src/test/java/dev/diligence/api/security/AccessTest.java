package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule's roles are exactly those its {@code @PreAuthorize} expression in {@link Authorities} names. */
class AccessTest {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @ParameterizedTest
    @EnumSource(value = Access.class, mode = EnumSource.Mode.EXCLUDE, names = "ANY_ROLE")
    void theRolesAreThoseOfTheExpression(Access access) {
        assertThat(access.expression()).matches("hasRole\\('[A-Z_]+'\\)|hasAnyRole\\('[A-Z_]+'(, '[A-Z_]+')+\\)");
        Set<Role> named = EnumSet.noneOf(Role.class);
        Matcher role = ROLE.matcher(access.expression());
        while (role.find()) {
            named.add(Role.valueOf(role.group(1)));
        }
        assertThat(named).isEqualTo(access.roles());
    }

    @Test
    void everyExpressionOfAuthoritiesIsARule() throws IllegalAccessException {
        Set<Object> expressions = new HashSet<>();
        for (var field : Authorities.class.getDeclaredFields()) {
            if (field.getType() == String.class) {
                expressions.add(field.get(null));
            }
        }
        assertThat(expressions)
                .isSubsetOf(
                        Arrays.stream(Access.values()).map(Access::expression).toList());
    }

    @Test
    void anyRoleAdmitsEveryRoleAndOnlyFirmRulesNeedATenant() {
        assertThat(Access.ANY_ROLE.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(Arrays.stream(Access.values()).filter(Access::needsTenant))
                .doesNotContain(Access.PLATFORM_ADMIN, Access.ANY_ROLE)
                .hasSize(Access.values().length - 2);
    }
}
