package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path writes exactly what graphql-java-extended-scalars' DateTime writes, and defers to it elsewhere. */
class UtcDateTimeScalarTest {

    private static final Coercing<?, ?> LIBRARY = ExtendedScalars.DateTime.getCoercing();
    private static final Coercing<?, ?> OURS = UtcDateTimeScalar.scalar().getCoercing();
    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @Test
    void utcTimesOfAnyYearAndPrecisionAreWrittenAsTheLibraryWritesThem() {
        SplittableRandom random = new SplittableRandom(18);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            OffsetDateTime time =
                    Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos).atOffset(ZoneOffset.UTC);
            assertThat(serialize(OURS, time)).as("%s", time).isEqualTo(serialize(LIBRARY, time));
        }
    }

    @Test
    void theEdgesOfTheFastPathAndEverythingOutsideItAreTheLibrarys() {
        for (OffsetDateTime time : new OffsetDateTime[] {
            OffsetDateTime.parse("0000-01-01T00:00:00Z"), OffsetDateTime.parse("9999-12-31T23:59:59.999999999Z"),
            OffsetDateTime.parse("2026-12-07T06:30:00.5+02:00"), OffsetDateTime.parse("+10000-01-01T00:00:00Z"),
            OffsetDateTime.parse("-0001-06-30T12:00:00Z")
        }) {
            assertThat(serialize(OURS, time)).as("%s", time).isEqualTo(serialize(LIBRARY, time));
        }
        assertThat(UtcDateTimeScalar.format(OffsetDateTime.parse("2026-03-04T05:06:07.089Z")))
                .isEqualTo("2026-03-04T05:06:07.089Z");
    }

    private static Object serialize(Coercing<?, ?> coercing, Object value) {
        return coercing.serialize(value, CONTEXT, Locale.ROOT);
    }
}
