package dev.diligence.api.sync;

import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a sync request's payload: hex SHA-256 of its canonical form. Two requests have
 * the same fingerprint exactly when they ask for the same thing, whatever the JSON looked like.
 * <p>Canonical form (version 1): the text {@code syncDeals/v1}, the source, then for funds, companies
 * and holdings in this order the label ({@code funds}...), the number of items and each item's attributes
 * in the order of sync.graphqls (every attribute, items in the order given). Each value is written as its UTF-8 length,
 * {@code ':'} and its UTF-8 bytes; an absent value (null) as {@code '~'}, so that {@code null} and
 * {@code ""} differ and no value can run into the next. Texts are taken as given (not trimmed);
 * enums by name; dates in ISO 8601; decimals by value ({@code 100}, {@code 100.0} and {@code 1E+2}
 * are the same number: trailing zeros stripped, plain notation); an absent list equals an empty one.
 * The idempotency key is not part of the payload.
 */
final class SyncPayloadHash {

    private static final String VERSION = "syncDeals/v1";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SyncPayloadHash() {}

    static String of(SyncDealsInput input) {
        SyncPayloadHash canonical = new SyncPayloadHash();
        canonical.value(VERSION).value(input.source());
        canonical.items("funds", input.funds());
        canonical.items("companies", input.companies());
        canonical.items("holdings", input.holdings());
        return canonical.digest();
    }

    /**
     * The label, the number of items and every item's attributes: the components of its record, in
     * their order, which is the order of sync.graphqls (so an attribute added to the input is in the
     * fingerprint without a change here).
     */
    private void items(String label, List<? extends Record> items) {
        value(label).value(items.size());
        for (Record item : items) {
            for (RecordComponent component : item.getClass().getRecordComponents()) {
                value(attribute(item, component));
            }
        }
    }

    private static Object attribute(Record item, RecordComponent component) {
        try {
            return component.getAccessor().invoke(item);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the sync inputs are public records with public accessors", e);
        }
    }

    private SyncPayloadHash value(Object value) {
        if (value == null) {
            out.write('~');
            return this;
        }
        String text = value instanceof BigDecimal decimal
                ? (decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString())
                : value instanceof Enum<?> constant ? constant.name() : value.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        return this;
    }

    private String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
