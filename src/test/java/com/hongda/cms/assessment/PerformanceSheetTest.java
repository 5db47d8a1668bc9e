package com.hongda.cms.assessment;

import static com.hongda.cms.assessment.SheetFiles.HEADER_CODES;
import static com.hongda.cms.assessment.SheetFiles.rawHeader;
import static com.hongda.cms.assessment.SheetFiles.rawXlsx;
import static com.hongda.cms.assessment.SheetFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.hongda.cms.assessment.PerformanceSheet.Parsed;
import com.hongda.cms.assessment.SheetFiles.Formula;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * The import of performance figures: columns by code, label or "label (code)" in any order; every error of
 * a sheet with its row, column and rule; hostile files end in a classified error and are not read to their end.
 */
class PerformanceSheetTest {

    private static final MessageSource MESSAGES = SheetFiles.messages();
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static Parsed parse(byte[] file) {
        return PerformanceSheet.parse(new ByteArrayInputStream(file), 5000);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Map<Indicator, BigDecimal> figures(String... values) {
        Map<Indicator, BigDecimal> m = new java.util.EnumMap<>(Indicator.class);
        List<Indicator> performance = Indicator.performance();
        for (int i = 0; i < values.length; i++) {
            m.put(performance.get(i), new BigDecimal(values[i]));
        }
        return m;
    }

    private static String render(SheetError e, Locale locale) {
        return MESSAGES.getMessage(e.messageKey(), e.args().toArray(), locale);
    }

    @Test
    void aSheetWithHeaderCodesYieldsEveryRowWithItsRowNumber() {
        Parsed p = parse(xlsx(List.of(
                HEADER_CODES,
                row(" E-001 ", 80, 90.5, "75", " 60.25 ", 100, 0),
                List.of(),
                row(10023, 1, 2, 3, 4, 5, 6.1))));

        assertThat(p.errors()).isEmpty();
        assertThat(p.ok()).isTrue();
        assertThat(p.rows()).extracting(SheetRow::row, SheetRow::employeeNo).containsExactly(tuple(2, "E-001"), tuple(4, "10023"));
        assertThat(p.rows().get(0).figures()).isEqualTo(figures("80.00", "90.50", "75.00", "60.25", "100.00", "0.00"));
        assertThat(p.rows().get(1).figures()).isEqualTo(figures("1.00", "2.00", "3.00", "4.00", "5.00", "6.10"));
    }

    @Test
    void columnsAreFoundInAnyOrderByChineseOrEnglishLabelOrLabelAndCode() {
        Parsed p = parse(xlsx(List.of(
                row("业务增长", "任务完成率", " 员工编号 ", "Efficiency", "新客户拓展 （newCustomers）", "anything (QUALITY)", "VOLUME"),
                row(6, 1, "A1", 4, 5, 2, 3))));

        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.employeeNo()).isEqualTo("A1");
            assertThat(r.figures()).isEqualTo(figures("1.00", "2.00", "3.00", "4.00", "5.00", "6.00"));
        });
    }

    @Test
    void theTemplateParsesInEitherLanguageOnceRowsAreAdded() throws IOException {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            byte[] template = PerformanceSheet.template(locale, MESSAGES);
            assertThat(parse(template).errors()).extracting(SheetError::row, SheetError::rule, SheetError::messageKey)
                    .containsExactly(tuple(2, "EMPTY", "error.sheet.noRows"));

            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                XSSFSheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getDataValidations()).singleElement().satisfies(v -> {
                    assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
                    assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("100");
                    assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("B2:G1048576");
                });
                Row header = sheet.getRow(0);
                if (locale == ZH) {
                    assertThat(sheet.getSheetName()).isEqualTo("业绩数据");
                    assertThat(header.getCell(0).getStringCellValue()).isEqualTo("员工编号 (employeeNo)");
                    assertThat(header.getCell(1).getStringCellValue()).isEqualTo("任务完成率 (taskCompletion)");
                } else {
                    assertThat(sheet.getSheetName()).isEqualTo("Performance");
                    assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Business growth (businessGrowth)");
                }
                CellStyle employeeColumn = sheet.getColumnStyle(0);
                assertThat(employeeColumn.getDataFormatString()).isEqualTo("@");
                Row data = sheet.createRow(1);
                SheetFiles.set(data, 0, "007");
                for (int c = 1; c <= 6; c++) {
                    SheetFiles.set(data, c, 50 + c);
                }
                wb.write(out);
                Parsed p = parse(out.toByteArray());
                assertThat(p.errors()).isEmpty();
                assertThat(p.rows()).singleElement().satisfies(r -> {
                    assertThat(r.employeeNo()).isEqualTo("007");
                    assertThat(r.figures()).isEqualTo(figures("51.00", "52.00", "53.00", "54.00", "55.00", "56.00"));
                });
            }
        }
    }

    @Test
    void everyErrorOfEveryRowIsReportedWithItsCellAndRule() {
        Parsed p = parse(xlsx(List.of(
                HEADER_CODES,
                row("E1", 80, 80, 80, 80, 80, 80),
                row("E2", null, "abc", 85.555, 101, -1, "  "),
                row("e1", 70, 70, 70, 70, 70, 70),
                row(null, 70, 70, 70, 70, 70, 70),
                row("张三", 70, 70, 70, 70, 70, true),
                row(12.5, 70, "85%", "1e2", "85,5", 70, 70),
                row("E3", 70, 70, 70, 70, 70, 70))));

        assertThat(p.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::messageKey).containsExactly(
                tuple(3, "taskCompletion", "REQUIRED", "error.sheet.required"),
                tuple(3, "quality", "FORMAT", "error.sheet.notNumber"),
                tuple(3, "volume", "FORMAT", "error.sheet.decimals"),
                tuple(3, "efficiency", "RANGE", "error.sheet.range"),
                tuple(3, "newCustomers", "RANGE", "error.sheet.range"),
                tuple(3, "businessGrowth", "REQUIRED", "error.sheet.required"),
                tuple(4, "employeeNo", "DUPLICATE", "error.sheet.duplicateEmployee"),
                tuple(5, "employeeNo", "REQUIRED", "error.sheet.required"),
                tuple(6, "employeeNo", "FORMAT", "error.sheet.employeeNoFormat"),
                tuple(6, "businessGrowth", "FORMAT", "error.sheet.notNumber"),
                tuple(7, "employeeNo", "FORMAT", "error.sheet.employeeNoFormat"),
                tuple(7, "quality", "FORMAT", "error.sheet.notNumber"),
                tuple(7, "volume", "FORMAT", "error.sheet.notNumber"),
                tuple(7, "efficiency", "FORMAT", "error.sheet.notNumber"));
        assertThat(p.rows()).extracting(SheetRow::row).containsExactly(2, 8);

        assertThat(p.errors().get(0).args().get(0)).isEqualTo("B3");
        assertThat(render(p.errors().get(0), ZH)).isEqualTo("单元格 B3：任务完成率不能为空");
        assertThat(render(p.errors().get(0), Locale.ENGLISH)).isEqualTo("Cell B3: Task completion is required");
        assertThat(render(p.errors().get(2), ZH)).isEqualTo("单元格 D3：业务量最多两位小数，现为 85.555");
        assertThat(render(p.errors().get(3), Locale.ENGLISH)).isEqualTo("Cell E3: Efficiency must lie between 0 and 100, not 101");
        assertThat(render(p.errors().get(6), ZH)).isEqualTo("单元格 A4：员工编号 e1 已在第 2 行出现");
        assertThat(render(p.errors().get(8), Locale.ENGLISH))
                .isEqualTo("Cell A6: the employee number \"张三\" holds letters, digits or '-', at most 32 characters");
        assertThat(render(p.errors().get(9), ZH)).isEqualTo("单元格 G6：业务增长应为数字，现为“TRUE”");
    }

    @Test
    void headerProblemsAreReportedAndTheRowsNotRead() {
        Parsed p = parse(xlsx(List.of(
                row("employeeNo", "taskCompletion", "姓名", "quality", "任务完成率", "attitude", null, "volume"),
                row("E1", "x", "x", "x", "x", "x", "x", "x"))));

        assertThat(p.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule).containsExactly(
                tuple(1, null, "UNKNOWN_COLUMN"),
                tuple(1, "taskCompletion", "DUPLICATE"),
                tuple(1, null, "UNKNOWN_COLUMN"),
                tuple(1, "efficiency", "MISSING_COLUMN"),
                tuple(1, "newCustomers", "MISSING_COLUMN"),
                tuple(1, "businessGrowth", "MISSING_COLUMN"));
        assertThat(p.errors().get(0).args()).containsExactly("C1", "姓名");
        assertThat(render(p.errors().get(1), ZH)).isEqualTo("单元格 E1：列“任务完成率”重复出现");
        assertThat(render(p.errors().get(3), Locale.ENGLISH)).isEqualTo("Row 1 lacks the column \"Efficiency\"");
        assertThat(p.rows()).isEmpty();
    }

    @Test
    void aHeaderBelowRowOneIsMissingAndASheetWithoutContentIsEmpty() {
        List<List<Object>> titled = new ArrayList<>();
        titled.add(null);
        titled.add(row("2031 年 11 月业绩"));
        titled.add(HEADER_CODES);
        assertThat(parse(xlsx(titled)).errors()).extracting(SheetError::row, SheetError::rule)
                .containsExactly(tuple(1, "MISSING_COLUMN"), tuple(1, "MISSING_COLUMN"), tuple(1, "MISSING_COLUMN"),
                        tuple(1, "MISSING_COLUMN"), tuple(1, "MISSING_COLUMN"), tuple(1, "MISSING_COLUMN"), tuple(1, "MISSING_COLUMN"));

        assertThat(parse(xlsx(List.of(row(" ", null)))).errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::messageKey)
                .containsExactly(tuple(0, null, "EMPTY", "error.sheet.empty"));
        assertThat(parse(xlsx(List.of(HEADER_CODES))).errors()).extracting(SheetError::row, SheetError::rule, SheetError::messageKey)
                .containsExactly(tuple(2, "EMPTY", "error.sheet.noRows"));
    }

    @Test
    void formulasCountByTheirCalculatedValueAndAreRefusedWithoutOne() {
        List<List<Object>> rows = List.of(
                HEADER_CODES,
                row("E1", new Formula("40*2"), new Formula("0.1+0.2"), new Formula("B2/2"), 80, 80, 80),
                row(new Formula("\"E\"&\"2\""), new Formula("1/0"), 80, 80, 80, 80, 80));

        Parsed calculated = parse(xlsx(rows, true));
        assertThat(calculated.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::messageKey)
                .containsExactly(tuple(3, "taskCompletion", "FORMAT", "error.sheet.formulaError"));
        assertThat(calculated.errors().get(0).args()).containsExactly("B3", calculated.errors().get(0).args().get(1), "#DIV/0!");
        assertThat(calculated.rows()).singleElement().satisfies(r -> {
            assertThat(r.employeeNo()).isEqualTo("E1");
            // 0.1 + 0.2 is 0.30000000000000004 in binary; Excel shows 0.3, and so does the import.
            assertThat(r.figures()).isEqualTo(figures("80.00", "0.30", "40.00", "80.00", "80.00", "80.00"));
        });

        Parsed uncalculated = parse(xlsx(rows, false));
        assertThat(uncalculated.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::messageKey)
                .containsExactly(
                        tuple(2, "taskCompletion", "FORMAT", "error.sheet.formulaNoValue"),
                        tuple(2, "quality", "FORMAT", "error.sheet.formulaNoValue"),
                        tuple(2, "volume", "FORMAT", "error.sheet.formulaNoValue"),
                        tuple(3, "employeeNo", "FORMAT", "error.sheet.formulaNoValue"),
                        tuple(3, "taskCompletion", "FORMAT", "error.sheet.formulaNoValue"));
    }

    @Test
    void datesAndPercentagesAreRefusedRatherThanReadAsNumbers() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER_CODES.size(); c++) {
                SheetFiles.set(header, c, HEADER_CODES.get(c));
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            Row row = sheet.createRow(1);
            for (int c = 0; c < 7; c++) {
                SheetFiles.set(row, c, c == 0 ? "E1" : 50);
            }
            row.getCell(1).setCellStyle(date);
            row.getCell(2).setCellStyle(percent);
            wb.write(out);
            assertThat(parse(out.toByteArray()).errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::messageKey)
                    .containsExactly(tuple(2, "taskCompletion", "FORMAT", "error.sheet.dateOrPercent"),
                            tuple(2, "quality", "FORMAT", "error.sheet.dateOrPercent"));
        }
    }

    @Test
    void aCellOfSeventyThousandCharactersIsAFormatError() {
        // Varied text: 70,000 times the same letter would compress like a zip bomb, and be refused as one.
        Random random = new Random(70_000);
        String huge = random.ints(70_000, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String digits = random.ints(70_000, '0', '9' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] file = rawXlsx(w -> {
            w.write(rawHeader());
            w.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c>");
            w.write("<c r=\"B2\" t=\"inlineStr\"><is><t>" + digits + "</t></is></c>");
            w.write("<c r=\"C2\"><v>1</v></c><c r=\"D2\"><v>1</v></c><c r=\"E2\"><v>1</v></c><c r=\"F2\"><v>1</v></c><c r=\"G2\"><v>1</v></c></row>");
        });

        Parsed p = parse(file);
        assertThat(p.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule)
                .containsExactly(tuple(2, "employeeNo", "FORMAT"), tuple(2, "taskCompletion", "FORMAT"));
        assertThat(p.errors().get(0).args()).containsExactly("A2", huge.substring(0, 40) + "…");
    }

    @Test
    void rowsAndCellsWithoutReferencesAndInlineTextAreRead() {
        byte[] file = rawXlsx(w -> {
            w.write(rawHeader());
            // No r attributes (allowed), a phonetic run that is not part of the text.
            w.write("<row><c t=\"inlineStr\"><is><r><t>E</t></r><r><t>9</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is></c>"
                    + "<c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c><c><v>5</v></c><c t=\"str\"><f>1+5</f><v>6</v></c></row>");
        });
        Parsed p = parse(file);
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.employeeNo()).isEqualTo("E9");
            assertThat(r.figures()).isEqualTo(figures("1.00", "2.00", "3.00", "4.00", "5.00", "6.00"));
        });
    }

    @Test
    void aMillionRowsAreNotReadPastTheLimit() {
        byte[] file = rawXlsx(w -> {
            w.write(rawHeader());
            StringBuilder s = new StringBuilder(256);
            for (int r = 2; r <= 1_000_002; r++) {
                s.setLength(0);
                s.append("<row r=\"").append(r).append("\"><c t=\"inlineStr\"><is><t>E").append(r).append("</t></is></c>");
                for (int c = 0; c < 6; c++) {
                    s.append("<c><v>").append((r + c) % 101).append("</v></c>");
                }
                w.append(s.append("</row>"));
            }
        });
        assertThat(file.length).isLessThan((int) PerformanceSheet.MAX_BYTES);

        Parsed p = PerformanceSheet.parse(new ByteArrayInputStream(file), 100);
        assertThat(p.rows()).hasSize(100);
        assertThat(p.rows().get(99).row()).isEqualTo(101);
        assertThat(p.errors()).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::args)
                .containsExactly(tuple(102, null, "TOO_MANY_ROWS", List.of(100)));
    }

    @Test
    void errorsAreReportedUpToTheCap() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER_CODES);
        for (int i = 0; i < 150; i++) {
            rows.add(row("E" + i, 200, 200, 80, 80, 80, 80));
        }
        List<SheetError> errors = parse(xlsx(rows)).errors();
        assertThat(errors).hasSize(PerformanceSheet.MAX_ERRORS + 1);
        assertThat(errors.get(199)).extracting(SheetError::row, SheetError::column).containsExactly(101, "quality");
        assertThat(errors.get(200)).extracting(SheetError::row, SheetError::column, SheetError::rule, SheetError::args)
                .containsExactly(102, null, "TOO_MANY_ERRORS", List.of(200));
    }

    // ---------------------------------------------------------------- files that are no spreadsheet

    private static SheetError fileError(byte[] file) {
        return fileError(new ByteArrayInputStream(file));
    }

    private static SheetError fileError(InputStream in) {
        Parsed p = PerformanceSheet.parse(in, 5000);
        assertThat(p.rows()).isEmpty();
        assertThat(p.errors()).hasSize(1);
        SheetError e = p.errors().get(0);
        assertThat(e.row()).isZero();
        assertThat(e.column()).isNull();
        return e;
    }

    @Test
    void anEmptyFileIsEmpty() {
        assertThat(fileError(new byte[0])).extracting(SheetError::rule, SheetError::messageKey)
                .containsExactly("EMPTY", "error.sheet.emptyFile");
    }

    @Test
    void garbageCsvAndBrokenZipsAreNoXlsx() {
        byte[] garbage = new byte[10_000_000];
        new Random(7).nextBytes(garbage);
        garbage[0] = 'x';
        assertThat(fileError(garbage)).extracting(SheetError::rule, SheetError::messageKey).containsExactly("NOT_XLSX", "error.sheet.notXlsx");

        // Random bytes behind a zip signature go as far as opening the zip.
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        assertThat(fileError(garbage)).extracting(SheetError::rule, SheetError::messageKey).containsExactly("NOT_XLSX", "error.sheet.notXlsx");

        byte[] csv = "employeeNo,taskCompletion,quality,volume,efficiency,newCustomers,businessGrowth\nE1,80,80,80,80,80,80\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(fileError(csv)).extracting(SheetError::rule).isEqualTo("NOT_XLSX");

        byte[] half = xlsx(List.of(HEADER_CODES, row("E1", 1, 2, 3, 4, 5, 6)));
        assertThat(fileError(Arrays.copyOf(half, half.length / 2))).extracting(SheetError::rule).isEqualTo("NOT_XLSX");
    }

    @Test
    void aZipThatIsNoWorkbookIsNoXlsx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            SheetFiles.entry(zip, "readme.txt", "not a workbook");
        }
        assertThat(fileError(bytes.toByteArray())).extracting(SheetError::rule).isEqualTo("NOT_XLSX");
    }

    @Test
    void anOldXlsOrAnEncryptedWorkbookIsNoXlsx() throws IOException {
        try (var xls = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            xls.createSheet().createRow(0).createCell(0).setCellValue("employeeNo");
            xls.write(out);
            assertThat(fileError(out.toByteArray())).extracting(SheetError::rule, SheetError::messageKey)
                    .containsExactly("NOT_XLSX", "error.sheet.oldFormat");
        }
        // An .xlsx with an opening password is an OLE2 container of these two streams.
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptionInfo");
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            fs.writeFilesystem(out);
            assertThat(fileError(out.toByteArray())).extracting(SheetError::rule, SheetError::messageKey)
                    .containsExactly("NOT_XLSX", "error.sheet.oldFormat");
        }
    }

    @Test
    void aZipBombIsRefusedBeforeItExpands() {
        // 200 MB of blank rows compress to about 200 KB: far beyond a ratio of 1 to 100.
        byte[] bomb = rawXlsx(w -> {
            w.write(rawHeader());
            String blank = " ".repeat(1 << 20);
            for (int i = 0; i < 200; i++) {
                w.write(blank);
            }
        });
        assertThat(fileError(bomb)).extracting(SheetError::rule, SheetError::messageKey)
                .containsExactly("TOO_LARGE", "error.sheet.unpackedTooLarge");
    }

    @Test
    void anUploadBeyondTheLimitIsNotReadToItsEnd() {
        byte[] zip = {'P', 'K', 3, 4};
        long[] served = {0};
        // A zip signature followed by zeros without end.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                read(one, 0, 1);
                return one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    long at = served[0] + i;
                    b[off + i] = at < zip.length ? zip[(int) at] : 0;
                }
                served[0] += len;
                return len;
            }
        };
        assertThat(fileError(endless)).extracting(SheetError::rule, SheetError::messageKey, SheetError::args)
                .containsExactly("TOO_LARGE", "error.sheet.tooLarge", List.of(10L));
        assertThat(served[0]).isLessThan(PerformanceSheet.MAX_BYTES + 128 * 1024);
    }
}
