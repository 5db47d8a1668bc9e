package com.hongda.cms.workflow.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The live inbox's settings ({@code cms.live.*}, README "Live inbox").
 *
 * @param pollInterval     how often a node with subscribers reads the outbox for rows of other nodes (its own
 *                         commits wake it at once)
 * @param retention        how long outbox rows are kept
 * @param gapWait          how long a missing id below the newest seen is waited for (a transaction that took its id
 *                         earlier and commits later) before it is given up as rolled back
 * @param perUser          open subscriptions per login, per node
 * @param perNode          open subscriptions per node
 * @param buffer           events held for one subscriber that does not read
 * @param slowAfter        how long a full buffer may take to drain before its subscriber is dropped
 * @param loginCheck       how often the subscribers' logins are checked for a change since they subscribed
 */
@Validated
@ConfigurationProperties("cms.live")
public record LiveProperties(@NotNull Duration pollInterval, @NotNull Duration retention, @NotNull Duration gapWait,
                             @Min(1) @Max(1000) int perUser, @Min(1) int perNode, @Min(8) @Max(65536) int buffer,
                             @NotNull Duration slowAfter, @NotNull Duration loginCheck) {
}
