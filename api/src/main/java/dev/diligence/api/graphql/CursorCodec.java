package dev.diligence.api.graphql;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque cursor strings: base64url of {@code v1 NL ordering NL id NL sortValue}. A cursor holds
 * only the position in the caller's own list, nothing about other tenants.
 */
public final class CursorCodec {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 1024;

    private CursorCodec() {}

    public static String encode(Cursor cursor) {
        String text = VERSION + "\n" + cursor.ordering() + "\n" + cursor.id() + "\n" + cursor.sortValue();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursorException when {@code value} was not made by {@link #encode} */
    public static Cursor decode(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new InvalidCursorException("The cursor is not valid");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\n", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new InvalidCursorException("The cursor is not valid");
            }
            return new Cursor(parts[1], parts[3], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidCursorException("The cursor is not valid");
        }
    }
}
