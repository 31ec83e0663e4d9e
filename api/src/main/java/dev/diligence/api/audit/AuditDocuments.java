package dev.diligence.api.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the objects an audit event records before and after a change, written with the
 * application's Jackson mapper, and read back as plain maps, lists and values for the {@code JSON}
 * scalar. Decimals are read as {@link java.math.BigDecimal}, so that no digit is lost.
 */
@Component
class AuditDocuments {

    private final JsonMapper mapper;
    private final ObjectReader reader;

    AuditDocuments(JsonMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(Object.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Nullable
    String write(@Nullable Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    @Nullable
    Object read(@Nullable String document) {
        return document == null ? null : reader.readValue(document);
    }
}
