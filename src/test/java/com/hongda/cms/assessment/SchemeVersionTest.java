package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round keeps the scheme it opened with: after a new version of the scheme table is deployed, new
 * rounds take it and a round opened before is still scored by its own. The table's original content
 * is deployed again at the end, so other tests see the shipped scheme.
 */
class SchemeVersionTest extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    AssessmentSchemes schemes;

    @Test
    void aNewVersionOfTheTableAppliesOnlyToRoundsOpenedAfterIt() throws Exception {
        String shipped = Files.readString(Path.of("bpmn/assessment-scheme.dmn"));
        String before = schemes.current();
        String changed = shipped.replace("<outputEntry id=\"rule_1_weight\"><text>60</text>", "<outputEntry id=\"rule_1_weight\"><text>50</text>")
                .replace("<outputEntry id=\"rule_2_weight\"><text>20</text>", "<outputEntry id=\"rule_2_weight\"><text>30</text>");
        assertThat(changed).isNotEqualTo(shipped);
        try {
            repository.createDeployment().name("scheme 50/30/20").addString("assessment-scheme.dmn", changed).deploy();
            String after = schemes.current();
            assertThat(after).isNotEqualTo(before);
            assertThat(schemes.of(after, RoundKind.MONTHLY).groupWeights().get(IndicatorGroup.PERFORMANCE)).isEqualByComparingTo("50");
            assertThat(schemes.of(before, RoundKind.MONTHLY).groupWeights().get(IndicatorGroup.PERFORMANCE)).isEqualByComparingTo("60");
            assertThat(schemes.of(before, RoundKind.MONTHLY).groupWeights().get(IndicatorGroup.BEHAVIOUR))
                    .isEqualByComparingTo(BigDecimal.valueOf(20));
        } finally {
            repository.createDeployment().name("scheme as shipped").addString("assessment-scheme.dmn", shipped).deploy();
        }
        assertThat(schemes.of(schemes.current(), RoundKind.MONTHLY).groupWeights().get(IndicatorGroup.PERFORMANCE))
                .isEqualByComparingTo("60");
    }
}
