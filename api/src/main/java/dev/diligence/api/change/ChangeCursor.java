package dev.diligence.api.change;

import dev.diligence.domain.shared.paging.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The opaque cursor of the change feed: base64url of {@code changes:v1:<position>}, the last position
 * a client read. Null stands for "before the first change".
 */
final class ChangeCursor {

    private static final String PREFIX = "changes:v1:";
    private static final int MAX_LENGTH = 128;

    private ChangeCursor() {}

    static String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which to read; 0 for null. @throws InvalidCursorException for anything {@link #encode} did not make */
    static long decode(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a change cursor");
            }
            long position = Long.parseLong(text.substring(PREFIX.length()));
            if (position < 0) {
                throw new IllegalArgumentException("negative");
            }
            return position;
        } catch (IllegalArgumentException malformed) {
            throw new InvalidCursorException("The cursor is not valid");
        }
    }
}
