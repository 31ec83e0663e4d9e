package dev.diligence.domain.standing;

/** Which parts of a {@link CompanyStanding} to read; at least one. */
public record StandingReads(boolean latestPublication, boolean openFindings) {

    public StandingReads {
        if (!latestPublication && !openFindings) {
            throw new IllegalArgumentException("a standing read reads at least one part");
        }
    }
}
