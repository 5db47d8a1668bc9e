package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** The sheets' bundle: the same keys in Chinese and English, a label for every indicator and group, every column. */
class SheetMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SheetMessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load(PerformanceSheet.BUNDLE + ".properties");
        Properties en = load(PerformanceSheet.BUNDLE + "_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    }

    @Test
    void everyIndicatorGroupAndColumnHasALabel() {
        MessageSource messages = SheetFiles.messages();
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            for (Indicator i : Indicator.values()) {
                assertThat(messages.getMessage("label.Indicator." + i.name(), null, locale)).isNotBlank();
            }
            for (IndicatorGroup g : IndicatorGroup.values()) {
                assertThat(messages.getMessage("label.IndicatorGroup." + g.name(), null, locale)).isNotBlank();
            }
            for (String column : ResultsSheet.COLUMNS) {
                assertThat(messages.getMessage("sheet.result." + column, null, locale)).isNotBlank();
            }
            for (String column : PerformanceSheet.columns()) {
                assertThat(messages.getMessage(PerformanceSheet.labelKey(column), null, locale)).isNotBlank();
            }
        }
        assertThat(messages.getMessage("label.Indicator.TASK_COMPLETION", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("任务完成率");
        assertThat(messages.getMessage("label.Indicator.TASK_COMPLETION", null, Locale.ENGLISH)).isEqualTo("Task completion");
    }
}
