package com.hongda.cms.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race arithmetic against hand calculations: the score, and each tie-break in turn. */
class RacesTest {

    private static final PromotionProperties.Weights WEIGHTS = new PromotionProperties.Weights(null, null, null);

    @Test
    void theScoreWeighsTheThreePartsAndRoundsHalfUp() {
        // 0.3 × 83 + 0.4 × 76.67 + 0.3 × 71.5 = 24.9 + 30.668 + 21.45 = 77.018 → 77.02
        assertThat(Races.total(WEIGHTS, bd("83"), bd("76.67"), bd("71.5"))).isEqualByComparingTo("77.02");
        // the judges' mean of 80, 85, 86 = 83.666… → 83.67
        assertThat(Races.mean(List.of(bd("80"), bd("85"), bd("86")))).isEqualByComparingTo("83.67");
        assertThat(Races.mean(List.of())).isNull();
    }

    @Test
    void tiesGoToThePresentationThenTenureThenTheEmployeeNumber() {
        // All four score 82.00: b presented better than a; c and d presented like a, c holds the grade longer than a;
        // d and a hold it since the same day, and a's employee number comes first.
        List<Races.Placed> placed = Races.rank(List.of(
                new Races.Entry(1, bd("100"), bd("70"), bd("80"), LocalDate.of(2020, 1, 1), "E200"),
                new Races.Entry(2, bd("80"), bd("85"), bd("80"), LocalDate.of(2025, 1, 1), "E300"),
                new Races.Entry(3, bd("100"), bd("70"), bd("80"), LocalDate.of(2019, 6, 1), "E400"),
                new Races.Entry(4, bd("100"), bd("70"), bd("80"), LocalDate.of(2020, 1, 1), "E100")), 2, WEIGHTS);
        assertThat(placed).extracting(Races.Placed::reviewId).containsExactly(2L, 3L, 4L, 1L);
        assertThat(placed).extracting(Races.Placed::rank).containsExactly(1, 2, 3, 4);
        assertThat(placed).extracting(Races.Placed::proposed).containsExactly(true, true, false, false);
        assertThat(placed).allSatisfy(p -> assertThat(p.total()).isEqualByComparingTo("82.00"));
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }
}
