package com.hongda.cms.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The fields of {@code graphql-test/test-fields.graphqls}: the tests' window into a request. */
@Controller
public class TestFields {

    private final AtomicInteger probes = new AtomicInteger();
    private final IdentityService identityService;

    TestFields(IdentityService identityService) {
        this.identityService = identityService;
    }

    @QueryMapping
    int probe() {
        return probes.incrementAndGet();
    }

    /** How often {@code probe} has been fetched since the context started. */
    public int probes() {
        return probes.get();
    }

    @QueryMapping
    String actingAs() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null ? "" : auth.getUserId() + ":" + String.join(",", auth.getGroupIds());
    }

    @QueryMapping
    String boom() {
        throw new IllegalStateException("select secret_column from secret_table where 1=1",
                new java.sql.SQLException("Table SECRET_TABLE not found; SQL statement: select secret_column"));
    }
}
