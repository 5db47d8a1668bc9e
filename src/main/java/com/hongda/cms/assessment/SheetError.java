package com.hongda.cms.assessment;

import java.util.List;

/**
 * One problem of an imported sheet, for the person who fixes the file.
 *
 * @param row        the spreadsheet's 1-based row number; 0 for the file as a whole
 * @param column     the column's code ({@code employeeNo} or an {@link Indicator#key()}) when the column is
 *                   known; {@code null} for the file as a whole and for a header that is not a known column
 * @param rule       REQUIRED, FORMAT, RANGE, DUPLICATE, UNKNOWN_COLUMN, MISSING_COLUMN, TOO_MANY_ROWS,
 *                   TOO_MANY_ERRORS, TOO_LARGE, NOT_XLSX or EMPTY
 * @param messageKey a key of {@code messages-assessment-sheets}; render it with {@code args} through the
 *                   message source in the caller's language
 * @param args       the message arguments: for a cell, first its reference (e.g. {@code C5}); a column's
 *                   label is a {@link org.springframework.context.MessageSourceResolvable}, resolved by the
 *                   message source in the same language
 */
public record SheetError(int row, String column, String rule, String messageKey, List<Object> args) {

    public SheetError {
        args = List.copyOf(args);
    }
}
