package dev.diligence.api.sync;

import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncInput.SyncFundInput;
import dev.diligence.api.sync.SyncInput.SyncHoldingInput;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a sync request's payload: hex SHA-256 of its canonical form. Two requests have
 * the same fingerprint exactly when they ask for the same thing, whatever the JSON looked like.
 * <p>Canonical form (version 1): the text {@code syncDeals/v1}, the source, then for funds, companies
 * and holdings in this order the number of items and each item's attributes in the order of
 * sync.graphqls (every attribute, items in the order given). Each value is written as its UTF-8 length,
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
        canonical.value("funds").value(input.funds().size());
        for (SyncFundInput fund : input.funds()) {
            canonical
                    .value(fund.externalId())
                    .value(fund.name())
                    .value(fund.vintageYear())
                    .value(fund.strategy())
                    .value(fund.currency())
                    .value(fund.targetSize());
        }
        canonical.value("companies").value(input.companies().size());
        for (SyncCompanyInput company : input.companies()) {
            canonical
                    .value(company.externalId())
                    .value(company.name())
                    .value(company.website())
                    .value(company.sector())
                    .value(company.headquartersCountry())
                    .value(company.stage())
                    .value(company.employeeCount())
                    .value(company.description());
        }
        canonical.value("holdings").value(input.holdings().size());
        for (SyncHoldingInput holding : input.holdings()) {
            canonical
                    .value(holding.externalId())
                    .value(holding.fundExternalId())
                    .value(holding.companyExternalId())
                    .value(holding.dealStage())
                    .value(holding.ownershipPercentage())
                    .value(holding.entryDate())
                    .value(holding.exitDate());
        }
        return canonical.digest();
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
