package dev.diligence.domain.company;

import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a target company that people edit. Values may be invalid while a command is
 * being checked; {@link #violations()} tells which rules they break.
 *
 * @param website             the company's public web site: an absolute http or https URL
 * @param headquartersCountry ISO 3166-1 alpha-2 code of the country of the headquarters
 */
public record CompanyProfile(
        @Nullable String name,
        @Nullable String website,
        @Nullable Sector sector,
        @Nullable String headquartersCountry,
        @Nullable CompanyStage stage,
        @Nullable Integer employeeCount,
        @Nullable String description) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int WEBSITE_MAX_LENGTH = 2048;
    public static final int DESCRIPTION_MAX_LENGTH = 5000;
    public static final int MAX_EMPLOYEES = 10_000_000;

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * A profile of the attributes every company has, the optional ones absent: add them with the
     * {@code with...} methods, so that code building a profile names each attribute it gives.
     */
    public static CompanyProfile of(
            @Nullable String name,
            @Nullable Sector sector,
            @Nullable String headquartersCountry,
            @Nullable CompanyStage stage) {
        return new CompanyProfile(name, null, sector, headquartersCountry, stage, null, null);
    }

    public CompanyProfile withWebsite(@Nullable String website) {
        return new CompanyProfile(name, website, sector, headquartersCountry, stage, employeeCount, description);
    }

    public CompanyProfile withEmployeeCount(@Nullable Integer employeeCount) {
        return new CompanyProfile(name, website, sector, headquartersCountry, stage, employeeCount, description);
    }

    public CompanyProfile withDescription(@Nullable String description) {
        return new CompanyProfile(name, website, sector, headquartersCountry, stage, employeeCount, description);
    }

    /** This profile with names trimmed, the country upper-cased and blank optional texts removed. */
    public CompanyProfile normalized() {
        return new CompanyProfile(
                Text.normalize(name),
                blankToNull(website),
                sector,
                headquartersCountry == null ? null : headquartersCountry.strip().toUpperCase(Locale.ROOT),
                stage,
                employeeCount,
                blankToNull(description));
    }

    /** This profile with the non-null attributes of {@code changes} applied. */
    public CompanyProfile with(CompanyProfile changes) {
        return new CompanyProfile(
                changes.name != null ? changes.name : name,
                changes.website != null ? changes.website : website,
                changes.sector != null ? changes.sector : sector,
                changes.headquartersCountry != null ? changes.headquartersCountry : headquartersCountry,
                changes.stage != null ? changes.stage : stage,
                changes.employeeCount != null ? changes.employeeCount : employeeCount,
                changes.description != null ? changes.description : description);
    }

    /** Every rule this profile breaks; empty when it is valid. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        Text.requireName(name, "name", NAME_MAX_LENGTH, out);
        if (website != null && !isWebUrl(website)) {
            out.add(Violation.of("website", ViolationCode.INVALID, "website must be an absolute http or https URL"));
        }
        if (sector == null) {
            out.add(Violation.of("sector", ViolationCode.REQUIRED, "sector is required"));
        }
        if (headquartersCountry == null || headquartersCountry.isBlank()) {
            out.add(Violation.of("headquartersCountry", ViolationCode.REQUIRED, "headquartersCountry is required"));
        } else if (!ISO_COUNTRIES.contains(headquartersCountry)) {
            out.add(Violation.of(
                    "headquartersCountry",
                    ViolationCode.INVALID,
                    "headquartersCountry must be an ISO 3166-1 alpha-2 code such as DE or US"));
        }
        if (stage == null) {
            out.add(Violation.of("stage", ViolationCode.REQUIRED, "stage is required"));
        }
        if (employeeCount != null && (employeeCount < 0 || employeeCount > MAX_EMPLOYEES)) {
            out.add(Violation.of(
                    "employeeCount",
                    ViolationCode.OUT_OF_RANGE,
                    "employeeCount must be between 0 and " + MAX_EMPLOYEES));
        }
        if (description != null && description.length() > DESCRIPTION_MAX_LENGTH) {
            out.add(Violation.of(
                    "description",
                    ViolationCode.TOO_LONG,
                    "description must be at most " + DESCRIPTION_MAX_LENGTH + " characters"));
        }
        return out;
    }

    private static boolean isWebUrl(String value) {
        if (value.length() > WEBSITE_MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && uri.getHost().contains(".")
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
