package dev.diligence.api.framework;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The UUID that stands for a framework version where an object needs one (the entity id of its
 * audit events, hence its global ID there). Versions are identified by their number, which is unique
 * across all firms; the UUID is the name-based (type 3) UUID of {@code "FrameworkVersion:<number>"},
 * so it is stable, the same in every event, and anyone can compute it from the number.
 */
final class FrameworkVersionIds {

    private FrameworkVersionIds() {}

    static UUID of(int number) {
        return UUID.nameUUIDFromBytes((FrameworkService.TYPE + ":" + number).getBytes(StandardCharsets.UTF_8));
    }
}
