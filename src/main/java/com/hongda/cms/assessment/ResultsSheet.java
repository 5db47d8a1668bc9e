package com.hongda.cms.assessment;

import com.hongda.cms.common.TableSheet;
import com.hongda.cms.common.TableSheet.Kind;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The results of a round as an .xlsx: one header row in the caller's language (frozen, with a filter),
 * one row per result; scores, the top percentage and the indicators as numbers with 2 decimals, rank and
 * group size as whole numbers (written by the kit's {@link TableSheet}).
 */
public final class ResultsSheet {

    /** The header's message keys after {@code sheet.result.}, in column order; the indicators follow. */
    public static final List<String> COLUMNS = List.of("employeeNo", "managerName", "branchName", "grade", "state",
            "exclusionReason", "performanceScore", "behaviourScore", "abilityScore", "totalScore", "rankInGroup",
            "groupSize", "topPercent");

    private ResultsSheet() {
    }

    public static byte[] write(List<SheetResult> results, Locale locale, MessageSource messages) {
        TableSheet<SheetResult> sheet = new TableSheet<>(messages, locale, "sheet.result.");
        sheet.text("employeeNo", 12, SheetResult::employeeNo)
                .text("managerName", 12, SheetResult::managerName)
                .text("branchName", 20, SheetResult::branchName)
                .text("grade", 14, r -> sheet.label("Grade", r.grade()))
                .text("state", 10, r -> sheet.label("AssessmentResultState", r.state()))
                .text("exclusionReason", 14, r -> sheet.label("AssessmentExclusion", r.exclusionReason()))
                .number("performanceScore", Kind.DECIMAL, SheetResult::performanceScore)
                .number("behaviourScore", Kind.DECIMAL, SheetResult::behaviourScore)
                .number("abilityScore", Kind.DECIMAL, SheetResult::abilityScore)
                .number("totalScore", Kind.DECIMAL, SheetResult::totalScore)
                .number("rankInGroup", Kind.WHOLE, SheetResult::rankInGroup)
                .number("groupSize", Kind.WHOLE, SheetResult::groupSize)
                .number("topPercent", Kind.DECIMAL, SheetResult::topPercent);
        for (Indicator i : Indicator.values()) {
            sheet.column(messages.getMessage("label.Indicator." + i.name(), null, locale), Kind.DECIMAL, 10, r -> r.indicators().get(i));
        }
        return sheet.write("sheet.result.name", results);
    }
}
