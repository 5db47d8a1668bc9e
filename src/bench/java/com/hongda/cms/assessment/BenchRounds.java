package com.hongda.cms.assessment;

import org.springframework.context.ApplicationContext;

/**
 * Benchmark access to what the assessment module keeps package-private: the ranking pass that
 * publishing a round runs ({@link RoundPublication#rank}), to count its statements on its own, and
 * the batch size the round's jobs start assessments in.
 */
public final class BenchRounds {

    private final RoundPublication publication;
    private final AssessmentProperties properties;

    public BenchRounds(ApplicationContext context) {
        this.publication = context.getBean(RoundPublication.class);
        this.properties = context.getBean(AssessmentProperties.class);
    }

    /** Ranks the round's confirmed results again, as publication does (same read, same batch of updates). */
    public void rank(long roundId) {
        publication.rank(roundId);
    }

    /** {@code cms.assessment.batch-size}: assessments started per job. */
    public int batchSize() {
        return properties.batchSize();
    }

    /** The round's process (the key {@code openAssessmentRound} starts). */
    public static String roundProcessKey() {
        return AssessmentRounds.ROUND_PROCESS;
    }

    /** The assessment's process, one per manager. */
    public static String caseProcessKey() {
        return AssessmentBatch.CASE_PROCESS;
    }
}
