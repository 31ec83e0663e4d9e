package dev.diligence.api.company;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GraphQL {@code Company}; {@code companyId} is the domain id behind the global ID, kept so that batch
 * loaders never decode it.
 */
public record CompanyView(
        String id,
        String name,
        String website,
        Sector sector,
        String headquartersCountry,
        CompanyStage stage,
        Integer employeeCount,
        String description,
        List<ExternalReferenceView> externalReferences,
        boolean archived,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonIgnore CompanyId companyId)
        implements NodeView {

    /**
     * Identity by {@code id} and {@code version}: views are batch-loader keys, hashed for every row
     * of a page, and within one request two views of the same id and version hold the same data.
     * The record's generated methods would hash every nested list and value instead.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CompanyView view && id.equals(view.id) && version == view.version;
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(version);
    }

    public static final String TYPE = "Company";

    /** GraphQL {@code ExternalReference}: both parts are always present on a stored company. */
    public record ExternalReferenceView(String source, String externalId) {

        static ExternalReferenceView of(ExternalReference reference) {
            return new ExternalReferenceView(reference.source(), reference.externalId());
        }
    }

    public static CompanyView of(Company company) {
        CompanyProfile profile = company.profile();
        return new CompanyView(
                GlobalId.encode(TYPE, company.id().value()),
                profile.name(),
                profile.website(),
                profile.sector(),
                profile.headquartersCountry(),
                profile.stage(),
                profile.employeeCount(),
                profile.description(),
                company.externalReferences().stream()
                        .map(ExternalReferenceView::of)
                        .toList(),
                company.archived(),
                company.version(),
                company.createdAt().atOffset(ZoneOffset.UTC),
                company.updatedAt().atOffset(ZoneOffset.UTC),
                company.id());
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }
}
