package com.hongda.cms.assessment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of an imported performance sheet that passed every check.
 *
 * @param row        the spreadsheet's 1-based row number (the header is row 1)
 * @param employeeNo the employee number as written, trimmed
 * @param figures    the 6 performance figures ({@link Indicator#performance()}), each 0–100 with scale 2
 */
public record SheetRow(int row, String employeeNo, Map<Indicator, BigDecimal> figures) {

    public SheetRow {
        Objects.requireNonNull(employeeNo);
        EnumMap<Indicator, BigDecimal> copy = new EnumMap<>(Indicator.class);
        copy.putAll(figures);
        figures = Collections.unmodifiableMap(copy);
    }
}
