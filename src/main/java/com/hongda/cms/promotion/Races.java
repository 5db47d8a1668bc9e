package com.hongda.cms.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of a race for one target grade (docs/rules.md#promotion-ranking), pure so that a test
 * checks it against hand calculations: the score out of 100 and the order with its tie-breaks.
 */
final class Races {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Races() {
    }

    /** A candidate as the race sees them: the three parts (each 0-100) and the tie-breaks' facts. */
    record Entry(long reviewId, BigDecimal supervisor, BigDecimal presentation, BigDecimal annual, LocalDate gradeSince,
                 String employeeNo) {
    }

    /** A candidate's place: the score, the rank (1 = first, never shared) and whether it lies within the places. */
    record Placed(long reviewId, BigDecimal total, int rank, boolean proposed) {
    }

    /** The score out of 100: each part (0-100) weighted by its points, to two decimals, half up. */
    static BigDecimal total(PromotionProperties.Weights w, BigDecimal supervisor, BigDecimal presentation, BigDecimal annual) {
        BigDecimal sum = nz(supervisor).multiply(w.supervisor()).add(nz(presentation).multiply(w.presentation()))
                .add(nz(annual).multiply(w.annual()));
        return sum.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The mean of the judges' scores, to two decimals, half up; null when no judge scored. */
    static BigDecimal mean(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    /**
     * The order of a race: by score; a tie by the presentation score; then by longer tenure in the
     * current grade (the earlier grade date); then by employee number, ascending — always one order.
     * The first {@code places} are proposed.
     */
    static List<Placed> rank(List<Entry> entries, int places, PromotionProperties.Weights weights) {
        record Scored(Entry entry, BigDecimal total) {
        }
        List<Scored> scored = new ArrayList<>(entries.stream()
                .map(e -> new Scored(e, total(weights, e.supervisor(), e.presentation(), e.annual()))).toList());
        scored.sort(Comparator.comparing(Scored::total, Comparator.reverseOrder())
                .thenComparing(s -> nz(s.entry().presentation()), Comparator.reverseOrder())
                .thenComparing(s -> s.entry().gradeSince())
                .thenComparing(s -> s.entry().employeeNo()));
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            placed.add(new Placed(scored.get(i).entry().reviewId(), scored.get(i).total(), i + 1, i < places));
        }
        return placed;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
