package com.hongda.cms.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list as an .xlsx, the one way every export is written: one header row in the caller's language
 * (bold on grey, frozen, with a filter), one row per item; decimals as numbers with 2 decimals, whole
 * numbers as such, a missing value as a blank cell, text cut at Excel's limit. Written through POI's
 * streaming workbook: only a window of rows is in memory, the rest in a temporary file deleted before
 * returning.
 *
 * @param <T> the type of one row's item
 */
public final class TableSheet<T> {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final int WINDOW = 200;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** How a column's values are written. */
    public enum Kind { TEXT, DECIMAL, WHOLE }

    private record Column<T>(String header, Kind kind, int width, Function<T, Object> value) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final String keyPrefix;
    private final List<Column<T>> columns = new java.util.ArrayList<>();
    private final Map<String, String> labels = new HashMap<>();

    /** @param keyPrefix the bundle keys of the headers are {@code keyPrefix + key} */
    public TableSheet(MessageSource messages, Locale locale, String keyPrefix) {
        this.messages = messages;
        this.locale = locale;
        this.keyPrefix = keyPrefix;
    }

    /** A text column, at least {@code minWidth} characters wide. */
    public TableSheet<T> text(String key, int minWidth, Function<T, Object> value) {
        return column(header(key), Kind.TEXT, minWidth, value);
    }

    /** A number column ({@link Kind#DECIMAL} of {@code BigDecimal}, {@link Kind#WHOLE} of {@code Integer}). */
    public TableSheet<T> number(String key, Kind kind, Function<T, Object> value) {
        return column(header(key), kind, 9, value);
    }

    /** A column whose header is given as is. */
    public TableSheet<T> column(String header, Kind kind, int minWidth, Function<T, Object> value) {
        columns.add(new Column<>(header, kind, Math.min(40, Math.max(minWidth, width(header) + 2)), value));
        return this;
    }

    /** A code as its label ({@code label.<type>.<code>}), or the code itself where the bundles have none; looked up once per code. */
    public String label(String type, Object code) {
        return code == null ? null
                : labels.computeIfAbsent("label." + type + "." + code, key -> messages.getMessage(key, null, code.toString(), locale));
    }

    /** The workbook, its sheet named by the bundle key {@code nameKey}. */
    public byte[] write(String nameKey, List<T> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(messages.getMessage(nameKey, null, locale)));
            CellStyle head = header(wb);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle whole = wb.createCellStyle();
            whole.setDataFormat(wb.createDataFormat().getFormat("0"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(head);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            int r = 1;
            for (T item : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Column<T> c = columns.get(i);
                    Object v = c.value().apply(item);
                    if (v != null) {
                        Cell cell = row.createCell(i);
                        switch (c.kind()) {
                            case TEXT -> {
                                String s = v.toString();
                                cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
                            }
                            case DECIMAL -> {
                                cell.setCellValue(((BigDecimal) v).setScale(2, RoundingMode.HALF_UP).doubleValue());
                                cell.setCellStyle(decimal);
                            }
                            case WHOLE -> {
                                cell.setCellValue(((Number) v).doubleValue());
                                cell.setCellStyle(whole);
                            }
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

    /** A download of an .xlsx, as every export answers. */
    public static ResponseEntity<byte[]> download(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(content);
    }

    /** The look of every sheet's header row: bold on grey, wrapped. */
    public static CellStyle header(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        head.setWrapText(true);
        return head;
    }

    /** The width of a text in Excel's character units: a CJK character counts twice. */
    public static int width(String s) {
        return s.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    private String header(String key) {
        return messages.getMessage(keyPrefix + key, null, locale);
    }
}
