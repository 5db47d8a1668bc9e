package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GraphQL requests are timed as a whole; single fields are not (they cost more than they tell). */
class ObservationTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsAreTimedButNotEachField() {
        as(Fixtures.HR).document("{ me { id name roles } }").execute().path("me.id").entity(String.class).isEqualTo(Fixtures.HR);
        assertThat(meters.find("graphql.request").timer()).isNotNull();
        assertThat(meters.find("graphql.datafetcher").timers()).isEmpty();
    }
}
