package dev.diligence.bench.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The row counts of a loaded database, read back with {@code count(*)} (as a superuser: every tenant). */
public record DatasetCounts(
        long tenants,
        long funds,
        long companies,
        long holdings,
        long assessments,
        long publishedAssessments,
        long findings,
        long changes) {

    public static DatasetCounts read(Connection admin) throws SQLException {
        return new DatasetCounts(
                count(admin, "tenants", "true"),
                count(admin, "funds", "true"),
                count(admin, "companies", "true"),
                count(admin, "holdings", "true"),
                count(admin, "assessments", "true"),
                count(admin, "assessments", "status = 'PUBLISHED'"),
                count(admin, "findings", "true"),
                count(admin, "changes", "true"));
    }

    private static long count(Connection admin, String table, String condition) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table + " where " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
