package com.hongda.cms.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles of the test context: {@code test}, or what the build passes in {@code test.profiles}
 * ({@code test,mysql} for the MySQL/MariaDB run).
 */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return System.getProperty("test.profiles", "test").split(",");
    }
}
