package com.hongda.cms.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The spreadsheet through which HR imports the performance figures of a round: an .xlsx whose first
 * sheet has a header in row 1 and one manager per row below it. Nothing is written here: the caller
 * stores the rows only when the parse reports no error.
 *
 * <p>Columns are found by their header, in any order: the code ({@code employeeNo}, or an
 * {@link Indicator#key()} of {@link Indicator#performance()}), its label in Chinese or English
 * (bundle {@code messages-assessment-sheets}), or {@code "label (code)"} as {@link #template} writes
 * it, where the code in brackets decides. Codes and labels are matched ignoring case, full-width forms
 * and extra spaces.
 *
 * <p>A hostile file ends in a classified error, never an exception: at most {@link #MAX_BYTES} are read
 * from the stream; the package is opened from a temporary file through POI's {@link ZipSecureFile}, which
 * refuses an entry that expands beyond {@link #MAX_ENTRY_SIZE} or more than 100 times its compressed
 * size; the sheet is streamed (SAX), and reading stops at the first data row past {@code maxRows}; a cell
 * keeps at most {@link #MAX_CELL_CHARS} characters; at most {@link #MAX_ERRORS} errors are reported.
 */
public final class PerformanceSheet {

    /** The largest upload read; a larger one is refused (TOO_LARGE) without reading the rest. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The largest any part of the package may expand to (POI's {@link ZipSecureFile#setMaxEntrySize}). */
    public static final long MAX_ENTRY_SIZE = 32L * 1024 * 1024;
    /** The smallest compressed-to-expanded ratio of a part (POI's {@link ZipSecureFile#setMinInflateRatio}). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** The errors reported at most; one more (TOO_MANY_ERRORS) says that checking stopped there. */
    public static final int MAX_ERRORS = 200;
    /** The characters of a cell that are looked at: enough for any valid value. */
    public static final int MAX_CELL_CHARS = 1000;
    /** The code of the employee-number column. */
    public static final String EMPLOYEE_NO = "employeeNo";
    /** The bundle of the sheets' labels and messages. */
    public static final String BUNDLE = "messages-assessment-sheets";

    static {
        // Process-wide settings of POI; nothing else in the service opens Office files.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private static final Pattern EMPLOYEE_NO_FORMAT = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern LABEL_AND_CODE = Pattern.compile(".*\\(\\s*([A-Za-z]+)\\s*\\)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Excel shows 15 significant digits; beyond them a value is binary noise (0.1 + 0.2 = 0.30000000000000004). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());

    /** The columns, in template order: the employee number, then the performance figures. */
    private static final List<String> COLUMNS;
    private static final Map<String, Indicator> INDICATORS = new HashMap<>();
    /** Code, Chinese label and English label of every column, normalized, to the column's code. */
    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        List<String> columns = new ArrayList<>();
        columns.add(EMPLOYEE_NO);
        for (Indicator i : Indicator.performance()) {
            columns.add(i.key());
            INDICATORS.put(i.key(), i);
        }
        COLUMNS = List.copyOf(columns);
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ClassLoader loader = PerformanceSheet.class.getClassLoader();
        List<ResourceBundle> bundles = List.of(ResourceBundle.getBundle(BUNDLE, Locale.ROOT, loader, exact),
                ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, loader, exact));
        for (String code : COLUMNS) {
            HEADERS.put(header(code), code);
            for (ResourceBundle b : bundles) {
                HEADERS.putIfAbsent(header(b.getString(labelKey(code))), code);
            }
        }
    }

    private PerformanceSheet() {
    }

    /**
     * The outcome of a parse: the rows that passed every check, and every error found (in sheet order).
     * The caller stores the rows only when {@code errors} is empty.
     */
    public record Parsed(List<SheetRow> rows, List<SheetError> errors) {

        public Parsed {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The message key of a column's label: {@code sheet.performance.employeeNo} or {@code label.Indicator.<NAME>}. */
    public static String labelKey(String code) {
        Indicator i = INDICATORS.get(code);
        return i != null ? "label.Indicator." + i.name() : "sheet.performance." + code;
    }

    /**
     * Reads the first sheet of an .xlsx. The stream is read to its end or to {@link #MAX_BYTES}, and not
     * closed. Throws only if the server cannot write a temporary file.
     *
     * @param maxRows the data rows accepted at most; at the first one more, reading stops (TOO_MANY_ROWS)
     */
    public static Parsed parse(InputStream in, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        Errors errors = new Errors();
        List<SheetRow> rows = new ArrayList<>();
        try {
            read(in, new Collector(maxRows, rows, errors), errors);
        } catch (Stop stop) {
            // Reported already.
        }
        return new Parsed(rows, errors.list);
    }

    private static void read(InputStream in, Collector collector, Errors errors) {
        byte[] head;
        try {
            head = in.readNBytes(8);
        } catch (IOException e) {
            errors.file("NOT_XLSX", "error.sheet.notXlsx");
            return;
        }
        if (head.length == 0) {
            errors.file("EMPTY", "error.sheet.emptyFile");
            return;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            // An OLE2 container: an .xls of Excel 97-2003, or an .xlsx encrypted with an opening password.
            errors.file("NOT_XLSX", "error.sheet.oldFormat");
            return;
        }
        if (!startsWith(head, 'P', 'K', 3, 4)) {
            errors.file("NOT_XLSX", "error.sheet.notXlsx");
            return;
        }
        Path file;
        try {
            file = Files.createTempFile("assessment-sheet-", ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!copy(head, in, file)) {
                errors.file("TOO_LARGE", "error.sheet.tooLarge", MAX_BYTES / (1024 * 1024));
                return;
            }
            try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
                OPCPackage pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
                try {
                    readWorkbook(pkg, collector);
                } finally {
                    pkg.revert();
                }
            }
        } catch (Exception e) {
            // Stop may arrive wrapped by the XML parser.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stop stop) {
                    throw stop;
                }
                if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                    errors.file("TOO_LARGE", "error.sheet.unpackedTooLarge");
                    return;
                }
            }
            errors.file("NOT_XLSX", "error.sheet.notXlsx");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Copies the stream to the file; false when it holds more than {@link #MAX_BYTES}. */
    private static boolean copy(byte[] head, InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            long total = head.length;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_BYTES) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
            return true;
        }
    }

    private static void readWorkbook(OPCPackage pkg, Collector collector) throws Exception {
        PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
        if (core == null || !WORKBOOK_TYPES.contains(pkg.getPart(core).getContentType())) {
            throw new IllegalArgumentException("not a workbook");
        }
        XSSFReader reader = new XSSFReader(pkg);
        List<PackagePart> stringParts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        // Without phonetic runs: a Chinese or Japanese header must read as typed.
        ReadOnlySharedStringsTable strings = stringParts.isEmpty() ? null : new ReadOnlySharedStringsTable(stringParts.get(0), false);
        List<PackagePart> styleParts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        Styles styles = new Styles();
        if (!styleParts.isEmpty()) {
            try (InputStream s = styleParts.get(0).getInputStream()) {
                parseXml(s, styles);
            }
        }
        var sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            collector.errors.file("EMPTY", "error.sheet.empty");
            return;
        }
        try (InputStream sheet = sheets.next()) {
            parseXml(sheet, new SheetHandler(strings, styles, collector));
        }
        collector.finish();
    }

    private static void parseXml(InputStream in, DefaultHandler handler) throws Exception {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    // ------------------------------------------------------------------ the rules of a row

    private enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR, DATE, NO_VALUE }

    /** A cell as stored: its kind, its text (at most MAX_CELL_CHARS), whether its style shows a date or a percentage. */
    private record Cell(int col, Kind kind, String text, boolean overlong, boolean dateOrPercent) {

        boolean blank() {
            return kind == Kind.BLANK || kind == Kind.TEXT && clean(text).isEmpty();
        }
    }

    /** Ends the reading: the row limit or the error limit was reached. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final class Errors {
        final List<SheetError> list = new ArrayList<>();

        void add(int row, String column, String rule, String key, Object... args) {
            if (list.size() == MAX_ERRORS) {
                list.add(new SheetError(row, null, "TOO_MANY_ERRORS", "error.sheet.tooManyErrors", List.of(MAX_ERRORS)));
                throw new Stop();
            }
            list.add(new SheetError(row, column, rule, key, List.of(args)));
        }

        void file(String rule, String key, Object... args) {
            add(0, null, rule, key, args);
        }
    }

    private static final class Collector {
        final int maxRows;
        final List<SheetRow> rows;
        final Errors errors;
        /** Column index to code, once the header is read. */
        Map<Integer, String> columns;
        int dataRows;
        final Map<String, Integer> firstRowOf = new HashMap<>();

        Collector(int maxRows, List<SheetRow> rows, Errors errors) {
            this.maxRows = maxRows;
            this.rows = rows;
            this.errors = errors;
        }

        /** Whether the cells of this column are needed: all of them in the header, the known ones below. */
        boolean wanted(int col) {
            return columns == null || columns.containsKey(col);
        }

        void row(int r, List<Cell> cells) {
            if (cells.stream().allMatch(Cell::blank)) {
                return;
            }
            if (columns == null) {
                header(r == 1 ? cells : List.of());
                return;
            }
            dataRows++;
            if (dataRows > maxRows) {
                errors.add(r, null, "TOO_MANY_ROWS", "error.sheet.tooManyRows", maxRows);
                throw new Stop();
            }
            data(r, cells);
        }

        void header(List<Cell> cells) {
            Map<Integer, String> found = new TreeMap<>();
            Map<String, Integer> colOf = new HashMap<>();
            int before = errors.list.size();
            for (Cell c : cells) {
                if (c.blank()) {
                    continue;
                }
                String ref = ref(c.col, 1);
                String code = c.overlong ? null : code(c.text);
                if (code == null) {
                    errors.add(1, null, "UNKNOWN_COLUMN", "error.sheet.unknownColumn", ref, shown(c.text));
                } else if (colOf.containsKey(code)) {
                    errors.add(1, code, "DUPLICATE", "error.sheet.duplicateColumn", ref, label(code));
                } else {
                    colOf.put(code, c.col);
                    found.put(c.col, code);
                }
            }
            for (String code : COLUMNS) {
                if (!colOf.containsKey(code)) {
                    errors.add(1, code, "MISSING_COLUMN", "error.sheet.missingColumn", label(code));
                }
            }
            if (errors.list.size() > before) {
                // Rows of a sheet shaped otherwise would only repeat the header's errors.
                throw new Stop();
            }
            columns = found;
        }

        void data(int r, List<Cell> cells) {
            Map<Integer, Cell> byCol = new HashMap<>();
            cells.forEach(c -> byCol.put(c.col, c));
            int before = errors.list.size();
            String employeeNo = null;
            Map<Indicator, BigDecimal> figures = new EnumMap<>(Indicator.class);
            for (Map.Entry<Integer, String> column : columns.entrySet()) {
                int col = column.getKey();
                String code = column.getValue();
                Cell cell = byCol.getOrDefault(col, new Cell(col, Kind.BLANK, "", false, false));
                String ref = ref(col, r);
                if (code.equals(EMPLOYEE_NO)) {
                    employeeNo = employeeNo(cell, r, ref);
                } else {
                    BigDecimal v = figure(cell, r, ref, code);
                    if (v != null) {
                        figures.put(INDICATORS.get(code), v);
                    }
                }
            }
            if (employeeNo != null) {
                Integer first = firstRowOf.putIfAbsent(employeeNo.toUpperCase(Locale.ROOT), r);
                if (first != null) {
                    errors.add(r, EMPLOYEE_NO, "DUPLICATE", "error.sheet.duplicateEmployee",
                            ref(columnOf(EMPLOYEE_NO), r), employeeNo, first);
                }
            }
            if (errors.list.size() == before) {
                rows.add(new SheetRow(r, employeeNo, figures));
            }
        }

        int columnOf(String code) {
            return columns.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst().orElseThrow().getKey();
        }

        String employeeNo(Cell c, int r, String ref) {
            switch (c.kind) {
                case BLANK -> errors.add(r, EMPLOYEE_NO, "REQUIRED", "error.sheet.required", ref, label(EMPLOYEE_NO));
                case TEXT -> {
                    String s = clean(c.text);
                    if (s.isEmpty()) {
                        errors.add(r, EMPLOYEE_NO, "REQUIRED", "error.sheet.required", ref, label(EMPLOYEE_NO));
                    } else if (c.overlong || !EMPLOYEE_NO_FORMAT.matcher(s).matches()) {
                        errors.add(r, EMPLOYEE_NO, "FORMAT", "error.sheet.employeeNoFormat", ref, shown(s));
                    } else {
                        return s;
                    }
                }
                case NUMBER -> {
                    // A whole number typed into a cell not formatted as text, e.g. 10023.
                    BigDecimal v = decimal(c.text);
                    if (c.dateOrPercent) {
                        errors.add(r, EMPLOYEE_NO, "FORMAT", "error.sheet.dateOrPercent", ref, label(EMPLOYEE_NO));
                    } else if (v == null || v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.precision() - v.scale() > 15) {
                        errors.add(r, EMPLOYEE_NO, "FORMAT", "error.sheet.employeeNoFormat", ref, shown(c.text));
                    } else {
                        return v.toBigIntegerExact().toString();
                    }
                }
                case NO_VALUE -> errors.add(r, EMPLOYEE_NO, "FORMAT", "error.sheet.formulaNoValue", ref, label(EMPLOYEE_NO));
                default -> errors.add(r, EMPLOYEE_NO, "FORMAT", "error.sheet.employeeNoFormat", ref, shown(c.text));
            }
            return null;
        }

        BigDecimal figure(Cell c, int r, String ref, String code) {
            Object label = label(code);
            String text = c.text;
            switch (c.kind) {
                case BLANK -> {
                    errors.add(r, code, "REQUIRED", "error.sheet.required", ref, label);
                    return null;
                }
                case TEXT -> {
                    text = clean(text);
                    if (text.isEmpty()) {
                        errors.add(r, code, "REQUIRED", "error.sheet.required", ref, label);
                        return null;
                    }
                    if (c.overlong || !NUMBER_TEXT.matcher(text).matches()) {
                        errors.add(r, code, "FORMAT", "error.sheet.notNumber", ref, label, shown(text));
                        return null;
                    }
                }
                case NUMBER -> {
                    if (c.dateOrPercent) {
                        errors.add(r, code, "FORMAT", "error.sheet.dateOrPercent", ref, label);
                        return null;
                    }
                }
                case DATE -> {
                    errors.add(r, code, "FORMAT", "error.sheet.dateOrPercent", ref, label);
                    return null;
                }
                case NO_VALUE -> {
                    errors.add(r, code, "FORMAT", "error.sheet.formulaNoValue", ref, label);
                    return null;
                }
                case ERROR -> {
                    errors.add(r, code, "FORMAT", "error.sheet.formulaError", ref, label, shown(text));
                    return null;
                }
                default -> {
                    errors.add(r, code, "FORMAT", "error.sheet.notNumber", ref, label, shown(text));
                    return null;
                }
            }
            BigDecimal v = decimal(text);
            if (v == null) {
                errors.add(r, code, "FORMAT", "error.sheet.notNumber", ref, label, shown(text));
                return null;
            }
            v = v.round(EXCEL_PRECISION).stripTrailingZeros();
            if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
                errors.add(r, code, "RANGE", "error.sheet.range", ref, label, plain(v));
                return null;
            }
            if (v.scale() > 2) {
                errors.add(r, code, "FORMAT", "error.sheet.decimals", ref, label, plain(v));
                return null;
            }
            return v.setScale(2);
        }

        void finish() {
            if (columns == null) {
                errors.file("EMPTY", "error.sheet.empty");
            } else if (dataRows == 0) {
                errors.add(2, null, "EMPTY", "error.sheet.noRows");
            }
        }
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal v) {
        return Math.abs(v.scale()) > 30 ? v.toString() : v.toPlainString();
    }

    private static String ref(int col, int row) {
        return CellReference.convertNumToColString(col) + row;
    }

    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(new String[] {labelKey(code)}, code);
    }

    /** A value as a message shows it: at most 40 characters. */
    private static String shown(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    /** Full-width forms to plain ones (Ｅ１２ to E12, ideographic spaces), invisible spaces removed, trimmed. */
    private static String clean(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\u200B\\uFEFF]", "").strip();
    }

    private static String header(String s) {
        return clean(s).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The column a header names, or null. */
    private static String code(String text) {
        String h = header(text);
        Matcher m = LABEL_AND_CODE.matcher(h);
        if (m.matches()) {
            // "label (code)": the code decides, whatever the label says.
            String code = HEADERS.get(m.group(1));
            if (code != null && header(code).equals(m.group(1))) {
                return code;
            }
        }
        return HEADERS.get(h);
    }

    // ------------------------------------------------------------------ the XML of the package

    /** The number formats of the cell styles, to tell a date or a percentage from a plain number. */
    private static final class Styles extends DefaultHandler {
        private static final int MAX_STYLES = 100_000;
        private final Map<Integer, String> formats = new HashMap<>();
        private final List<Integer> styleFormats = new ArrayList<>();
        private boolean inFormats;
        private boolean inCellStyles;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "numFmts" -> inFormats = true;
                case "cellXfs" -> inCellStyles = true;
                case "numFmt" -> {
                    if (inFormats && formats.size() < MAX_STYLES) {
                        Integer id = integer(atts.getValue("numFmtId"));
                        if (id != null && atts.getValue("formatCode") != null) {
                            formats.put(id, atts.getValue("formatCode"));
                        }
                    }
                }
                case "xf" -> {
                    if (inCellStyles && styleFormats.size() < MAX_STYLES) {
                        Integer id = integer(atts.getValue("numFmtId"));
                        styleFormats.add(id == null ? 0 : id);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "numFmts" -> inFormats = false;
                case "cellXfs" -> inCellStyles = false;
                default -> { }
            }
        }

        private final Map<Integer, Boolean> dateOrPercent = new HashMap<>();

        boolean dateOrPercent(int style) {
            if (style < 0 || style >= styleFormats.size()) {
                return false;
            }
            int id = styleFormats.get(style);
            return dateOrPercent.computeIfAbsent(id, k -> {
                String format = formats.containsKey(k) ? formats.get(k) : BuiltinFormats.getBuiltinFormat(k);
                return format != null && (format.contains("%") || DateUtil.isADateFormat(k, format));
            });
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Streams the sheet's rows to the collector; a cell's value as stored, not as formatted. */
    private static final class SheetHandler extends DefaultHandler {
        private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
        private final ReadOnlySharedStringsTable strings;
        private final Styles styles;
        private final Collector collector;
        private int row;
        private final List<Cell> cells = new ArrayList<>();
        private int col = -1;
        private String type;
        private int style;
        private boolean formula;
        private boolean value;
        private boolean inValue;
        private boolean inInline;
        private boolean inPhonetic;
        private boolean inText;
        private final StringBuilder text = new StringBuilder();
        private boolean overlong;

        SheetHandler(ReadOnlySharedStringsTable strings, Styles styles, Collector collector) {
            this.strings = strings;
            this.styles = styles;
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    row = r == null ? row + 1 : positive(r);
                    cells.clear();
                    col = -1;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    col = r == null ? col + 1 : column(r);
                    type = atts.getValue("t");
                    Integer s = integer(atts.getValue("s"));
                    style = s == null ? 0 : s;
                    formula = false;
                    value = false;
                    text.setLength(0);
                    overlong = false;
                }
                case "f" -> formula = true;
                case "v" -> {
                    value = true;
                    inValue = true;
                }
                case "is" -> {
                    value = true;
                    inInline = true;
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = inInline && !inPhonetic;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText) {
                int room = MAX_CELL_CHARS - text.length();
                if (length > room) {
                    overlong = true;
                }
                text.append(ch, start, Math.max(0, Math.min(length, room)));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> inInline = false;
                case "c" -> {
                    if (col < MAX_COLUMNS && collector.wanted(col)) {
                        cells.add(cell());
                    }
                }
                case "row" -> collector.row(row, List.copyOf(cells));
                default -> { }
            }
        }

        private Cell cell() throws SAXException {
            String t = type == null ? "n" : type;
            if (!value) {
                return new Cell(col, formula ? Kind.NO_VALUE : Kind.BLANK, "", false, false);
            }
            String v = text.toString();
            return switch (t) {
                case "s" -> {
                    Integer index = integer(v);
                    if (strings == null || index == null || index < 0 || index >= strings.getCount()) {
                        throw new SAXException("no shared string " + v);
                    }
                    String s = strings.getItemAt(index).getString();
                    s = s == null ? "" : s;
                    yield s.length() > MAX_CELL_CHARS ? new Cell(col, Kind.TEXT, s.substring(0, MAX_CELL_CHARS), true, false)
                            : new Cell(col, Kind.TEXT, s, false, false);
                }
                case "inlineStr", "str" -> new Cell(col, Kind.TEXT, v, overlong, false);
                case "b" -> new Cell(col, Kind.BOOLEAN, "1".equals(v.strip()) ? "TRUE" : "FALSE", false, false);
                case "e" -> new Cell(col, Kind.ERROR, v, overlong, false);
                case "d" -> new Cell(col, Kind.DATE, v, overlong, true);
                default -> v.isBlank() ? new Cell(col, formula ? Kind.NO_VALUE : Kind.BLANK, "", false, false)
                        : new Cell(col, Kind.NUMBER, v, overlong, styles.dateOrPercent(style));
            };
        }

        private static int positive(String s) throws SAXException {
            Integer n = integer(s);
            if (n == null || n < 1) {
                throw new SAXException("bad row number " + s);
            }
            return n;
        }

        /** The 0-based column of a reference such as {@code AB12}. */
        private static int column(String ref) throws SAXException {
            int col = 0;
            int i = 0;
            for (; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z' || i >= 3) {
                    throw new SAXException("bad cell reference " + ref);
                }
                col = col * 26 + (c - 'A' + 1);
            }
            if (i == 0) {
                throw new SAXException("bad cell reference " + ref);
            }
            return col - 1;
        }
    }

    // ------------------------------------------------------------------ the template

    /**
     * A blank import sheet: row 1 holds each column as {@code "label (code)"} in the caller's language
     * (parsed by the code, so a sheet made in one language imports in any), the employee-number column is
     * formatted as text (no lost leading zeros), the figure columns as {@code 0.00} with a validation of
     * 0–100; the header row is frozen.
     */
    public static byte[] template(Locale locale, MessageSource messages) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(messages.getMessage("sheet.performance.name", null, locale)));
            CellStyle head = com.hongda.cms.common.TableSheet.header(wb);
            XSSFCellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            XSSFCellStyle number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            XSSFRow header = sheet.createRow(0);
            int last = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
            DataValidationHelper dv = sheet.getDataValidationHelper();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String code = COLUMNS.get(i);
                String title = messages.getMessage(labelKey(code), null, locale) + " (" + code + ")";
                var cell = header.createCell(i);
                cell.setCellValue(title);
                cell.setCellStyle(head);
                sheet.setColumnWidth(i, Math.min(255, Math.max(14, com.hongda.cms.common.TableSheet.width(title) + 2)) * 256);
                sheet.setDefaultColumnStyle(i, code.equals(EMPLOYEE_NO) ? text : number);
            }
            DataValidationConstraint range = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
            DataValidation validation = dv.createValidation(range, new CellRangeAddressList(1, last, 1, COLUMNS.size() - 1));
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox(messages.getMessage("sheet.performance.validation.title", null, locale),
                    messages.getMessage("sheet.performance.validation.text", null, locale));
            sheet.addValidationData(validation);
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns in template order, as codes. */
    public static List<String> columns() {
        return COLUMNS;
    }
}
