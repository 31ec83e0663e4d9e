package dev.diligence.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Both formats written and read back with the libraries a consumer would use: what goes in comes out
 * (texts with commas, quotes, line breaks and non-ASCII letters; exact decimals; dates and instants),
 * and text that would be a formula does not come out as one.
 */
class TableWritersTest {

    private static final List<String> HEADER = List.of("Company", "Score", "Due", "Published", "Note");
    private static final List<Cell> ROW = List.of(
            Cell.text("Äcme, \"Labs\"\nGmbH"),
            Cell.number(new BigDecimal("2.1234567891")),
            Cell.date(LocalDate.of(2027, 2, 28)),
            Cell.timestamp(Instant.parse("2026-12-07T09:30:15Z")),
            Cell.text("=HYPERLINK(\"http://evil.example\")"));
    private static final List<Cell> SPARSE_ROW = List.of(
            Cell.text(null),
            Cell.number(new BigDecimal("-1.50")),
            Cell.date(null),
            Cell.timestamp(null),
            Cell.text("-2+3"));

    @Test
    void csvRoundTripsEveryValueAndNeutralisesFormulas() throws IOException {
        byte[] file = write(ExportFormat.CSV);

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records;
        try (Reader reader =
                new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).isEqualTo(HEADER);
        assertThat(records.get(1).toList())
                .containsExactly(
                        "Äcme, \"Labs\"\nGmbH",
                        "2.1234567891",
                        "2027-02-28",
                        "2026-12-07T09:30:15Z",
                        "'=HYPERLINK(\"http://evil.example\")");
        assertThat(records.get(2).toList()).containsExactly("", "-1.50", "", "", "'-2+3");
    }

    @Test
    void xlsxHasTypedCellsAndKeepsFormulasAsText() throws IOException {
        byte[] file = write(ExportFormat.XLSX);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Findings");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Company");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Äcme, \"Labs\"\nGmbH");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(row.getCell(1).getNumericCellValue())).isEqualByComparingTo("2.1234567891");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
            assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 30, 15));
            assertThat(row.getCell(4).getCellType()).as("never a formula").isEqualTo(CellType.STRING);
            assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();
            Row sparse = sheet.getRow(2);
            assertThat(sparse.getCell(0)).as("an empty cell is not written").isNull();
            assertThat(sparse.getCell(1).getNumericCellValue()).isEqualTo(-1.5);
            assertThat(sparse.getCell(1).getCellStyle().getQuotePrefixed())
                    .as("a number is a number")
                    .isFalse();
            assertThat(sparse.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void aDecimalADoubleCannotHoldStaysExactAsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = ExportFormat.XLSX.open(out, "Scores", List.of("Score"))) {
            table.row(List.of(Cell.number(new BigDecimal("1.000000000175000000001"))));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("1.000000000175000000001");
        }
    }

    @Test
    void xlsxStartsEachFurtherTableOnASheetOfItsOwn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = ExportFormat.XLSX.open(out, "Companies", List.of("Company", "Level"))) {
            table.row(List.of(Cell.text("Alpha"), Cell.integer(3)));
            table.row(List.of(Cell.text("Bravo"), Cell.integer(null)));
            table.nextTable("Summary", List.of("Measure", "Suppressed", "Note"));
            table.row(List.of(Cell.text("Level 3"), Cell.bool(true), Cell.text("@SUM(A1)")));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet companies = workbook.getSheet("Companies");
            assertThat(companies.getLastRowNum()).isEqualTo(2);
            assertThat(companies.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(companies.getRow(2).getCell(1)).isNull();
            Sheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Note");
            assertThat(summary.getRow(1).getCell(1).getBooleanCellValue()).isTrue();
            assertThat(summary.getRow(1).getCell(2).getCellStyle().getQuotePrefixed())
                    .isTrue();
        }
        assertThat(ExportFormat.XLSX.holdsManyTables()).isTrue();
    }

    @Test
    void csvIsOneTableWithBooleansAsTheApiWritesThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = ExportFormat.CSV.open(out, "Companies", List.of("Suppressed", "Level"))) {
            table.row(List.of(Cell.bool(false), Cell.integer(null)));
            assertThatThrownBy(() -> table.nextTable("Summary", List.of("Measure")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFSuppressed,Level\r\nfalse,\r\n");
        assertThat(ExportFormat.CSV.holdsManyTables()).isFalse();
    }

    @Test
    void aRowOfAnotherWidthIsRefused() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            try (TableWriter table = format.open(new ByteArrayOutputStream(), "T", List.of("a", "b"))) {
                assertThatThrownBy(() -> table.row(List.of(Cell.text("only one"))))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    private static byte[] write(ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = format.open(out, "Findings", HEADER)) {
            table.row(ROW);
            table.row(SPARSE_ROW);
        }
        return out.toByteArray();
    }
}
