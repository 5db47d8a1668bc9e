package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranks and top percents within branch and grade, checked against a hand calculation with ties. */
class RankingTest {

    @Test
    void equalScoresShareARankAndTheTopPercentFollowsTheRank() {
        // Branch 1, JUNIOR: 90, 80, 80, 70, 60 → ranks 1, 2, 2, 4, 5; top percent 20, 40, 40, 80, 100.
        // Branch 1, SENIOR: 75 alone → rank 1 of 1, 100. Branch 2, JUNIOR: 50, 50, 50 → all rank 1 of 3, 33.33.
        List<Ranking.Place> places = Ranking.rank(List.of(
                entry(1, 1, "JUNIOR", "90"), entry(2, 1, "JUNIOR", "80"), entry(3, 1, "JUNIOR", "80"),
                entry(4, 1, "JUNIOR", "70"), entry(5, 1, "JUNIOR", "60"),
                entry(6, 1, "SENIOR", "75"),
                entry(7, 2, "JUNIOR", "50"), entry(8, 2, "JUNIOR", "50"), entry(9, 2, "JUNIOR", "50")));
        assertThat(places).extracting(p -> p.id() + ":" + p.rank() + "/" + p.groupSize() + "=" + p.topPercent()).containsExactly(
                "1:1/5=20.00", "2:2/5=40.00", "3:2/5=40.00", "4:4/5=80.00", "5:5/5=100.00",
                "6:1/1=100.00",
                "7:1/3=33.33", "8:1/3=33.33", "9:1/3=33.33");
        // "In the top 60 %": the first three of branch 1's juniors.
        assertThat(places.stream().filter(p -> p.id() <= 5 && p.topPercent().compareTo(new BigDecimal("60")) <= 0))
                .extracting(Ranking.Place::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void nothingToRankGivesNoPlaces() {
        assertThat(Ranking.rank(List.of())).isEmpty();
    }

    private static Ranking.Entry entry(long id, long branch, String grade, String score) {
        return new Ranking.Entry(id, branch, grade, new BigDecimal(score));
    }
}
