package dev.diligence.persistence.tenancy;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transaction manager every transaction of the application goes through, which gives the
 * database the tenant and fund scope its row-level security checks. The application's own check is
 * in each adapter's SQL, which states {@code tenant_id} from {@link CurrentTenant}.
 */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(
            DataSource dataSource, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        return new TenantTransactionManager(dataSource, currentTenant, currentFundScope);
    }
}
