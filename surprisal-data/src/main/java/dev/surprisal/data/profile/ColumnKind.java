package dev.surprisal.data.profile;

/**
 * What a profiled column holds. Numeric and datetime columns (datetime as seconds since
 * 1970-01-01 UTC) get frozen quantile bins and a KLL sketch; categorical and boolean columns get
 * top-K category bins plus "other" and "unseen".
 */
public enum ColumnKind {
    NUMERIC, DATETIME, CATEGORICAL, BOOLEAN;

    /** True for the kinds binned on numbers (numeric, datetime). */
    public boolean isNumeric() {
        return this == NUMERIC || this == DATETIME;
    }
}
