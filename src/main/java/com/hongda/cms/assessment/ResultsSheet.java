package com.hongda.cms.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The results of a round as an .xlsx: one header row in the caller's language (frozen, with a filter),
 * one row per result; scores, the top percentage and the indicators as numbers with 2 decimals, rank and
 * group size as whole numbers, a missing value as a blank cell. Written through POI's streaming workbook:
 * only a window of rows is in memory, the rest in a temporary file deleted before returning.
 */
public final class ResultsSheet {

    /** The header's message keys after {@code sheet.result.}, in column order; the indicators follow. */
    public static final List<String> COLUMNS = List.of("employeeNo", "managerName", "branchName", "grade", "state",
            "exclusionReason", "performanceScore", "behaviourScore", "abilityScore", "totalScore", "rankInGroup",
            "groupSize", "topPercent");

    private static final int WINDOW = 200;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private ResultsSheet() {
    }

    private enum Kind { TEXT, DECIMAL, WHOLE }

    private record Column(String header, Kind kind, int width, Function<SheetResult, Object> value) {
    }

    public static byte[] write(List<SheetResult> results, Locale locale, MessageSource messages) {
        List<Column> columns = columns(locale, messages);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(messages.getMessage("sheet.result.name", null, locale)));
            CellStyle head = SheetStyles.header(wb);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle whole = wb.createCellStyle();
            whole.setDataFormat(wb.createDataFormat().getFormat("0"));

            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Cell cell = header.createCell(i);
                cell.setCellValue(c.header);
                cell.setCellStyle(head);
                sheet.setColumnWidth(i, c.width * 256);
            }
            int r = 1;
            for (SheetResult result : results) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    Object v = c.value.apply(result);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (c.kind) {
                        case TEXT -> {
                            String s = v.toString();
                            cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
                        }
                        case DECIMAL -> {
                            cell.setCellValue(((BigDecimal) v).setScale(2, RoundingMode.HALF_UP).doubleValue());
                            cell.setCellStyle(decimal);
                        }
                        case WHOLE -> {
                            cell.setCellValue(((Integer) v).doubleValue());
                            cell.setCellStyle(whole);
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, columns.size() - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Column> columns(Locale locale, MessageSource messages) {
        List<Column> columns = new ArrayList<>();
        // Labels of codes, looked up once per code rather than once per row.
        Map<String, String> labels = new HashMap<>();
        text(columns, messages, locale, "employeeNo", 12, SheetResult::employeeNo);
        text(columns, messages, locale, "managerName", 12, SheetResult::managerName);
        text(columns, messages, locale, "branchName", 20, SheetResult::branchName);
        text(columns, messages, locale, "grade", 14, r -> label(labels, messages, locale, "Grade", r.grade()));
        text(columns, messages, locale, "state", 10, r -> label(labels, messages, locale, "AssessmentResultState", r.state()));
        text(columns, messages, locale, "exclusionReason", 14, r -> label(labels, messages, locale, "AssessmentExclusion", r.exclusionReason()));
        number(columns, messages, locale, "performanceScore", Kind.DECIMAL, SheetResult::performanceScore);
        number(columns, messages, locale, "behaviourScore", Kind.DECIMAL, SheetResult::behaviourScore);
        number(columns, messages, locale, "abilityScore", Kind.DECIMAL, SheetResult::abilityScore);
        number(columns, messages, locale, "totalScore", Kind.DECIMAL, SheetResult::totalScore);
        number(columns, messages, locale, "rankInGroup", Kind.WHOLE, SheetResult::rankInGroup);
        number(columns, messages, locale, "groupSize", Kind.WHOLE, SheetResult::groupSize);
        number(columns, messages, locale, "topPercent", Kind.DECIMAL, SheetResult::topPercent);
        for (Indicator i : Indicator.values()) {
            String h = messages.getMessage("label.Indicator." + i.name(), null, locale);
            columns.add(new Column(h, Kind.DECIMAL, width(h, 10), r -> r.indicators().get(i)));
        }
        return List.copyOf(columns);
    }

    private static void text(List<Column> columns, MessageSource messages, Locale locale, String key, int min,
            Function<SheetResult, Object> value) {
        String h = messages.getMessage("sheet.result." + key, null, locale);
        columns.add(new Column(h, Kind.TEXT, width(h, min), value));
    }

    private static void number(List<Column> columns, MessageSource messages, Locale locale, String key, Kind kind,
            Function<SheetResult, Object> value) {
        String h = messages.getMessage("sheet.result." + key, null, locale);
        columns.add(new Column(h, kind, width(h, 9), value));
    }

    private static int width(String header, int min) {
        return Math.min(40, Math.max(min, SheetStyles.width(header) + 2));
    }

    /** A code as its label ({@code label.<type>.<code>}), or the code itself where the bundles have none. */
    private static String label(Map<String, String> labels, MessageSource messages, Locale locale, String type, String code) {
        return code == null ? null
                : labels.computeIfAbsent("label." + type + "." + code, key -> messages.getMessage(key, null, code, locale));
    }
}
