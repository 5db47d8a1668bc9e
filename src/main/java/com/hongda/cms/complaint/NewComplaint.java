package com.hongda.cms.complaint;

/**
 * What a complaint is registered with: the customer (null when not known yet), the manager complained
 * about (optional), how it came in, what about, how serious, what happened, and who complained and how
 * to reach them (confidential, like customers' contacts).
 */
public record NewComplaint(Long customerId, Long managerId, Channel channel, Category category, Severity severity,
                           String description, String complainantName, String complainantContact) {
}
