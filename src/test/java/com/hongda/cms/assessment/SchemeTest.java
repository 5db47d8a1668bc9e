package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scheme is built from the decision table's rows and refused when its weights do not add up. */
class SchemeTest {

    @Test
    void aTableWhoseGroupWeightsDoNotAddUpIsRefused() {
        List<Map<String, Object>> rows = rows();
        rows.set(0, Map.of("part", "GROUP", "item", "PERFORMANCE", "weight", 50.0));
        assertThatThrownBy(() -> Scheme.from("x", rows)).hasMessageContaining("group weights add up to 90");
    }

    @Test
    void aTableWhoseIndicatorWeightsOfAGroupDoNotAddUpIsRefused() {
        List<Map<String, Object>> rows = rows();
        rows.removeIf(r -> "MARKETING".equals(r.get("item")));
        assertThatThrownBy(() -> Scheme.from("x", rows)).hasMessageContaining("indicator weights of ABILITY");
    }

    @Test
    void withoutQualitativePartsAScoreIsTheWeightedPerformance() {
        Scheme scheme = Scheme.from("x", rows());
        Map<Indicator, BigDecimal> all = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            all.put(i, BigDecimal.valueOf(100));
        }
        Scoring.Score perfect = Scoring.score(scheme, new Scoring.Parts(all, all, all, List.of(), 10));
        // Ten complaints would take 50 points; the cap is 30: behaviour 70, total 0.6×100 + 0.2×70 + 0.2×100 = 94.
        assertThat(perfect.deduction()).isEqualByComparingTo("30");
        assertThat(perfect.total()).isEqualByComparingTo("94.00");
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("part", "GROUP", "item", "PERFORMANCE", "weight", 60.0));
        rows.add(Map.of("part", "GROUP", "item", "BEHAVIOUR", "weight", 20.0));
        rows.add(Map.of("part", "GROUP", "item", "ABILITY", "weight", 20.0));
        for (Indicator i : Indicator.values()) {
            long n = java.util.Arrays.stream(Indicator.values()).filter(o -> o.group() == i.group()).count();
            double w = i.group() == IndicatorGroup.BEHAVIOUR ? 20.0 : 100.0 / 3;
            rows.add(Map.of("part", "INDICATOR", "item", i.name(), "weight", n == 7 ? (i.ordinal() < 2 ? 15.0 : 14.0) : n == 3
                    ? (i == Indicator.MARKETING ? 34.0 : 33.0) : w));
        }
        rows.add(Map.of("part", "SOURCE", "item", "SELF", "weight", 30.0));
        rows.add(Map.of("part", "SOURCE", "item", "SUPERVISOR", "weight", 70.0));
        rows.add(Map.of("part", "SOURCE", "item", "CUSTOMERS", "weight", 50.0));
        rows.add(Map.of("part", "DEDUCTION", "item", "COMPLAINT", "weight", 5.0));
        rows.add(Map.of("part", "DEDUCTION", "item", "COMPLAINT_CAP", "weight", 30.0));
        return rows;
    }
}
