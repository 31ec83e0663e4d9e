package dev.diligence.domain.fund;

/** Investment strategy of a fund. */
public enum FundStrategy {
    VENTURE_CAPITAL,
    GROWTH_EQUITY,
    BUYOUT,
    PRIVATE_CREDIT,
    INFRASTRUCTURE,
    SECONDARIES,
    FUND_OF_FUNDS,
    OTHER
}
