package dev.diligence.api.limits;

import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code diligence.limits.max-body-size} with HTTP 413, before anything
 * parses them and before authentication. A declared {@code Content-Length} is checked at once (the
 * server never reads past it); a body of unknown length (chunked) is read up to one byte over the
 * limit, and handed on from memory if it is within it. The refusal names the limit and the size
 * ({@code extensions.limit}, {@code extensions.actual}), written by {@link Refusals}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final Refusals refusals;

    RequestBodyLimitFilter(LimitsProperties properties, Refusals refusals) {
        this.limit = properties.maxBodySize().toBytes();
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, declared, false);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(request, response, body.length, true);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** {@code actual} is the declared length, or for a chunked body the bytes read before giving up (one over the limit). */
    private void refuse(HttpServletRequest request, HttpServletResponse response, long actual, boolean moreUnread)
            throws IOException {
        String message = "The size of the request body is %s%s bytes; the limit is %s bytes"
                .formatted(
                        moreUnread ? "more than " : "",
                        LimitErrors.number(moreUnread ? limit : actual),
                        LimitErrors.number(limit));
        refusals.write(
                request,
                response,
                new Refusal(
                        HttpStatus.CONTENT_TOO_LARGE.value(),
                        LimitClassification.MAX_BODY_SIZE_EXCEEDED.name(),
                        message,
                        Map.of("limit", limit, "actual", actual)));
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset =
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
