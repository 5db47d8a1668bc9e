package com.hongda.cms.platform;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine depend on database initialisation (Flyway), like JPA does: Flyway creates
 * the engine's tables ({@link EngineSchemaMigration}) and the engine, built by the Camunda starter's
 * {@code processEngineFactoryBean}, only checks them. Registered in {@code META-INF/spring.factories}.
 */
public class EngineStartsAfterMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
    }
}
