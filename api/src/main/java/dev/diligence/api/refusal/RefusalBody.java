package dev.diligence.api.refusal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** A rendered refusal: its media type and its UTF-8 JSON bytes. */
public record RefusalBody(MediaType contentType, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
