package com.hongda.cms.assessment;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** What the import template and the results sheet share: the look of a header row, the width of a text. */
final class SheetStyles {

    private SheetStyles() {
    }

    /** Bold on grey, wrapped. */
    static CellStyle header(Workbook wb) {
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
    static int width(String s) {
        return s.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }
}
