package com.hongda.cms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The customer-manager service: GraphQL over an embedded Camunda 7 engine and the domain
 * tables of customers and their customer managers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CmsApplication.class, args);
    }
}
