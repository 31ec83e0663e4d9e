package dev.diligence.api.support;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, through its connection pool:
 * Hibernate's and plain JDBC alike, and the connections it takes from the pool (one per
 * transaction). Tests read it around a request to prove that the number of statements does not
 * grow with the size of the answer, and how many transactions a request takes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    /** Statements prepared since the application started. */
    public long count() {
        return statements.get();
    }

    /** The text of the last {@value #RECENT} statements prepared, oldest first, so a failing count can say which they were. */
    public List<String> recent() {
        return List.copyOf(recent);
    }

    private static final int RECENT = 50;

    /** The number of statements {@code request} sends once a first run of it has warmed every cache. */
    public long countWarmed(Runnable request) {
        request.run();
        long before = count();
        request.run();
        return count() - before;
    }

    /**
     * The texts of the statements {@code request} sends once a first run of it has warmed every cache,
     * in order (at most the last {@value #RECENT}).
     */
    public List<String> statementsWarmed(Runnable request) {
        request.run();
        long before = count();
        request.run();
        int sent = (int) (count() - before);
        List<String> texts = recent();
        return texts.subList(Math.max(0, texts.size() - sent), texts.size());
    }

    /** Connections taken from the pool since the application started. */
    public long connections() {
        return connections.get();
    }

    @Bean
    static BeanPostProcessor countingDataSources(StatementCounter counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !(bean instanceof CountingDataSource)) {
                    CountingDataSource counting = new CountingDataSource();
                    pool.copyStateTo(counting);
                    counting.statements = counter.statements;
                    counting.connections = counter.connections;
                    counting.recent = counter.recent;
                    pool.close();
                    return counting;
                }
                return bean;
            }
        };
    }

    /** The application's pool, handing out connections that count the statements they prepare. */
    public static class CountingDataSource extends HikariDataSource {

        private AtomicLong statements = new AtomicLong();
        private AtomicLong connections = new AtomicLong();
        private Deque<String> recent = new ConcurrentLinkedDeque<>();

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            connections.incrementAndGet();
            return counting(connection);
        }

        private Connection counting(Connection connection) {
            AtomicLong counted = statements;
            Deque<String> texts = recent;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (STATEMENT_FACTORIES.contains(method.getName())) {
                            counted.incrementAndGet();
                            texts.addLast(
                                    arguments == null || arguments.length == 0
                                            ? "(statement)"
                                            : String.valueOf(arguments[0]));
                            while (texts.size() > RECENT) {
                                texts.pollFirst();
                            }
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
