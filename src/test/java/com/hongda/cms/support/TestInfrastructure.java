package com.hongda.cms.support;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans only the tests have: the statement counter wrapped around the real DataSource. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("counted").listener(counter.getObject()).build();
                }
                return bean;
            }
        };
    }
}
