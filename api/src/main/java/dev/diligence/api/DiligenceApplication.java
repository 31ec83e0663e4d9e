package dev.diligence.api;

import dev.diligence.persistence.PersistenceConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The diligence portfolio GraphQL API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PersistenceConfiguration.class)
public class DiligenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiligenceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
