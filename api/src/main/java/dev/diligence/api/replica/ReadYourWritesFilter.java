package dev.diligence.api.replica;

import dev.diligence.persistence.replica.ReplicaConfigured;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's {@link CommitPositions} while it is served (only with a replica): the
 * transaction manager hands it the position of each write committed on the request's thread,
 * which goes into the response header before the body is written (a GraphQL response is written
 * once execution completed; a file export's audit record commits before its body). When the
 * request ends, its writer's reads stay on the primary for a while ({@link RecentWriters}).
 *
 * <p>Contract: only writes committed on the request's own thread are seen; the mutations'
 * resolvers and the exports run there.
 */
@Component
@Conditional(ReplicaConfigured.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ReadYourWritesFilter extends OncePerRequestFilter {

    private final RecentWriters writers;

    ReadYourWritesFilter(RecentWriters writers) {
        this.writers = writers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CommitPositions positions = CommitPositions.bind(request.getHeader(CommitPositions.HEADER), response);
        try {
            chain.doFilter(request, response);
        } finally {
            CommitPositions.clear();
            if (positions.writer() != null) {
                writers.wrote(positions.writer());
            }
        }
    }
}
