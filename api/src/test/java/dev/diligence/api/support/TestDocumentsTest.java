package dev.diligence.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every test document, with its shared fragments, is valid against the product's schema: a document
 * that drifted from the schema, or spreads a fragment that does not exist, fails here at once instead
 * of in the integration test that sends it.
 */
class TestDocumentsTest {

    @Test
    void everyTestDocumentWithItsFragmentsIsValidAgainstTheSchema() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql-test/*.graphql");
        List<String> names = Arrays.stream(files)
                .map(Resource::getFilename)
                .map(name -> name.substring(0, name.length() - ".graphql".length()))
                .toList();
        assertThat(names).hasSizeGreaterThan(100).contains("createCompany", "portfolio", "oracleNode");

        for (String name : names) {
            Document document = Parser.parse(TestDocuments.load(name));
            List<ValidationError> errors =
                    new Validator().validateDocument(ProductSchema.SCHEMA, document, Locale.ROOT);
            assertThat(errors).as(name).isEmpty();
        }
    }

    @Test
    void aSharedFragmentIsAppendedOnceWithTheFragmentsItSpreads() {
        String document = TestDocuments.withFragments(
                "{ funds { nodes { ...FundFields } pageInfo { ...PageInfoFields } } f: funds { nodes { ...FundFields } } }");

        assertThat(document.split("fragment FundFields on Fund", -1)).hasSize(2);
        assertThat(document).contains("fragment PageInfoFields on PageInfo").doesNotContain("fragment on");
        assertThat(TestDocuments.withFragments("{ node(id: \"x\") { ... on Fund { id } } }"))
                .as("an inline fragment is not a spread of a shared one")
                .isEqualTo("{ node(id: \"x\") { ... on Fund { id } } }");
    }
}
