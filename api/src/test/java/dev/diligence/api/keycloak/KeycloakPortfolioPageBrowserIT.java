package dev.diligence.api.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.ContextConfiguration;

/**
 * The portfolio page signs in on a real Keycloak's login page: the demo realm's public client
 * {@code diligence-web}, authorization code with PKCE (S256, which the realm requires), a token
 * with the API's audience and the user's firm, and the funds the API then grants. The page is
 * served on port 8080, a redirect URI the realm allows (it lists fixed development ports only), so
 * nothing else may listen there while it runs. Runs with {@link KeycloakEndToEndIT}, only when
 * {@code keycloak.url} names that Keycloak ({@code .ci/keycloak-e2e.sh}).
 */
@EnabledIfSystemProperty(named = "keycloak.url", matches = ".+")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"diligence.embedded.enabled=false", "server.port=8080", "management.server.port=0"})
@ContextConfiguration(initializers = KeycloakEndToEndIT.TrustKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakPortfolioPageBrowserIT extends ApiIntegrationTest {

    private static final String NORTHWIND = "northwind-capital";
    private static final String PAGE = "http://127.0.0.1:8080/app/";
    private static final KeycloakRealm KEYCLOAK = new KeycloakRealm(
            System.getProperty("keycloak.url", "http://127.0.0.1:18080"),
            System.getProperty("keycloak.realm", "diligence"));

    @RegisterExtension
    final Browser chromium = new Browser();

    private String grantedFund;

    /** A Northwind fund that alice (tenant admin) grants to frank (fund manager), both of Keycloak. */
    @BeforeAll
    void aFundGrantedToFrank() {
        KeycloakEndToEndIT.ensureTenant(NORTHWIND);
        GraphQlTester alice = graphQl(KEYCLOAK.userToken("alice"));
        grantedFund = CompanyFixtures.createFund(alice, "Keycloak Page Fund " + CompanyFixtures.unique());
        CompanyFixtures.grantFund(alice, grantedFund, KeycloakRealm.subjectOf(KEYCLOAK.userToken("frank")));
    }

    @Test
    void frankSignsInOnKeycloaksLoginPageAndSeesTheFundGrantedToHim() {
        ChromeDriver browser = chromium.driver();
        browser.get(PAGE);
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("sign-in")).isEmpty());
        browser.findElement(By.id("sign-in")).click();

        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(KEYCLOAK.issuerUri()).contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys("frank");
        browser.findElement(By.id("password")).sendKeys(KeycloakRealm.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        chromium.waiting()
                .until(driver ->
                        !driver.findElements(By.cssSelector("#fund-list a")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(PAGE).doesNotContain("code=");
        List<String> funds = browser.findElements(By.cssSelector("#fund-list a")).stream()
                .map(link -> link.getAttribute("data-fund-id"))
                .toList();
        assertThat(funds).containsExactly(grantedFund);
        assertThat(chromium.consoleMessages())
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused"));
    }
}
