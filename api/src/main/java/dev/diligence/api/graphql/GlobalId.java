package dev.diligence.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque global IDs: base64url of {@code <TypeName>:<uuid>}. Decoding never throws: anything that is
 * not an ID of the expected type is simply not found, exactly like the ID of another tenant's object.
 */
public record GlobalId(String typeName, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((typeName + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String typeName, UUID id) {
        return new GlobalId(typeName, id).encode();
    }

    public static Optional<GlobalId> decode(String value) {
        if (value == null || value.length() > 128) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(text.substring(0, colon), UUID.fromString(text.substring(colon + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Stands for "no object": no row has this id. */
    public static final UUID NOTHING = new UUID(0L, 0L);

    /**
     * The UUID of {@code value} if it is an ID of {@code typeName}, else {@link #NOTHING}. Lookups
     * by the result go through the service like any other, so a malformed ID or one of another type
     * is authorized first and then simply not found, exactly like an unknown ID.
     */
    public static UUID decodeOrNothing(String value, String typeName) {
        return decode(value, typeName).orElse(NOTHING);
    }

    /** The UUID of {@code value} if it is an ID of {@code typeName}. */
    public static Optional<UUID> decode(String value, String typeName) {
        return decode(value).filter(id -> id.typeName().equals(typeName)).map(GlobalId::id);
    }
}
