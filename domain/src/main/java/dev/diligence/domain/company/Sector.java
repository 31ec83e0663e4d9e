package dev.diligence.domain.company;

/**
 * The industry a target company sells into. A fixed list, coarse enough to compare portfolios and
 * fine enough to spot regulated AI uses (credit, insurance, health, employment, education).
 */
public enum Sector {
    /** Banking, lending, payments, wealth and asset management. */
    FINANCIAL_SERVICES,
    /** Insurers, brokers and insurance software. */
    INSURANCE,
    /** Providers, payers, digital health and medical devices. */
    HEALTHCARE,
    /** Pharma, biotech and research tools. */
    LIFE_SCIENCES,
    /** Recruiting, workforce and HR software. */
    HR_AND_EMPLOYMENT,
    /** Schools, universities and education technology. */
    EDUCATION,
    /** Horizontal business software and data platforms. */
    ENTERPRISE_SOFTWARE,
    /** Security products and services. */
    CYBERSECURITY,
    /** Retail, e-commerce and marketplaces. */
    RETAIL_AND_ECOMMERCE,
    /** Consumer apps, media and entertainment. */
    CONSUMER_AND_MEDIA,
    /** Telecom operators and network equipment. */
    TELECOMMUNICATIONS,
    /** Manufacturing, industrial automation and robotics. */
    INDUSTRIALS,
    /** Oil and gas, power, utilities and renewables. */
    ENERGY_AND_UTILITIES,
    /** Logistics, transport, automotive and mobility. */
    MOBILITY_AND_LOGISTICS,
    /** Real estate and construction technology. */
    REAL_ESTATE,
    /** Agriculture and food. */
    AGRICULTURE_AND_FOOD,
    /** Government, defence and public services. */
    PUBLIC_SECTOR,
    /** Professional and business services. */
    BUSINESS_SERVICES,
    /** Anything else. */
    OTHER
}
