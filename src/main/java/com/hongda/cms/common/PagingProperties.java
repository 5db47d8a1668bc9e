package com.hongda.cms.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Page sizes for every connection: what a client gets when it names none, and the most it may ask for.
 */
@Validated
@ConfigurationProperties("cms.paging")
public record PagingProperties(@Min(1) @Max(500) int defaultSize, @Min(1) @Max(500) int maxSize) {

    public PagingProperties {
        if (defaultSize == 0) {
            defaultSize = 20;
        }
        if (maxSize == 0) {
            maxSize = 100;
        }
    }
}
