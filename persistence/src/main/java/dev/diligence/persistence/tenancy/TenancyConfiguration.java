package dev.diligence.persistence.tenancy;

import dev.diligence.persistence.replica.ReadYourWrites;
import dev.diligence.persistence.replica.ReplicaRouting;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transaction manager every transaction of the application goes through, which gives the
 * database the tenant and fund scope its row-level security checks. The application's own check is
 * in each adapter's SQL, which states {@code tenant_id} from {@link CurrentTenant}. Without a
 * replica it begins every transaction on the application's {@code DataSource}; with one, on the
 * replica routing's data source, which keeps read-write transactions on that same primary pool.
 */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(
            DataSource dataSource,
            CurrentTenant currentTenant,
            CurrentFundScope currentFundScope,
            ObjectProvider<ReplicaRouting> replica,
            ObjectProvider<ReadYourWrites> readYourWrites) {
        ReplicaRouting routing = replica.getIfAvailable();
        if (routing == null) {
            return new TenantTransactionManager(dataSource, currentTenant, currentFundScope);
        }
        return new TenantTransactionManager(
                routing.transactionDataSource(),
                currentTenant,
                currentFundScope,
                readYourWrites.getIfAvailable(() -> ReadYourWrites.NONE));
    }
}
