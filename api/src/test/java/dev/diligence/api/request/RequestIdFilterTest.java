package dev.diligence.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request ID is visible to the code serving the request, and only while it does. */
class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void theIdIsInTheMdcAndInRequestIdsWhileTheRequestIsServed() throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader(RequestIds.HEADER, "served-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<Object> seen = new ArrayList<>();

        filter.doFilter(request, response, (servedRequest, servedResponse) -> {
            seen.add(MDC.get(RequestIds.MDC_KEY));
            seen.add(RequestIds.current());
        });

        assertThat(seen).containsExactly("served-1", Optional.of("served-1"));
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("served-1");
    }

    @Test
    void nothingIsLeftOnTheThreadAfterTheRequest() throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void nothingIsLeftOnTheThreadWhenTheRequestFails() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");

        try {
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } catch (Exception expected) {
            // the failure itself is not what this test is about
        }

        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void wellFormedIdsAreShortAndPlain() {
        assertThat(RequestIds.isWellFormed("abc-DEF_1.2:3")).isTrue();
        assertThat(RequestIds.isWellFormed("x".repeat(128))).isTrue();
        assertThat(RequestIds.isWellFormed("x".repeat(129))).isFalse();
        assertThat(RequestIds.isWellFormed("")).isFalse();
        assertThat(RequestIds.isWellFormed(null)).isFalse();
        assertThat(RequestIds.isWellFormed("new\nline")).isFalse();
        assertThat(RequestIds.isWellFormed("ünïcode")).isFalse();
    }
}
