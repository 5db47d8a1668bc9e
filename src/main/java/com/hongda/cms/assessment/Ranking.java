package com.hongda.cms.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks results within their group (branch and grade), best first (docs/rules.md#assessment-rank):
 * a result's rank is one more than the number of results of its group with a strictly higher score,
 * so equal scores share a rank (90, 80, 80, 70 rank 1, 2, 2, 4); its top percent is
 * {@code 100 × rank / group size}, rounded half up to two decimals. "In the top 60 %" means a top
 * percent of at most 60.
 */
final class Ranking {

    private Ranking() {
    }

    /** One result to rank. */
    record Entry(long id, long branchId, String grade, BigDecimal score) {
    }

    /** Its place. */
    record Place(long id, int rank, int groupSize, BigDecimal topPercent) {
    }

    /** The places of entries sorted by branch, grade and score descending. */
    static List<Place> rank(List<Entry> sorted) {
        List<Place> places = new ArrayList<>();
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            Entry first = sorted.get(start);
            while (end < sorted.size() && sorted.get(end).branchId() == first.branchId() && sorted.get(end).grade().equals(first.grade())) {
                end++;
            }
            int size = end - start;
            int rank = 0;
            for (int i = start; i < end; i++) {
                if (i == start || sorted.get(i).score().compareTo(sorted.get(i - 1).score()) != 0) {
                    rank = i - start + 1;
                }
                places.add(new Place(sorted.get(i).id(), rank, size,
                        BigDecimal.valueOf(100L * rank).divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP)));
            }
            start = end;
        }
        return places;
    }
}
