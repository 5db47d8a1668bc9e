package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** The export of a round's results: headers in the caller's language, numbers as numbers, blanks for what is missing. */
class ResultsSheetTest {

    private static final MessageSource MESSAGES = SheetFiles.messages();

    private static SheetResult scored(String employeeNo, String total) {
        Map<Indicator, BigDecimal> indicators = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            indicators.put(i, new BigDecimal("80.125"));
        }
        indicators.put(Indicator.CUSTOMER_SATISFACTION, null);
        return new SheetResult(employeeNo, "王五", "城东支行", "JUNIOR", "SCORED", null, new BigDecimal("51.3"),
                new BigDecimal("17"), new BigDecimal("16.45"), new BigDecimal(total), 2, 14, new BigDecimal("14.29"), indicators);
    }

    private static SheetResult excluded(String employeeNo) {
        return new SheetResult(employeeNo, "赵六", "城东支行", "TRAINEE", "EXCLUDED", "ON_LEAVE", null, null, null, null, null,
                null, null, null);
    }

    private static XSSFSheet read(byte[] file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(file)).getSheetAt(0);
    }

    private static List<String> header(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.getRow(0).forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    @Test
    void theHeaderIsInTheCallersLanguageAndFrozen() throws IOException {
        XSSFSheet zh = read(ResultsSheet.write(List.of(scored("E1", "84.75")), Locale.SIMPLIFIED_CHINESE, MESSAGES));
        assertThat(zh.getSheetName()).isEqualTo("考核结果");
        assertThat(header(zh)).hasSize(ResultsSheet.COLUMNS.size() + Indicator.values().length)
                .startsWith("员工编号", "姓名", "分支机构", "职级", "状态", "不参加考核原因", "业绩得分", "行为得分", "能力得分", "总分", "排名",
                        "同组人数", "排名前百分比", "任务完成率")
                .endsWith("客户分析能力");
        assertThat(zh.getPaneInformation().isFreezePane()).isTrue();
        assertThat(zh.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(zh.getColumnWidth(2)).isGreaterThanOrEqualTo(20 * 256);

        XSSFSheet en = read(ResultsSheet.write(List.of(), Locale.ENGLISH, MESSAGES));
        assertThat(en.getSheetName()).isEqualTo("Results");
        assertThat(header(en)).startsWith("Employee number", "Name", "Branch", "Grade", "State", "Excluded because",
                "Performance score").endsWith("Product promotion", "Customer analysis");
        assertThat(en.getLastRowNum()).isZero();
    }

    @Test
    void valuesAreNumbersWithTwoDecimalsAndMissingOnesBlank() throws IOException {
        XSSFSheet sheet = read(ResultsSheet.write(List.of(scored("E1", "84.755"), excluded("E2")), Locale.SIMPLIFIED_CHINESE, MESSAGES));
        Row scored = sheet.getRow(1);
        assertThat(scored.getCell(0).getStringCellValue()).isEqualTo("E1");
        assertThat(scored.getCell(1).getStringCellValue()).isEqualTo("王五");
        assertThat(scored.getCell(3).getStringCellValue()).isEqualTo("初级客户经理");
        // No label in these bundles: the code as it is.
        assertThat(scored.getCell(4).getStringCellValue()).isEqualTo("SCORED");
        assertThat(scored.getCell(5)).isNull();
        Cell total = scored.getCell(9);
        assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(total.getNumericCellValue()).isEqualTo(84.76);
        assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(scored.getCell(6).getNumericCellValue()).isEqualTo(51.3);
        assertThat(scored.getCell(10).getNumericCellValue()).isEqualTo(2);
        assertThat(scored.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0");
        assertThat(scored.getCell(11).getNumericCellValue()).isEqualTo(14);
        assertThat(scored.getCell(12).getNumericCellValue()).isEqualTo(14.29);
        int indicators = ResultsSheet.COLUMNS.size();
        assertThat(scored.getCell(indicators + Indicator.TASK_COMPLETION.ordinal()).getNumericCellValue()).isEqualTo(80.13);
        assertThat(scored.getCell(indicators + Indicator.CUSTOMER_SATISFACTION.ordinal())).isNull();

        Row excluded = sheet.getRow(2);
        assertThat(excluded.getCell(3).getStringCellValue()).isEqualTo("见习客户经理");
        assertThat(excluded.getCell(5).getStringCellValue()).isEqualTo("ON_LEAVE");
        assertThat(excluded.getLastCellNum()).isEqualTo((short) 6);
    }

    @Test
    void twoThousandResultsAreWritten() throws IOException {
        List<SheetResult> results = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            results.add(i % 10 == 0 ? excluded("E" + i) : scored("E" + i, "60.5"));
        }
        byte[] file = ResultsSheet.write(results, Locale.ENGLISH, MESSAGES);

        XSSFSheet sheet = read(file);
        assertThat(sheet.getLastRowNum()).isEqualTo(2000);
        assertThat(sheet.getRow(1999).getCell(0).getStringCellValue()).isEqualTo("E1999");
        assertThat(sheet.getRow(1999).getCell(9).getNumericCellValue()).isEqualTo(60.5);
        assertThat(sheet.getRow(2000).getCell(0).getStringCellValue()).isEqualTo("E2000");
        assertThat(sheet.getRow(2000).getCell(9)).isNull();
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:AB2001");
    }
}
